# Code generated from templates/python/runtime/model.py by generator/; DO NOT EDIT.
"""The pydantic base of every model: bad input raises ValidationError, bad responses a DWCPError."""

from __future__ import annotations

from typing import Any, ClassVar, TypeVar, Union

import pydantic
from pydantic_core import ErrorDetails

from .errors import MALFORMED_RESPONSE, VALIDATION_FAILED, Catalogue, DWCPError

M = TypeVar("M", bound="Model")


class Model(pydantic.BaseModel):
    """Unknown response fields are ignored (forward compatibility); constraints are checked on build."""

    # populate_by_name: a field renamed in Python (a keyword, a pydantic attribute) is built by its Python name.
    model_config = pydantic.ConfigDict(extra="ignore", validate_assignment=True, populate_by_name=True)

    catalogue: ClassVar[Catalogue]

    def __init__(self, **data: Any) -> None:
        try:
            super().__init__(**data)
        except pydantic.ValidationError as exc:
            raise invalid(self.catalogue, exc) from None

    # Marks this __init__ as pydantic's own (as pydantic.RootModel does), so that validating nested models
    # and responses stays in pydantic-core instead of calling back into Python for every object.
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]

    def __setattr__(self, name: str, value: Any) -> None:
        """Assignments are validated too; a bad value raises the SDK's ValidationError, never pydantic's."""
        try:
            super().__setattr__(name, value)
        except pydantic.ValidationError as exc:
            raise invalid(self.catalogue, exc) from None

    def to_wire(self) -> bytes:
        """The JSON body of this model, absent fields omitted."""
        return self.model_dump_json(exclude_none=True, by_alias=True).encode()


def invalid(catalogue: Catalogue, exc: pydantic.ValidationError, prefix: str = "") -> DWCPError:
    """The SDK's ValidationError for pydantic's, naming the first offending field (never its value)."""
    first = exc.errors(include_input=False, include_url=False)[0]
    field = prefix + _location(first)
    return catalogue.make(VALIDATION_FAILED, f"{field}: {first['msg']}", details={"field": field})


def decode(model: type[M], body: Union[str, bytes], catalogue: Catalogue, **context: Any) -> M:
    """A response body as `model`; anything unreadable is a typed error, never a bare JSON or key error."""
    try:
        return model.model_validate_json(body)
    except pydantic.ValidationError as exc:
        raise malformed(model, exc, catalogue, **context) from None


def malformed(
    model: type[Model], exc: pydantic.ValidationError, catalogue: Catalogue, **context: Any
) -> DWCPError:
    """The malformed_response error of a body that does not decode as `model`."""
    where = _location(exc.errors(include_input=False, include_url=False)[0]) or "body"
    return catalogue.make(
        MALFORMED_RESPONSE, f"malformed {model.__name__} in the response ({where})", **context
    )


def _location(error: ErrorDetails) -> str:
    return ".".join(str(part) for part in error["loc"])
