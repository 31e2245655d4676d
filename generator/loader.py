"""Loads the spec YAML into plain data plus a map from spec path to source position."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.problems import Problem, SpecError

PathKey = tuple[str | int, ...]


@dataclass(frozen=True)
class LoadedSpec:
    """The spec as data, with the position of every node for error messages."""

    file: str
    data: dict[str, Any]
    positions: Mapping[PathKey, tuple[int, int]]
    raw: bytes

    def problem(self, path: PathKey, message: str) -> Problem:
        """A problem located at the nearest known position of `path`."""
        line, column = self.position(path)
        return Problem(self.file, line, column, dotted(path), message)

    def position(self, path: PathKey) -> tuple[int, int]:
        """The line and column of `path`, or of its closest ancestor that has one."""
        for end in range(len(path), -1, -1):
            found = self.positions.get(path[:end])
            if found is not None:
                return found
        return (1, 1)


def dotted(path: PathKey) -> str:
    """Spec path in the form operations.vm.create.input or fields[2]."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


# libyaml's composer (in PyYAML's wheels) is about ten times faster and keeps the same node marks.
COMPOSER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(path: Path) -> LoadedSpec:
    """Parses `path`; malformed YAML or duplicate keys raise SpecError with positions."""
    raw = path.read_bytes()
    name = str(path)
    try:
        node = yaml.compose(raw.decode("utf-8"), Loader=COMPOSER)
    except UnicodeDecodeError as exc:
        raise SpecError([Problem(name, 1, 1, "", f"not UTF-8: {exc}")]) from exc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise SpecError([Problem(name, line, col, "", f"malformed YAML: {exc.problem}")]) from exc
    if node is None:
        raise SpecError([Problem(name, 1, 1, "", "the spec is empty")])
    builder = _Builder(name)
    data = builder.build(node, ())
    if builder.problems:
        raise SpecError(builder.problems)
    if not isinstance(data, dict):
        raise SpecError([Problem(name, 1, 1, "", "the spec must be a mapping")])
    return LoadedSpec(name, data, builder.positions, raw)


class _Builder:
    """Turns a composed YAML node tree into Python data, recording positions and duplicates."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.positions: dict[PathKey, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        self._scalars = yaml.SafeLoader("")

    def build(self, node: yaml.Node, path: PathKey) -> Any:
        """Data of `node`, whose spec path is `path`."""
        self.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        return self._scalars.construct_object(node, deep=True)

    def _mapping(self, node: yaml.MappingNode, path: PathKey) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = str(self._scalars.construct_object(key_node, deep=True))
            if key in out:
                line, col = key_node.start_mark.line + 1, key_node.start_mark.column + 1
                message = f"duplicate key {key!r}"
                self.problems.append(Problem(self.file, line, col, dotted((*path, key)), message))
                continue
            out[key] = self.build(value_node, (*path, key))
        return out
