# Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.
"""The package version and the spec it was generated from."""

__version__ = "3.0.0"
SPEC_VERSION = "3.0.0"
SPEC_HASH = "9f6d0bfc03d2556d7988603d12eea70a356a72a4c808c35a45d0409814a6d7cf"
