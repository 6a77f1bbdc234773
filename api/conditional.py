"""Validators for a conditional GET (RFC 9110 13.1): a client that kept a response asks with If-None-Match (or
If-Modified-Since) and gets a bodiless 304 when it has not changed. The Atom feeds and GET /documents/{id} use
them, so a client that keeps documents revalidates each one for the price of a header."""

from __future__ import annotations

import hashlib
from email.utils import parsedate_to_datetime

from fastapi import Request


def etag_of(body: bytes) -> str:
    """A strong validator: the hash of a representation's bytes, or of a serialisation that is a function of
    its content alone (a model's JSON), so equal content gives equal validators and any change a new one."""
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def not_modified(request: Request, *, etag: str, last_modified: str | None = None) -> bool:
    """RFC 9110 13.1: If-None-Match decides when sent (weak comparison); else If-Modified-Since."""
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is not None:
        tags = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
        return "*" in tags or etag in tags
    since = request.headers.get("If-Modified-Since")
    if since is None or last_modified is None:
        return False
    try:
        return parsedate_to_datetime(last_modified) <= parsedate_to_datetime(since)
    except (TypeError, ValueError):  # an unreadable date is ignored, as the RFC says
        return False
