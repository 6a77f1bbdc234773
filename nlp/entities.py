"""Named entities: people, organisations, places and dates, with countries normalised to one name."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from presswatch.document import EntityLabel, Mention
from presswatch.gazetteer import canonical_name, countries, international_bodies

ROLE_WORDS = frozenset(
    [
        "secretary",
        "minister",
        "president",
        "chancellor",
        "ambassador",
        "director",
        "chief",
        "commissioner",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "chair",
        "chairman",
        "chairwoman",
        "leader",
        "mayor",
        "governor",
        "envoy",
        "head",
        "officer",
        "mp",
        "commander",
        "general",
        "deputy",
        "prime",
        "premier",
        "king",
        "queen",
    ]
)
_KEPT_LABELS: dict[str, EntityLabel] = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "LOC": "LOC",
    "NORP": "NORP",
    "DATE": "DATE",
    "FAC": "LOC",
}


def gazetteer_patterns() -> list[dict[str, object]]:
    """Entity-ruler patterns: every country spelling as GPE, every international body as ORG, each with
    the canonical name as its id, so 'UK', 'Britain' and 'U.K.' all become United Kingdom."""
    patterns: list[dict[str, object]] = []
    for label, places in (("GPE", countries()), ("ORG", international_bodies())):
        patterns.extend(
            {"label": label, "pattern": alias, "id": place.name}
            for place in places
            for alias in place.aliases
        )
    return patterns


def normalize_name(span: Span) -> str:
    """The name an entity stands for: the gazetteer's for countries, else the text without 'the' or "'s"."""
    if span.ent_id_:
        return str(span.ent_id_)
    text = span.text.strip()
    for suffix in ("'s", "’s"):
        text = text.removesuffix(suffix)
    return canonical_name(text)


def _is_part_of_title(ent: Span) -> bool:
    """'Home' in 'Home Secretary' is tagged ORG by the small model; a name followed by a role word is a title."""
    doc = ent.doc
    return ent.label_ == "ORG" and len(ent) == 1 and ent.end < len(doc) and doc[ent.end].lower_ in ROLE_WORDS


def mentions(doc: Doc) -> list[Mention]:
    return [
        Mention(
            text=ent.text,
            label=_KEPT_LABELS[ent.label_],
            normalized=normalize_name(ent),
            start=ent.start_char,
            end=ent.end_char,
        )
        for ent in doc.ents
        if ent.label_ in _KEPT_LABELS and not _is_part_of_title(ent)
    ]
