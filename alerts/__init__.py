"""Alerts: saved searches and watches, matched against each newly indexed batch, delivered exactly once."""
