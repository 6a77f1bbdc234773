"""Quotes and their speakers: words in quotation marks, attributed to the person the text says said them.

Attribution looks for a PERSON next to a speech verb ("said", "added", ...) in the quote's sentence or
paragraph, then falls back to the last speaker quoted (press releases often go on "She added: ...").
A role is the title-case phrase that stands next to the name ("Home Secretary Yvette Cooper",
"Yvette Cooper, the Home Secretary,").
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp.components import ExtensionWriter
from nlp.entities import ROLE_WORDS
from presswatch.document import Quote

QUOTE_PATTERN = re.compile(r"“(?P<curly>[^”]{8,}?)”|\"(?P<straight>[^\"]{8,}?)\"")
SPEECH_VERBS = frozenset(
    [
        "say",
        "said",
        "says",
        "add",
        "added",
        "tell",
        "told",
        "explain",
        "explained",
        "state",
        "stated",
        "comment",
        "commented",
    ]
)
_MIN_QUOTE_WORDS = 3


def _persons_near(doc: Doc, start: int, end: int) -> list[Span]:
    return [e for e in doc.ents if e.label_ == "PERSON" and e.end_char > start and e.start_char < end]


def _has_speech_verb(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(
        t.lemma_.lower() in SPEECH_VERBS or t.lower_ in SPEECH_VERBS for t in span
    )


def _paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    return left, len(text) if right == -1 else right


def role_of(person: Span) -> str | None:
    """'Home Secretary' for 'Home Secretary Yvette Cooper' or 'Yvette Cooper, the Home Secretary,'."""
    doc = person.doc
    before = _title_run_backwards(doc, person.start - 1)
    if before is None and person.start >= 2 and doc[person.start - 1].text == ",":
        before = _title_run_backwards(doc, person.start - 2)
    if before is not None:
        return before
    after_start = person.end + 1 if person.end < len(doc) and doc[person.end].text == "," else None
    if after_start is not None:
        i = after_start
        if i < len(doc) and doc[i].lower_ in ("the", "a"):
            i += 1
        words: list[str] = []
        while (
            i < len(doc)
            and (doc[i].is_title or doc[i].lower_ in ("for", "of", "and"))
            and not doc[i].is_punct
        ):
            words.append(doc[i].text)
            i += 1
        while words and words[-1].lower() in ("for", "of", "and"):
            words.pop()
        if any(w.lower() in ROLE_WORDS for w in words):
            return " ".join(words)
    return None


_CONNECTORS = frozenset({"for", "of", "and", "the"})


def _title_run_backwards(doc: Doc, index: int) -> str | None:
    """The title-case phrase ending at `index`, with 'for', 'of', 'and' inside ('Minister for Border Security')."""
    words: list[str] = []
    i = index
    while i >= 0 and doc[i].ent_type_ != "PERSON" and not doc[i].is_punct:
        token = doc[i]
        if not (token.is_title or token.is_upper or token.lower_ in _CONNECTORS):
            break
        words.insert(0, token.text)
        if token.is_sent_start:
            break
        i -= 1
    while words and words[0].lower() in _CONNECTORS:
        words.pop(0)
    return " ".join(words) if any(w.lower() in ROLE_WORDS for w in words) else None


def _role_speaker(doc: Doc, start: int, end: int) -> str | None:
    """'A Home Office spokesperson said' names no person, but says who spoke."""
    span = doc.char_span(start, end, alignment_mode="expand")
    for token in span or ():
        if token.lemma_.lower() in SPEECH_VERBS:
            for subject in (c for c in token.children if c.dep_ == "nsubj"):
                words = [t for t in subject.subtree if t.dep_ != "det" and not t.is_punct]
                if words and any(t.lower_ in ROLE_WORDS for t in words):
                    return " ".join(t.text for t in words)
    return None


def find_quotes(doc: Doc) -> list[Quote]:
    text = doc.text
    quotes: list[Quote] = []
    last_speaker: Span | None = None
    for match in QUOTE_PATTERN.finditer(text):
        inner = match["curly"] or match["straight"] or ""
        if len(inner.split()) < _MIN_QUOTE_WORDS:
            continue
        start, end = match.span()
        para_start, para_end = _paragraph_bounds(text, start, end)
        outside = [
            p for p in _persons_near(doc, para_start, para_end) if p.end_char <= start or p.start_char >= end
        ]
        speaker: Span | None = None
        if outside and _has_speech_verb(doc, para_start, para_end):
            speaker = min(outside, key=lambda p: min(abs(p.start_char - end), abs(start - p.end_char)))
        elif last_speaker is not None and _has_speech_verb(doc, para_start, para_end):
            speaker = last_speaker
        if speaker is not None:
            last_speaker = speaker
            name: str | None = speaker.text.removesuffix("'s")
            role = role_of(speaker)
        else:
            name, role = _role_speaker(doc, para_start, para_end), None
        quotes.append(Quote(text=inner.strip(), speaker=name, role=role, start=start, end=end))
    return quotes


@Language.factory(
    "presswatch_quotes",
    assigns=["doc._.quotes"],
    requires=["doc.ents", "token.dep", "token.lemma", "token.is_sent_start"],
)
def make_quote_finder(nlp: Language, name: str) -> ExtensionWriter:
    return ExtensionWriter(attribute="quotes", find=find_quotes)
