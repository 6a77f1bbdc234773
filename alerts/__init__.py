"""Alerts: saved searches and watches, matched against each newly indexed batch; each fires once per reason,
and is delivered at least once at the HTTP level (a receiver dedupes by `X-Presswatch-Alert`)."""
