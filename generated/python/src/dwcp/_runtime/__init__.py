# Code generated from templates/python/runtime/__init__.py by generator/; DO NOT EDIT.
"""The hand-written core of the dwcp SDK: transport, retries, errors, SSE, waiters; spec-agnostic."""
