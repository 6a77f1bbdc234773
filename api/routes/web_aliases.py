"""Merging two names and hiding a noise name from the page, as the aliases file does by hand.

A post writes the aliases file (`presswatch.aliases`, the file extraction and `presswatch reindex` read)
and then rewrites the stored documents that mention the name, so facets and entity lists follow at once.
Writes need what the API's writes need: an API key (here, a browser signed in with one, or X-API-Key);
with no keys configured they are switched off. Posts from other sites are refused (`same_origin`).
"""

from __future__ import annotations

import unicodedata
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, HTTPException, Request, status
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import URL

from api.deps import Backend, get_app_settings, known_key
from api.done_note import signed_note
from api.export import hits
from api.filters import MAX_VALUE_CHARS, normalize_entity
from api.routes.web import render
from api.session import SESSION_COOKIE, same_origin, session_key
from presswatch.aliases import (
    Aliases,
    AliasesError,
    hidden,
    load_aliases,
    merge_target,
    merged,
    save_aliases,
)
from presswatch.config import Settings
from search.base import Query as SearchQuery
from search.base import SearchBackend

router = APIRouter(include_in_schema=False)
AppSettings = Annotated[Settings, Depends(get_app_settings)]
MAX_REWRITTEN = 10_000


def require_writer(request: Request, settings: AppSettings) -> None:
    """An API key in the header or the session cookie, as every other write; none configured: off."""
    if not settings.api_keys:
        raise HTTPException(
            status_code=status.HTTP_403_FORBIDDEN,
            detail="writes are switched off: configure PRESSWATCH_API_KEYS and sign in",
        )
    if known_key(settings, request.headers.get("X-API-Key")):
        return
    if session_key(settings, request.cookies.get(SESSION_COOKIE)) is None:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="sign in with an API key first")


def rewrite(backend: SearchBackend, aliases: Aliases, name: str) -> int:
    """Applies the aliases to the stored documents that mention `name`; returns how many changed."""
    ids = [h.id for h in hits(backend, SearchQuery(entities=(name,)), max_rows=MAX_REWRITTEN)]
    changed = []
    for doc_id in ids:
        document = backend.get(doc_id)
        if document is not None and (corrected := aliases.apply(document)) != document:
            changed.append(corrected)
    if changed:
        backend.index(changed)
    return len(changed)


@router.post("/ui/aliases", dependencies=[Depends(same_origin), Depends(require_writer)])
async def change_names(request: Request, backend: Backend, settings: AppSettings) -> Response:
    form = await request.form()
    action = str(form.get("action", ""))
    name = normalize_entity(str(form.get("name", "")))
    into = normalize_entity(str(form.get("into", "")))
    problem = None
    if any(unicodedata.category(c) == "Cc" for c in f"{form.get('name', '')}{form.get('into', '')}"):
        problem = "a name cannot hold control characters (line breaks, tabs, …)"
    elif action not in ("merge", "hide") or not name or len(name) > MAX_VALUE_CHARS:
        problem = "say which name to merge or hide"
    elif action == "merge" and (
        not into or len(into) > MAX_VALUE_CHARS or into.casefold() == name.casefold()
    ):
        problem = "give another name to merge it into"
    if problem is None:
        try:
            current = load_aliases(settings.aliases_path)
        except AliasesError as exc:
            problem = f"the aliases file cannot be read, so it was left as it is: {exc}"
        else:
            if action == "merge" and merge_target(current, into).casefold() == name.casefold():
                problem = f"{into} is a spelling of {name} already"
    if problem is not None:
        return render(request, "missing.html", status_code=400, what=problem)
    if action == "merge":
        into = merge_target(current, into)  # into the entity `into` is already a spelling of
    changed = merged(current, name, into) if action == "merge" else hidden(current, name)
    save_aliases(settings.aliases_path, changed)
    count = rewrite(backend, changed, name)
    if action == "merge":
        path = "/ui/entities/" + quote(into, safe="")
        note = f"{name} merged into {into}: {count} documents rewritten"
    else:
        path, note = "/", f"{name} hidden: {count} documents rewritten"
    target = URL(path).include_query_params(**signed_note(settings, note))
    return RedirectResponse(str(target), status_code=status.HTTP_303_SEE_OTHER)
