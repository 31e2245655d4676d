# Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.
"""The package version and the spec it was generated from."""

__version__ = "3.0.0"
SPEC_VERSION = "3.0.0"
SPEC_HASH = "2a8adb99532973d22cfb2932c18af3c3679ed41934279accd170a9967a379a55"
