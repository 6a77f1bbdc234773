"""Alerts: saved searches and watches, matched against each newly indexed batch, and delivered (webhook,
e-mail, chat through Apprise, Atom feed; at once or as hourly or daily digests; one alert per story) at least
once: each delivery is recorded as it completes, so after a crash only the sends
that were in flight may repeat (receivers dedupe by alert id). The store (`alerts.store.AlertStore`) is a
SQLite file in the data dir, or PostgreSQL with `PRESSWATCH_DATABASE_URL` (matchers and deliverers on many
machines: each alert fires once, each row is claimed by one deliverer)."""
