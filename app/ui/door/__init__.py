"""The Staff door page: entry log, access rules and monthly timesheets (Managers)."""
