"""presswatch: watch government announcements and news, extract what matters, make it searchable."""

__version__ = "0.1.0"
