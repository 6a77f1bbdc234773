"""Alerts: saved searches and watches, matched against each newly indexed batch, and delivered (webhook,
e-mail, chat through Apprise, Atom feed; at once or as hourly or daily digests; one alert per story) at least
once: each delivery is recorded as it completes, so after a crash only the sends
that were in flight may repeat (receivers dedupe by alert id)."""
