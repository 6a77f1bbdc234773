"""The note a page shows after one of its form posts (`?done=...`, "Border Force merged into ..."), signed
with an API key (`done_mac`), so a link from elsewhere cannot put its own words in the page's status box
("your key expired: sign in at ..."). The posts that write such notes need a key, so one is configured."""

from __future__ import annotations

import hashlib
import hmac

from starlette.requests import Request

from presswatch.config import Settings

_LABEL = b"presswatch done note."


def _mac(key: str, text: str) -> str:
    return hmac.new(key.encode(), _LABEL + text.encode(), hashlib.sha256).hexdigest()[:32]


def signed_note(settings: Settings, text: str) -> dict[str, str]:
    """The query parameters that show `text` on the page they lead to."""
    return {"done": text, "done_mac": _mac(settings.api_keys[0].get_secret_value(), text)}


def shown_note(request: Request) -> str:
    """The request's note when one of the configured keys signed it, else nothing."""
    settings: Settings = request.app.state.settings
    text, mac = request.query_params.get("done", ""), request.query_params.get("done_mac", "")
    if not text or not mac:
        return ""
    keys = (k.get_secret_value() for k in settings.api_keys)
    return text if any(hmac.compare_digest(_mac(key, text), mac) for key in keys) else ""
