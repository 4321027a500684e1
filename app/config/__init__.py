"""Where things live (paths) and what can be configured (settings)."""
