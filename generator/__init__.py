"""The DWCP toolchain's generator: spec/dwcp.yaml -> IR -> templates -> generated/."""
