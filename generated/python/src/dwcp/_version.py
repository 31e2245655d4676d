# Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.
"""The package version and the spec it was generated from."""

__version__ = "3.0.0"
SPEC_VERSION = "3.0.0"
SPEC_HASH = "aa96c22ea3954d46b655349271ebb891906bc4f450b212e94d4c6155bc72b0d4"
