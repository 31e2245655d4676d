"""Validation of a loaded spec: JSON Schema first, then the checks a schema cannot express."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema

from generator import ir
from generator.loader import LoadedSpec, PathKey
from generator.naming import NAMERS
from generator.problems import Problem, SpecError
from generator.types import SCALARS, parse_expr

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "spec" / "dwcp.schema.json"


def validate(spec: LoadedSpec) -> ir.Api:
    """The IR of `spec`, or SpecError listing every problem found."""
    problems = list(schema_problems(spec))
    if problems:
        raise SpecError(problems)
    problems = list(semantic_problems(spec))
    if problems:
        raise SpecError(problems)
    api = ir.build(spec.data, spec.raw)
    problems = list(naming_problems(spec, api))
    if problems:
        raise SpecError(problems)
    return api


def schema_problems(spec: LoadedSpec) -> Iterator[Problem]:
    """Violations of spec/dwcp.schema.json."""
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for error in validator.iter_errors(spec.data):
        yield spec.problem(tuple(error.absolute_path), _schema_message(error))


def _schema_message(error: jsonschema.ValidationError) -> str:
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        schema = error.schema if isinstance(error.schema, dict) else {}
        allowed = set(schema.get("properties", {}))
        unknown = sorted(k for k in error.instance if k not in allowed)
        return f"unknown key(s) {', '.join(map(repr, unknown))}; allowed: {', '.join(sorted(allowed))}"
    return error.message


def semantic_problems(spec: LoadedSpec) -> Iterator[Problem]:
    """Unknown references, path parameters without a field, impossible limits and the like."""
    data = spec.data
    yield from _type_problems(spec, data)
    yield from _error_problems(spec, data)
    yield from _operation_problems(spec, data)
    yield from _waiter_problems(spec, data)
    yield from _role_problems(spec, data)


def _role_problems(spec: LoadedSpec, data: dict[str, Any]) -> Iterator[Problem]:
    sessions = [
        ("resources", r, "operations", o, "role")
        for r, rbody in data["resources"].items()
        for o, obody in rbody["operations"].items()
        if obody.get("role") == "session"
    ]
    for where in sessions[1:]:
        yield spec.problem(where, f"only one operation can have role session; {'.'.join(sessions[0][1:4:2])} has it")


def _known(data: dict[str, Any]) -> tuple[set[str], set[str]]:
    return set(data["enums"]), set(data["types"])


def _check_expr(spec: LoadedSpec, data: dict[str, Any], expr: str, path: PathKey) -> Iterator[Problem]:
    enums, structs = _known(data)
    parsed = parse_expr(expr)
    if parsed is None:
        yield spec.problem(path, f"malformed type expression {expr!r}")
        return
    base = parsed[1]
    if base not in SCALARS and base not in enums and base not in structs:
        yield spec.problem(path, f"unknown type {base!r}")


def _type_problems(spec: LoadedSpec, data: dict[str, Any]) -> Iterator[Problem]:
    enums, structs = _known(data)
    for name in sorted(enums & structs):
        yield spec.problem(("types", name), f"name {name!r} is both an enum and a type")
    groups: list[tuple[PathKey, dict[str, Any]]] = [(("client_config", "fields"), data["client_config"]["fields"])]
    for bname, bbody in data["client_config"].get("blocks", {}).items():
        groups.append((("client_config", "blocks", bname, "fields"), bbody["fields"]))
        if bname in data["client_config"]["fields"]:
            yield spec.problem(("client_config", "blocks", bname), f"block {bname!r} has the name of a config field")
    groups += [(("types", t, "fields"), body["fields"]) for t, body in data["types"].items()]
    for base, fields in groups:
        for fname, fbody in fields.items():
            yield from _field_problems(spec, data, (*base, fname), fbody)
    for ename, ebody in data["enums"].items():
        fallbacks = [v for v, b in ebody["values"].items() if isinstance(b, dict) and b.get("fallback")]
        if len(fallbacks) > 1:
            yield spec.problem(("enums", ename, "values"), f"more than one fallback member: {fallbacks}")


def _field_problems(spec: LoadedSpec, data: dict[str, Any], path: PathKey, body: dict[str, Any]) -> Iterator[Problem]:
    yield from _check_expr(spec, data, body["type"], (*path, "type"))
    if "min" in body and "max" in body and body["min"] > body["max"]:
        yield spec.problem((*path, "min"), f"min {body['min']} is above max {body['max']}")
    if "pattern" in body:
        try:
            re.compile(body["pattern"])
        except re.error as exc:
            yield spec.problem((*path, "pattern"), f"pattern does not compile: {exc}")
    if body.get("go", {}).get("by_value") and not _optional_struct(data, body):
        yield spec.problem((*path, "go", "by_value"), "by_value applies to optional fields of a struct type only")
    if body.get("required") and "default" in body:
        yield spec.problem((*path, "default"), "a required field cannot have a default")
    if "default" in body:
        yield from _default_problems(spec, path, body)


def _optional_struct(data: dict[str, Any], body: dict[str, Any]) -> bool:
    """True for an optional struct field, and for one of an unknown type (reported on its own)."""
    parsed = parse_expr(body["type"])
    if parsed is None or (parsed[1] not in data["types"] and parsed[1] not in set(data["enums"]) | SCALARS):
        return True
    return not body.get("required") and parsed[0] is None and parsed[1] in data["types"]


def _default_problems(spec: LoadedSpec, path: PathKey, body: dict[str, Any]) -> Iterator[Problem]:
    default, kind = body["default"], body["type"]
    expected: tuple[type, ...] | None = {
        "string": (str,),
        "bool": (bool,),
        "int32": (int,),
        "int64": (int,),
        "duration": (int,),
        "float64": (int, float),
    }.get(kind)
    wrong_bool = isinstance(default, bool) and kind != "bool"
    if expected is None or not isinstance(default, expected) or wrong_bool:
        yield spec.problem((*path, "default"), f"default {default!r} does not fit type {kind}")
        return
    if ("min" in body and default < body["min"]) or ("max" in body and default > body["max"]):
        yield spec.problem((*path, "default"), f"default {default!r} is outside [{body.get('min')}, {body.get('max')}]")


def _error_problems(spec: LoadedSpec, data: dict[str, Any]) -> Iterator[Problem]:
    errors = data["errors"]
    abstract = [n for n, b in errors.items() if b.get("abstract")]
    if len(abstract) != 1:
        yield spec.problem(("errors",), f"exactly one abstract base error is needed, found {abstract}")
    seen: dict[str, str] = {}
    for name, body in errors.items():
        parent = body.get("parent")
        if parent is not None and parent not in errors:
            yield spec.problem(("errors", name, "parent"), f"unknown error {parent!r}")
        if not body.get("abstract") and body.get("side") != "client" and "status" not in body:
            yield spec.problem(("errors", name), "a wire error needs a status")
        if not body.get("abstract") and not body.get("codes"):
            yield spec.problem(("errors", name), "an error needs at least one code")
        for code in body.get("codes", {}):
            if code in seen:
                yield spec.problem(("errors", name, "codes", code), f"code {code!r} is already used by {seen[code]}")
            seen[code] = name


def _operation_problems(spec: LoadedSpec, data: dict[str, Any]) -> Iterator[Problem]:
    routes: dict[tuple[str, str], str] = {}
    for rname, rbody in data["resources"].items():
        for oname, obody in rbody["operations"].items():
            path = ("resources", rname, "operations", oname)
            route = (obody["http"]["method"], re.sub(r"\{[^}]+\}", "{}", obody["http"]["path"]))
            if route in routes:
                yield spec.problem((*path, "http"), f"route {route[0]} {obody['http']['path']} repeats {routes[route]}")
            routes[route] = f"{rname}.{oname}"
            yield from _one_operation(spec, data, path, rbody["operations"], obody)


def _one_operation(
    spec: LoadedSpec, data: dict[str, Any], path: PathKey, siblings: dict[str, Any], body: dict[str, Any]
) -> Iterator[Problem]:
    types = data["types"]
    inputs = body.get("input", {})
    in_path = set(re.findall(r"\{([^}]+)\}", body["http"]["path"]))
    declared = set(inputs.get("path", {}))
    for missing in sorted(in_path - declared):
        yield spec.problem((*path, "http", "path"), f"path parameter {{{missing}}} has no field in input.path")
    for extra in sorted(declared - in_path):
        yield spec.problem((*path, "input", "path", extra), f"input.path.{extra} does not appear in the path")
    for where in ("path", "query"):
        for pname, raw in inputs.get(where, {}).items():
            ppath = (*path, "input", where, pname)
            if isinstance(raw, str):
                yield from _check_expr(spec, data, raw, ppath)
            else:
                yield from _field_problems(spec, data, ppath, raw)
                yield from _param_note_problems(spec, ppath, raw)
    yield from _positional_problems(spec, data, path, body)
    if "body" in inputs and inputs["body"]["type"] not in types:
        yield spec.problem((*path, "input", "body", "type"), f"unknown type {inputs['body']['type']!r}")
    if "body" in inputs and body["http"]["method"] == "GET":
        yield spec.problem((*path, "input", "body"), "a GET operation cannot have a body")
    output = body.get("output")
    if output is not None and output not in types:
        yield spec.problem((*path, "output"), f"unknown type {output!r}")
    yield from _kind_problems(spec, data, path, siblings, body)


def _param_note_problems(spec: LoadedSpec, path: PathKey, body: dict[str, Any]) -> Iterator[Problem]:
    if body.get("go", {}).get("duration_string") and body["type"] != "duration":
        yield spec.problem((*path, "go", "duration_string"), "duration_string applies to duration parameters only")


def _input_names(data: dict[str, Any], body: dict[str, Any]) -> dict[str, bool]:
    """Every input of an operation by name -> whether it is required."""
    inputs = body.get("input", {})
    names = {p: True for p in inputs.get("path", {})}
    spec_body = inputs.get("body")
    if spec_body is not None and spec_body.get("flatten") and spec_body["type"] in data["types"]:
        for fname, fbody in data["types"][spec_body["type"]]["fields"].items():
            names[fname] = bool(fbody.get("required"))
    names.update({q: False for q in inputs.get("query", {})})
    return names


def _positional_problems(
    spec: LoadedSpec, data: dict[str, Any], path: PathKey, body: dict[str, Any]
) -> Iterator[Problem]:
    names = _input_names(data, body)
    token = body.get("pagination", {}).get("token_in")
    for index, name in enumerate(body.get("positional", ())):
        where = (*path, "positional", index)
        if name not in names:
            yield spec.problem(where, f"{name!r} is not a query parameter or flattened body field of the operation")
        elif names[name]:
            yield spec.problem(where, f"{name!r} is required, so it is positional already")
        elif name == token:
            yield spec.problem(where, f"{name!r} is the page token, which the SDKs drive themselves")


def _kind_problems(
    spec: LoadedSpec, data: dict[str, Any], path: PathKey, siblings: dict[str, Any], body: dict[str, Any]
) -> Iterator[Problem]:
    kind = body.get("kind", "unary")
    needs = {"paginated": "pagination", "long_running": "long_running", "server_stream": "stream"}
    for other_kind, key in needs.items():
        if (kind == other_kind) != (key in body):
            yield spec.problem((*path, key if key in body else "kind"), f"kind {kind} and the {key} block disagree")
    output = data["types"].get(body.get("output", ""), {}).get("fields", {})
    query = body.get("input", {}).get("query", {})
    pag = body.get("pagination")
    if pag is not None and body.get("output") in data["types"]:
        for key, scope, scope_name in (
            ("items", output, "output"),
            ("token_out", output, "output"),
            ("token_in", query, "query"),
            ("page_size", query, "query"),
        ):
            if pag[key] not in scope:
                yield spec.problem((*path, "pagination", key), f"{pag[key]!r} is not a field of the {scope_name}")
    lro = body.get("long_running")
    if lro is not None:
        yield from _long_running_problems(spec, data, path, siblings, lro)


# Keys of a long_running block that a named waiter replaces (they are derived from its acceptors).
DERIVED_FROM_WAITER = ("state_field", "done", "failed", "error", "error_field")


def _long_running_problems(
    spec: LoadedSpec, data: dict[str, Any], path: PathKey, siblings: dict[str, Any], lro: dict[str, Any]
) -> Iterator[Problem]:
    where = (*path, "long_running")
    if lro["status"] not in siblings:
        yield spec.problem((*where, "status"), f"unknown operation {lro['status']!r}")
    if "waiter" in lro:
        yield from _long_running_waiter_problems(spec, data, path, lro)
        return
    for key in ("state_field", "done", "failed", "error"):
        if key not in lro:
            yield spec.problem(where, f"{key!r} is required when the block names no waiter")
    if "error" in lro and lro["error"] not in data["errors"]:
        yield spec.problem((*where, "error"), f"unknown error {lro['error']!r}")
    status_output = data["types"].get(siblings.get(lro["status"], {}).get("output", ""), {}).get("fields", {})
    for key in ("state_field", "error_field"):
        if key in lro and status_output and lro[key] not in status_output:
            message = f"{lro[key]!r} is not a field of the status operation's output"
            yield spec.problem((*where, key), message)


def _long_running_waiter_problems(
    spec: LoadedSpec, data: dict[str, Any], path: PathKey, lro: dict[str, Any]
) -> Iterator[Problem]:
    where = (*path, "long_running")
    for key in DERIVED_FROM_WAITER:
        if key in lro:
            yield spec.problem((*where, key), f"{key!r} comes from the waiter {lro['waiter']!r}; remove it here")
    waiters = data["resources"][path[1]].get("waiters", {})
    waiter = waiters.get(lro["waiter"])
    if waiter is None:
        message = f"unknown waiter {lro['waiter']!r} (declare it under the resource's waiters)"
        yield spec.problem((*where, "waiter"), message)
        return
    if waiter["operation"] != lro["status"]:
        message = f"waiter {lro['waiter']!r} polls {waiter['operation']!r}, not the status operation {lro['status']!r}"
        yield spec.problem((*where, "waiter"), message)
    fields = {a.get("field") for a in waiter["acceptors"] if "error" not in a}
    if len(fields) != 1:
        message = f"waiter {lro['waiter']!r} must read exactly one state field to serve a long-running operation"
        yield spec.problem((*where, "waiter"), message)


def _waiter_problems(spec: LoadedSpec, data: dict[str, Any]) -> Iterator[Problem]:
    for rname, rbody in data["resources"].items():
        for wname, wbody in rbody.get("waiters", {}).items():
            path = ("resources", rname, "waiters", wname)
            if wname in rbody["operations"]:
                yield spec.problem(path, f"waiter {wname!r} has the name of an operation of {rname}")
            yield from _one_waiter(spec, data, path, rbody["operations"], wbody)


def _one_waiter(
    spec: LoadedSpec, data: dict[str, Any], path: PathKey, operations: dict[str, Any], body: dict[str, Any]
) -> Iterator[Problem]:
    if body["min_delay"] > body["max_delay"]:
        message = f"min_delay {body['min_delay']} is above max_delay {body['max_delay']}"
        yield spec.problem((*path, "min_delay"), message)
    if body["min_delay"] > body["max_wait"]:
        message = f"min_delay {body['min_delay']} is above max_wait {body['max_wait']}"
        yield spec.problem((*path, "min_delay"), message)
    error = body.get("error", "waiter_error")
    if error not in data["errors"]:
        hint = "" if "error" in body else " (the default; declare waiter_error in the catalogue or set error)"
        yield spec.problem((*path, "error") if "error" in body else path, f"unknown error {error!r}{hint}")
    elif data["errors"][error].get("abstract"):
        yield spec.problem((*path, "error"), f"{error!r} is abstract; a waiter raises a concrete error")
    if not any(a["result"] == "success" for a in body["acceptors"]):
        yield spec.problem((*path, "acceptors"), "a waiter needs at least one success acceptor")
    poll = operations.get(body["operation"])
    if poll is None:
        yield spec.problem((*path, "operation"), f"unknown operation {body['operation']!r}")
        return
    if poll.get("kind", "unary") not in ("unary",):
        message = f"a waiter polls a unary operation; {body['operation']!r} is {poll['kind']}"
        yield spec.problem((*path, "operation"), message)
        return
    output = data["types"].get(poll.get("output", ""), {}).get("fields", {})
    codes = {code for ebody in data["errors"].values() for code in ebody.get("codes", {})}
    for index, acceptor in enumerate(body["acceptors"]):
        where = (*path, "acceptors", index)
        yield from _acceptor_problems(
            spec, data, where, operation=body["operation"], output=output, codes=codes, acceptor=acceptor
        )
    if "error_field" in body:
        efield = output.get(body["error_field"])
        if efield is None:
            message = f"{body['error_field']!r} is not a field of {body['operation']}'s output"
            yield spec.problem((*path, "error_field"), message)
        elif efield["type"] != "string":
            yield spec.problem((*path, "error_field"), f"the error field must be a string, not {efield['type']}")


def _acceptor_problems(
    spec: LoadedSpec,
    data: dict[str, Any],
    path: PathKey,
    *,
    operation: str,
    output: dict[str, Any],
    codes: set[str],
    acceptor: dict[str, Any],
) -> Iterator[Problem]:
    has_field, has_error = "field" in acceptor, "error" in acceptor
    matchers = [k for k in ("equals", "in") if k in acceptor]
    if has_field == has_error or (has_field and len(matchers) != 1) or (has_error and matchers):
        yield spec.problem(path, "an acceptor takes `field` with one of `equals` or `in`, or `error` (a wire code)")
        return
    if has_error:
        if acceptor["error"] not in codes:
            yield spec.problem((*path, "error"), f"unknown error code {acceptor['error']!r}")
        return
    name = acceptor["field"]
    if name not in output:
        yield spec.problem((*path, "field"), f"{name!r} is not a field of {operation}'s output")
        return
    kind = output[name]["type"]
    values = [acceptor["equals"]] if "equals" in acceptor else acceptor["in"]
    for value in values:
        problem = _acceptor_value_problem(data, kind, value)
        if problem is not None:
            yield spec.problem((*path, matchers[0]), f"{name}: {problem}")


def _acceptor_value_problem(data: dict[str, Any], kind: str, value: Any) -> str | None:
    """Why `value` cannot be a value of a field of type `kind`, or None."""
    enum = data["enums"].get(kind)
    if enum is not None:
        known = [v for v, b in enum["values"].items() if not (isinstance(b, dict) and b.get("fallback"))]
        return None if value in known else f"{value!r} is not a value of enum {kind} ({', '.join(known)})"
    fits: dict[str, tuple[type, ...]] = {"string": (str,), "bool": (bool,), "int32": (int,), "int64": (int,)}
    expected = fits.get(kind)
    if expected is None:
        return f"an acceptor reads a string, bool, integer or enum field, not {kind}"
    if not isinstance(value, expected) or (isinstance(value, bool) and kind != "bool"):
        return f"{value!r} does not fit type {kind}"
    return None


def naming_problems(spec: LoadedSpec, api: ir.Api) -> Iterator[Problem]:
    """Names that collide with each other or with a reserved word after a language's casing."""
    for language, namer_class in NAMERS.items():
        namer = namer_class(api)
        seen: dict[tuple[str, str], str] = {}
        for scope, spec_path, identifier in namer.identifiers(api):
            key = tuple(spec_path.split("."))
            if namer.keywords_hit(identifier):
                message = f"{language}: {identifier!r} is a reserved word; set names.{language} to rename it"
                yield spec.problem(key, message)
            other = seen.get((scope, identifier))
            if other is not None:
                yield spec.problem(key, f"{language}: {identifier!r} collides with {other} in {scope}")
            seen[(scope, identifier)] = spec_path
        for spec_path, message in namer.problems(api):
            yield spec.problem(tuple(spec_path.split(".")), f"{language}: {message}")
