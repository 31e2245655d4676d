"""A seeded chaos soak: one client through the driver protocol, random faults from the control API."""
