"""Bodies of the nox sessions, one module per area."""
