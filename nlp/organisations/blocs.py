"""Bodies the words of a place or a meeting name: a common market is a customs union ('the European Common
Market'), though 'Market' ends a place's name, and the General Assembly where leaders meet is the United
Nations (the guide: a meeting of a body is the body)."""

from __future__ import annotations

from spacy.tokens import Span


def a_common_market(words: Span) -> bool:
    """'the European Common Market', 'the Common Market', 'the Central American Common Market': a customs union
    is a body (members join it, it moves toward protectionism), though 'Market' ends a place's name."""
    return len(words) >= 2 and words[-2].lower_ == "common" and words[-1].lower_ == "market"


def a_session_of(words: Span, body: str) -> str | None:
    """'meet again at the UN General Assembly next year': a session of the General Assembly where leaders meet is
    the United Nations (the guide: a meeting of a body is the body)."""
    if body != "United Nations General Assembly":
        return None
    i = words.start - 1
    if i >= 0 and words.doc[i].lower_ == "the":
        i -= 1
    return "United Nations" if i >= 0 and words.doc[i].lower_ == "at" else None
