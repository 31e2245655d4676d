"""The hand-written core of the dwcp SDK: transport, retries, errors, SSE, waiters; spec-agnostic."""
