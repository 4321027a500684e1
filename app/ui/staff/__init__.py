"""Staff entry pages: staff records, attendance, and the kiosk window."""
