"""The DWCP conformance suite and its server."""
