"""Named entities: people, organisations, places and dates, with countries normalised to one name."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from spacy.tokens import Doc, Span

from presswatch.document import EntityLabel, Mention

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


@lru_cache(maxsize=1)
def country_aliases() -> dict[str, str]:
    """Every spelling in the gazetteer mapped to its canonical country name."""
    aliases: dict[str, str] = {}
    text = files("nlp").joinpath("data/countries.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        names = [n.strip() for n in line.split("|")]
        for name in names:
            aliases[name] = names[0]
    return aliases


def country_patterns() -> list[dict[str, object]]:
    """Entity-ruler patterns that tag every gazetteer spelling as GPE with the canonical name as id."""
    return [
        {"label": "GPE", "pattern": alias, "id": canonical} for alias, canonical in country_aliases().items()
    ]


def normalize_name(span: Span) -> str:
    """The name an entity stands for: the gazetteer's for countries, else the text without 'the' or "'s"."""
    if span.ent_id_:
        return str(span.ent_id_)
    text = span.text.strip()
    aliases = country_aliases()
    if text in aliases:
        return aliases[text]
    if text.lower().startswith("the "):
        text = text[4:]
    for suffix in ("'s", "’s"):
        text = text.removesuffix(suffix)
    return text


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
