"""Use cases in plain Python (no Qt): every rule is enforced here, whatever the UI does."""
