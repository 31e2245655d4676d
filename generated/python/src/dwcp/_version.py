# Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.
"""The package version and the spec it was generated from."""

__version__ = "3.0.0"
SPEC_VERSION = "3.0.0"
SPEC_HASH = "86bb25acddfd32597e436eb83d93c9e095bc6329a3b179de857cd36923612ea0"
