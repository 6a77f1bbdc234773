"""A state by its formal name: 'the Dominion of Canada', 'the Federal German Republic', 'the Commonwealth of
Australia', 'the Government of the Kingdom of Italy'.

Addresses and treaties of every era name states so, and the model tags the name (or its first word alone,
'Commonwealth' of 'Commonwealth of Australia') as an organisation. A state is its country (the guide), as is a
national government named by it; the gazetteer knows the current formal names ('Federal Republic of Germany'),
these rules the rest from the form of the state and the country's name or demonym. A government's own releases
also name their state by its constitutional name (`own_state`): 'the Crown' in a Commonwealth realm's, 'the
Commonwealth' in Australia's.
"""

from __future__ import annotations

from spacy.tokens import Span

from nlp.bodies import publisher
from nlp.organisations.lexicon import STATE_FORMS, STATE_MODIFIERS
from presswatch.gazetteer import Place, country, demonym

# Words that qualify a state's form besides `STATE_MODIFIERS` ("People's Republic", 'Arab Republic').
_QUALIFIERS = STATE_MODIFIERS | frozenset(
    "people's peoples arab popular sovereign plurinational hellenic".split()
)


# The names a government's releases give its own state, by the publishing country: 'the Commonwealth' is the
# Australian federal government ('the Commonwealth will contribute $120 million', 'the Commonwealth and
# Victorian Governments'; the Constitution of Australia, ss 51 and 96), in another country's text the
# Commonwealth of Nations still. 'The Crown' is the state in every realm's (below).
_OWN_NAMES: dict[str, frozenset[str]] = {
    "Australia": frozenset({"commonwealth", "commonwealth government", "commonwealth governments"}),
}
CROWN = "crown"


def own_state(name: str, *, home: str | None) -> Place | None:
    """The publishing country (`home`, `nlp.bodies.publisher`) where its release names its own state by a
    constitutional name: 'the Crown' (New Zealand's treaty settlements with iwi, Canada's with First Nations;
    the state, as 'the Government' is, and no body; in a text of no government's it is no body either, see
    `lexicon.NOT_BODIES`) and Australia's 'the Commonwealth'."""
    if home is None:
        return None
    key = " ".join(name.lower().split()).removeprefix("the ")
    if key == CROWN or key in _OWN_NAMES.get(home, frozenset()):
        return country(home)
    return None


def own_state_of(words: Span) -> Place | None:
    """`own_state` for a span, under its document's publisher."""
    return own_state(words.text, home=publisher(words.doc))


def formal_state(words: Span) -> Place | None:
    """The country a span names by its state's formal name, or by a government of it ('the Government of the
    Dominion of Canada'); also the form alone before 'of' and a country the model tagged apart ('Commonwealth'
    + 'of Australia')."""
    tokens = [t.text for t in words]
    while tokens and tokens[0].lower() == "the":
        tokens = tokens[1:]
    governed = (
        len(tokens) > 2 and tokens[0].lower() in ("government", "governments") and tokens[1].lower() == "of"
    )
    if governed:
        tokens = tokens[2:]  # 'Government of the Dominion of Canada', 'Government of the United Kingdom'
        while tokens and tokens[0].lower() == "the":
            tokens = tokens[1:]
    if not tokens:
        return None
    if (governed or len(tokens) > 2) and (found := country(" ".join(tokens))) is not None:
        return found
    lower = [t.lower() for t in tokens]
    if "of" in lower:
        cut = lower.index("of")
        rest = tokens[cut + 1 :]
        if rest and rest[0].lower() == "the":
            rest = rest[1:]
        if _a_form(lower[:cut]) and rest:
            return country(" ".join(rest))
        return None
    if _a_form(lower) and words.end + 1 < len(words.doc) and words.doc[words.end].lower_ == "of":
        return _country_after(words)  # 'Commonwealth' + 'of Australia'
    return _by_demonym(lower, tokens)


def _a_form(lower: list[str]) -> bool:
    """'Dominion', 'Federal Republic', "People's Democratic Republic": qualifiers and the form last."""
    return bool(lower) and lower[-1] in STATE_FORMS and all(w in _QUALIFIERS for w in lower[:-1])


def _by_demonym(lower: list[str], tokens: list[str]) -> Place | None:
    """'Federal German Republic', 'French Republic': qualifiers, one demonym, qualifiers and the form last."""
    if len(lower) < 2 or lower[-1] not in STATE_FORMS:
        return None
    places = [demonym(t) for t, w in zip(tokens[:-1], lower[:-1], strict=True) if w not in _QUALIFIERS]
    return places[0] if len(places) == 1 else None


def _country_after(words: Span) -> Place | None:
    """The country the model tagged right after the form's 'of' ('Commonwealth' + 'of' + 'Australia')."""
    doc = words.doc
    i = words.end + 1
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    if i >= len(doc) or doc[i].ent_type_ != "GPE" or doc[i].ent_iob_ != "B":
        return None
    end = i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return country(doc[i:end].text)
