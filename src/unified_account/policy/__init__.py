"""Pure policy functions, one module per rule family, and decision values."""
