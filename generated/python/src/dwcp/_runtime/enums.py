# Code generated from templates/python/runtime/enums.py by generator/; DO NOT EDIT.
"""The base of the spec's string enums."""

from __future__ import annotations

from enum import Enum


class WireEnum(str, Enum):
    """A string enum that prints as its wire value (f"{vm.state}" gives "running")."""

    def __str__(self) -> str:
        return str(self.value)
