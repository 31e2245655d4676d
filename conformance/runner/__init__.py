"""The conformance runner: loads the YAML cases, drives an SDK through its driver, checks the server."""
