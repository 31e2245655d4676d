# Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.
"""The package version and the spec it was generated from."""

__version__ = "3.0.0"
SPEC_VERSION = "3.0.0"
SPEC_HASH = "ed8016d0737ec440c0b723e9e97fe80cc76e85f9ba4d7f854360751e98b2fbdc"
