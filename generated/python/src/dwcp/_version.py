# Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.
"""The package version and the spec it was generated from."""

__version__ = "3.0.0"
SPEC_VERSION = "3.0.0"
SPEC_HASH = "0d18abef8bb35b738b5f261f19ada8f7046b6baef8a6ad8b126e1fd09abb09af"
