"""Where a browser request comes from: this site, another one, or no browser said (CSRF checks).

`Sec-Fetch-Site` is set by the browser and cannot be set by a page's script, so it decides when present; else
`Origin`; else `Referer`. A request with none of them is not from a current browser's cross-site form or
script (curl, a feed reader, a server): `from_this_site` says None and each caller decides.
"""

from __future__ import annotations

from collections.abc import Collection
from urllib.parse import urlsplit

from fastapi import HTTPException, Request, status

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def from_this_site(request: Request, *, allowed_origins: Collection[str] = ()) -> bool | None:
    """True from this origin (or one of `allowed_origins`), False from another site, None if nothing says."""
    here = f"{request.url.scheme}://{request.url.netloc}"
    site = request.headers.get("sec-fetch-site")
    origin = request.headers.get("origin")
    if origin is not None and origin != "null" and (origin in allowed_origins or "*" in allowed_origins):
        return True
    if site is not None:
        return site in ("same-origin", "none")
    if origin is not None:
        return origin == here
    referer = request.headers.get("referer")
    if referer is not None:
        return _origin_of(referer) == here
    return None


def _origin_of(url: str) -> str | None:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def refuse_cross_site_changes(request: Request) -> None:
    """A state-changing request that a browser says comes from another site is refused (403).

    For the JSON routes that need no key (a server without keys): a page elsewhere could otherwise make the
    visitor's browser post to them. Requests without any browser header (curl, scripts) pass; the origins
    configured for CORS count as this site.
    """
    if request.method in SAFE_METHODS:
        return
    if from_this_site(request, allowed_origins=request.app.state.settings.cors_origins) is False:
        raise HTTPException(
            status_code=status.HTTP_403_FORBIDDEN,
            detail="cross-site request refused: without API keys, changes must come from this site "
            "(the browser's Origin or Sec-Fetch-Site says where) or from a client that is not a browser",
        )
