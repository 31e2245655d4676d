"""Per-language naming: one module per language; templates never compute a name themselves."""

from __future__ import annotations

from generator.naming.base import Namer
from generator.naming.go import GoNamer
from generator.naming.python import PythonNamer
from generator.naming.rust import RustNamer
from generator.naming.typescript import TypeScriptNamer

NAMERS: dict[str, type[Namer]] = {
    "python": PythonNamer,
    "go": GoNamer,
    "typescript": TypeScriptNamer,
    "rust": RustNamer,
}

__all__ = ["NAMERS", "Namer"]
