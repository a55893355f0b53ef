"""Email alerts, signed webhooks and the distribution log (README, "Alerts and webhooks")."""
