# Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.
"""The package version and the spec it was generated from."""

__version__ = "3.0.0"
SPEC_VERSION = "3.0.0"
SPEC_HASH = "dfa26f5f3ad495799a7c561985fa6bc07599e6c4d9e557808961f7e42d4462f3"
