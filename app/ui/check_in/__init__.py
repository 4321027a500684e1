"""The check-in wizard: guest details, method choice, notice and consent, capture, receipt, manual check."""
