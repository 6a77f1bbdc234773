"""What a money figure is for: 'funding for the Border Security Command', 'for roads'."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from presswatch.document import Figure

_ABOUT_PREPS = frozenset("for to towards on in into of".split())
_ABOUT_NOUNS_BEFORE = frozenset(
    "funding investment fund package grant grants contract deal budget spending loan loans allocation "
    "support aid boost programme program scheme".split()
)
_MAX_ABOUT_TOKENS = 14


def _phrase(tokens: list[Token], *, taken: set[int]) -> str | None:
    """The text of a run of tokens, stopped at a clause boundary (a comma, a relative clause, a dash) or
    at another figure."""
    kept: list[Token] = []
    for token in tokens:
        if token.i in taken:
            break
        if token.is_punct and token.text not in ("'", "’", "-"):
            break
        if token.dep_ in ("relcl", "acl", "advcl") and len(kept) >= 2:
            break
        if token.lower_ in ("which", "who", "that") and kept:
            break
        kept.append(token)
    while kept and (kept[-1].pos_ in ("CCONJ", "DET", "ADP") or kept[-1].text in ("'", "’", "-")):
        kept.pop()
    if len(kept) < 2:
        return None
    return kept[0].doc[kept[0].i : kept[-1].i + 1].text


def about(doc: Doc, figure: Figure, taken: set[int]) -> str | None:
    """What a money figure is for: 'funding for the Border Security Command' in 'an extra £75m funding for
    the UK's new Border Security Command, which ...'; 'for roads' in 'Rs 1,250 crore for roads'."""
    span = doc.char_span(figure.start, figure.end, alignment_mode="expand")
    if span is None:
        return None
    after = doc[span.end : span.end + _MAX_ABOUT_TOKENS]
    i = 0
    head: list[Token] = []
    while i < len(after) and (after[i].pos_ in ("NOUN", "ADJ") or after[i].lower_ in _ABOUT_NOUNS_BEFORE):
        head.append(after[i])
        i += 1
    noun_before = (
        span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].pos_ == "NOUN"
    )
    if not head and noun_before:  # 'funding of £40m for ports': the noun stands before the figure
        head = [doc[span.start - 2]]
    rest = list(after[i:])
    purpose = None
    if (
        len(rest) > 1
        and rest[0].lower_ in _ABOUT_PREPS
        and not (rest[1].like_num or rest[1].ent_type_ == "DATE")
    ):
        prep = rest[0]
        if prep.dep_ == "aux" and prep.head.i == prep.i + 1:  # '£2bn to build homes': the purpose clause
            prep = prep.head
        subtree = [t for t in prep.subtree if t.i >= rest[0].i]
        contiguous = subtree and subtree[-1].i - rest[0].i + 1 == len(subtree)
        purpose = _phrase(subtree if contiguous else rest, taken=taken)
    head_text = " ".join(t.text for t in head) if head else None
    if head_text and purpose:
        return f"{head_text} {purpose}"
    if purpose and _only_a_kind(purpose):
        return _where_it_goes(span, purpose, taken) or purpose
    return purpose or head_text


_DESTINATION_PREPS = frozenset("to for towards on into".split())


def _only_a_kind(purpose: str) -> bool:
    """'in funding', 'in new grants': the kind of money, not what it is for."""
    words = purpose.split()
    return words[0] == "in" and len(words) <= 3 and words[-1].lower() in _ABOUT_NOUNS_BEFORE


def _where_it_goes(span: Span, purpose: str, taken: set[int]) -> str | None:
    """'£75m in funding will go to the Border Security Command' → 'funding to the Border Security Command':
    the destination the clause gives."""
    verb = span.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in _DESTINATION_PREPS and child.i >= span.end:
            destination = _phrase(list(child.subtree), taken=taken)
            if destination:
                return f"{purpose.split(maxsplit=1)[1]} {destination}"
    return None
