"""A country's ministry that news names by its subject in lower case: "Japan's defence ministry", 'the French
foreign ministry', 'the South Korean unification ministry'. The development set's guide names it as the
body calls itself in English news ('Japanese Defence Ministry', 'Saudi Interior Ministry'); 'the ministry' or
'the foreign ministry' with no country names no particular body."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from nlp.organisations.lexicon import STOPWORDS
from presswatch.gazetteer import country, demonym, demonym_of

# At most this many words say what a ministry is for ('foreign', 'public security').
_SUBJECT_WORDS = 2


def national_ministries(doc: Doc) -> list[tuple[Span, list[str]]]:
    """Each "<country>'s <subject> ministry" and "<demonym> <subject> ministry" as (span, [name]), the name
    its country's demonym, its subject words capitalised and 'Ministry'; the span covers a demonym, not a
    country's name."""
    found: list[tuple[Span, list[str]]] = []
    for token in doc:
        if token.lower_ != "ministry" or (
            token.i + 1 < len(doc) and doc[token.i + 1].lower_ in ("of", "for")
        ):
            continue
        j = token.i
        while (
            j > 0
            and token.i - j < _SUBJECT_WORDS
            and doc[j - 1].is_alpha
            and doc[j - 1].ent_type_ not in ("NORP", "GPE", "PERSON")
            and doc[j - 1].lower_ not in STOPWORDS
            and (doc[j - 1].is_lower or doc[j - 1].is_title)
        ):
            j -= 1
        if j == token.i or j == 0:
            continue  # 'the ministry', 'the Russian ministry': no subject
        owner = _owner(doc, j)
        if owner is None:
            continue
        start, people = owner
        subject = " ".join(w.text[:1].upper() + w.text[1:] for w in doc[j : token.i])
        found.append((doc[start : token.i + 1], [f"{people} {subject} Ministry"]))
    return found


def _owner(doc: Doc, end: int) -> tuple[int, str] | None:
    """The country whose ministry it is, from the words ending at `end`: a demonym ('French') or a
    country's name with a possessive ("China's"), with the demonym to name the ministry by; and where the
    ministry's words start (after a country's name, which stays a mention of the country)."""
    last = doc[end - 1]
    if last.text in ("'s", "’s") and end > 1 and doc[end - 2].ent_type_ == "GPE":
        start = end - 2
        while start > 0 and doc[start - 1].ent_type_ == "GPE" and doc[start - 1].ent_iob_ != "O":
            if doc[start].ent_iob_ == "B":
                break
            start -= 1
        place = country(doc[start : end - 1].text)
        people = demonym_of(place.code) if place is not None else None
        return (end, people) if people else None
    if last.ent_type_ != "NORP":
        return None
    start = end - 1
    while start > 0 and doc[start].ent_iob_ != "B" and doc[start - 1].ent_type_ == "NORP":
        start -= 1
    words = doc[start:end]
    return (start, words.text) if demonym(words.text) is not None else None
