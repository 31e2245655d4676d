# Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.
"""The package version and the spec it was generated from."""

__version__ = "3.0.0"
SPEC_VERSION = "3.0.0"
SPEC_HASH = "798ac4a235dd368cf51c593113f912f4aba38dfed7e46a5631f3ea4767afa74e"
