"""Applies the user's aliases file to documents already in an index, without running the NLP again."""

from __future__ import annotations

from collections.abc import Callable

from presswatch.aliases import Aliases
from presswatch.document import Document
from search.base import SearchBackend


class RewriteError(RuntimeError):
    """The index refused some rewritten documents; the message says how many and why."""


def apply_aliases(
    backend: SearchBackend,
    aliases: Aliases,
    *,
    batch_size: int = 500,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Rewrites every stored document that the aliases change; returns how many were rewritten.

    Works on any backend through `documents()` and `index()` (an upsert by id), so its filters and facets
    follow the corrected names. Documents the aliases leave as they are are not written again.
    """
    changed: list[Document] = []
    written = 0
    for document in backend.documents(batch_size=batch_size):
        corrected = aliases.apply(document)
        if corrected != document:
            changed.append(corrected)
        if len(changed) >= batch_size:
            written += _write(backend, changed)
            changed = []
            if progress is not None:
                progress(written)
    return written + (_write(backend, changed) if changed else 0)


def _write(backend: SearchBackend, documents: list[Document]) -> int:
    report = backend.index(documents)
    if report.failed:
        first = next(iter(report.failed.items()))
        raise RewriteError(
            f"{len(report.failed)} document(s) could not be rewritten, e.g. {first[0]}: {first[1]}"
        )
    return len(documents)
