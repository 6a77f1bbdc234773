"""Named entities an analyst can filter by: people with roles, organisations, countries, places, laws, dates.

The model's spans are the raw material; each is read again here. People are cleaned and grouped
(`nlp.people`); organisations lose titles, fragments and generic nouns, and laws and programmes get their own
label (`nlp.organisations`); public bodies take their full names (`nlp.bodies`); countries get their ISO 3166
code and a city or a region is a place (LOC), never a country; international bodies (EU, UN, NATO) are
organisations. A demonym ('Hungarian') stays NORP: it
names no country by itself. `doc.ents` is left as the model and the rulers made it, since the agreement and
figure rules read it; the resolved mentions are kept on `doc._.mentions`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp.bodies import document_countries, public_body, publisher
from nlp.bodies.marker import countries_at
from nlp.bodies.owner import owner_before
from nlp.bodies.tables import candidates
from nlp.components import doc_extension
from nlp.organisations import (
    COMPANY_HEADS,
    GENERIC,
    LAW_HEADS,
    NOT_BODY_HEADS,
    ORG_HEADS,
    a_city_in_the_text,
    acronyms,
    common_acronyms,
    coordinated_bodies,
    core,
    head_reference,
    in_list_of_places,
    inverted_name,
    law_or_org,
    modifier_acronyms,
    name_part,
    names_something_else,
    parent_university,
    parts,
)
from nlp.organisations.blocs import a_session_of
from nlp.organisations.ministries import national_ministries
from nlp.organisations.parliament import house_of_parliament
from nlp.organisations.rules import (
    eu_institution,
    names_a_disease,
    names_securities,
    part_of_an_owner,
    said_by_context,
    un_written_out,
    us_written_out,
    without_domain,
)
from nlp.organisations.spans import organisation_spans, own_acronyms
from nlp.organisations.states import formal_state, own_state, own_state_of
from nlp.people import (
    POSTNOMINALS,
    ROLE_WORDS,
    People,
    PersonMention,
    fold,
    full_names_after_offices,
    in_apposition_to_role,
    in_list_of_bodies,
    is_plausible_name,
    names_after_titles,
    names_in_titles,
    resolve_people,
    titled_names,
)
from nlp.portfolios import names_after_portfolios, portfolio_people
from presswatch.document import EntityLabel, Mention
from presswatch.gazetteer import (
    Place,
    canonical_name,
    countries,
    country,
    country_aliases,
    country_by_code,
    country_of_part,
    demonym,
    former_states,
    international_bodies,
    international_body,
    region,
    regions,
    still_a_place,
)

__all__ = ["ROLE_WORDS", "gazetteer_patterns", "mentions", "normalize_name", "resolve"]

_PERSON_OPENERS = frozenset(
    "sir dame dr mr mrs ms lord lady baroness rt hon honourable honorable shri smt alhaji".split()
)
_COMPASS = frozenset("northern southern eastern western central north south east west".split())
# Landform words a country's name opens or closes a region's name with ('Niger Delta', 'Lake Chad').
_LANDFORMS_AFTER = frozenset("delta basin river valley plateau highlands lowlands canal".split())
_LANDFORMS_BEFORE = frozenset({"lake"})


def gazetteer_patterns() -> list[dict[str, object]]:
    """Entity-ruler patterns: every country and former state spelling as GPE, every international body as ORG,
    each with the canonical name as its id, so 'UK', 'Britain' and 'U.K.' all become United Kingdom."""
    patterns: list[dict[str, object]] = []
    for label, places in (("GPE", countries()), ("ORG", international_bodies())):
        patterns.extend(
            {"label": label, "pattern": spelling, "id": place.name}
            for place in places
            for alias in place.aliases
            for spelling in _apostrophes(alias)
        )
    # Former states by their names ('the Two Sicilies', 'Austria-Hungary', 'the Kingdom of Prussia'), so that the
    # recogniser keeps each whole and names it once; a bare name that is also a place today ('Bavaria', 'Texas') is
    # left to the model, which reads 'Texas Instruments' as a company.
    patterns.extend(
        {"label": "GPE", "pattern": alias, "id": state.name}
        for state in former_states()
        for alias in state.aliases
        if not (alias == state.name and still_a_place(state))
    )
    # 'Latin America', 'South Korea Strait'...: a region whose name holds a country's is matched whole as a
    # place, so the country's name inside it ('America') is no mention of the country.
    aliases = set(country_aliases())
    patterns.extend(
        {"label": "LOC", "pattern": spelling, "id": names[0]}
        for names in regions()
        for spelling in names
        if len(spelling.split()) > 1 and any(word in aliases for word in spelling.split())
    )
    return patterns


def _apostrophes(alias: str) -> tuple[str, ...]:
    """A spelling as tables write it and, where it has an apostrophe, as typeset ('People’s Republic of China',
    "Côte d’Ivoire"): the matcher compares tokens exactly, and releases print the typographic one."""
    return (alias, alias.replace("'", "’")) if "'" in alias else (alias,)


def normalize_name(span: Span) -> str:
    """The name an entity stands for: the gazetteer's for countries, else the text without 'the' or "'s"."""
    if span.ent_id_:
        return str(span.ent_id_)
    text = span.text.strip()
    for suffix in ("'s", "’s"):
        text = text.removesuffix(suffix)
    return canonical_name(text)


@dataclass
class Resolved:
    """A document's entities after resolution: the mentions, and the people (for quote attribution)."""

    mentions: list[Mention]
    people: People


def _is_person_span(ent: Span) -> bool:
    if ent.label_ == "PERSON":
        return True
    first = ent[1] if ent[0].lower_ == "the" and len(ent) > 2 else ent[0]  # 'The Honourable Mélanie Joly'
    return (
        (
            ent.label_ in ("ORG", "GPE", "NORP", "FAC", "LOC")
            and first.lower_.rstrip(".") in _PERSON_OPENERS
            and first.is_title
            and len(ent) > 1
            and not any(t.lower_ in ORG_HEADS for t in ent)  # 'the Honourable Artillery Company'
        )
        or _person_shaped(ent)
        or _titled_place(ent)
    )


def _titled_place(ent: Span) -> bool:
    """'President [Buhari]', 'Chancellor [Scholz]': a name the model took for a place, after a title,
    that the gazetteer knows as no country and no region."""
    before = ent.doc[ent.start - 1] if ent.start else None
    return (
        ent.label_ in ("GPE", "LOC", "NORP")
        and len(ent) <= 3
        and not ent.ent_id_
        and before is not None
        and before.is_title
        and before.lower_ in ROLE_WORDS
        and all(t.is_title for t in ent)
        and country(ent.text) is None
        and region(ent.text) is None
    )


def _person_shaped(ent: Span) -> bool:
    """An ORG span that is a person's name: two to four capitalised words with no organisation word, after a
    title ('Tánaiste Micheál Martin'), in apposition with a role ('the deputy director, Eva-Marie Persson'),
    coordinated with a person ('met Naledi Pandor and Cyril Ramaphosa') or 'of' a body ('Síle Ní Bhriain of
    Enterprise Ireland')."""
    if ent.label_ == "ORG" and len(ent) > 2 and ent[-1].text in ("'s", "’s"):
        ent = Span(ent.doc, ent.start, ent.end - 1, label="ORG")  # "Chancellor [Olaf Scholz's] party"
    if ent.label_ != "ORG" or ent.ent_id_ or not 2 <= len(ent) <= 4:
        return False
    words = [t for t in ent if t.text != "-"]  # 'Eva-Marie Persson'
    if any(
        t.lower_ in ORG_HEADS | COMPANY_HEADS or t.lower_ in GENERIC or not t.is_title or t.tag_ != "NNP"
        for t in words
    ):  # 'Masten Space Systems' listed beside 'Martin', not a person
        return False
    if in_apposition_to_role(ent):
        return True  # 'deputy director of public prosecutions, Eva-Marie Persson,'
    before = ent.doc[ent.start - 1] if ent.start else None
    if (ent[0].lower_ in ROLE_WORDS and len(ent) > 2) or (
        before is not None and before.lower_ in ROLE_WORDS and before.tag_ in ("NN", "NNP")
    ):
        return True  # 'Tánaiste Micheál Martin', 'Secretary [Alejandro Mayorkas]', 'police spokesperson [Resila Onyango]'
    root = ent.root
    if (root.dep_ == "appos" and root.head.lower_ in ROLE_WORDS) or any(
        c.dep_ == "appos" and c.lower_ in ROLE_WORDS for c in root.children
    ):
        return True  # 'the deputy director of public prosecutions, [Eva-Marie Persson]', '[Jane Roe], the director'
    partners = root.conjuncts  # the whole list: 'Chukwuemeka Obi, Babatunde Adeyemi and Musa Ibrahim'
    people = sum(t.ent_type_ == "PERSON" and t.lower_ not in ORG_HEADS | COMPANY_HEADS for t in partners)
    if people > sum(t.ent_type_ == "ORG" for t in partners) and not (
        in_list_of_bodies(ent) or said_by_context(ent)
    ):
        return True  # but not 'Moon Express' in a list of companies with one 'Martin' of 'Lockheed Martin'
    after = ent.doc[ent.end : ent.end + 3]
    return len(after) > 1 and after[0].lower_ == "of" and any(t.ent_type_ == "ORG" for t in after[1:])


def _mention(span: Span, label: EntityLabel, name: str, *, code: str | None = None) -> Mention:
    return Mention(
        text=span.text, label=label, normalized=name, start=span.start_char, end=span.end_char, code=code
    )


def _person_mention(doc: Doc, found: PersonMention) -> Mention:
    span = doc[found.start : found.end]
    return Mention(
        text=span.text,
        label="PERSON",
        normalized=found.person.name,
        start=span.start_char,
        end=span.end_char,
        role=found.person.role,
    )


def _place(span: Span) -> tuple[EntityLabel, str, str | None] | None:
    """A GPE/LOC/FAC/NORP span as (label, name, ISO code): countries are GPE with their code, bodies ORG,
    demonyms NORP, any other place LOC."""
    text = core(span).text
    if span.ent_id_ and span.label_ == "GPE":
        found = country(str(span.ent_id_))
        return "GPE", str(span.ent_id_), found.code if found else None
    if (found := country(text)) is not None:
        return "GPE", found.name, found.code
    if (body := international_body(text)) is not None:
        return "ORG", body.name, None
    if (people := demonym(text)) is not None:
        return "NORP", people.aliases[0], None
    if span.label_ == "NORP":
        return "NORP", text, None
    if not text or not text[:1].isupper() or any(c.isdigit() for c in text):
        return None  # 'IE6', '2015': not a place
    return "LOC", region(text) or text, None


_GOVERNMENT_WORDS = frozenset({"government", "governments"})
_LISTING = frozenset({",", "and", "&"})


def _governments_country(span: Span) -> Place | None:
    """'the Danish government', 'the Danish and Dutch governments': a country's national government named by its
    demonym is the country (the guide), each demonym of a list before 'governments' its own; not the
    'Scottish Government' or any other government with a name of its own (a table's body)."""
    doc = span.doc
    people = demonym(core(span).text)
    if people is None:
        return None
    end = span.end
    while end < min(len(doc), span.end + 8) and (doc[end].lower_ in _LISTING or demonym(doc[end].text)):
        end += 1  # the other demonyms of a list ('Danish and Dutch governments')
    if end >= len(doc) or doc[end].lower_ not in _GOVERNMENT_WORDS:
        return None
    if public_body(f"{span.text} {doc[end].text}") is not None:
        return None
    if end + 1 < len(doc) and doc[end].is_title and doc[end + 1].is_title:
        return None  # 'the Japanese Government Pension Investment Fund': a body's name goes on
    return country_by_code(people.code)


def _named_compass_part(span: Span) -> bool:
    """'Northern Ireland', 'Western Australia', 'Northern Irish': a capitalised compass word before a
    country's name makes another place (a country named so, 'North Macedonia', is matched whole)."""
    if span.start == 0:
        return False
    before = span.doc[span.start - 1]
    return before.lower_ in _COMPASS and before.is_title


def _named_landform(span: Span) -> Span | None:
    """'the Niger Delta', 'the Congo Basin', 'Lake Chad': a country's name inside a landform's, which names a
    region, not the country (the guide: a country's name inside another name does not count)."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].is_title and doc[span.end].lower_ in _LANDFORMS_AFTER:
        return doc[span.start : span.end + 1]
    if span.start > 0 and doc[span.start - 1].is_title and doc[span.start - 1].lower_ in _LANDFORMS_BEFORE:
        return doc[span.start - 1 : span.end]
    return None


def _with_compass(span: Span) -> Span:
    """'western Balkans': a compass word in front of a region belongs to its name."""
    if span.start > 0 and span.doc[span.start - 1].lower_ in _COMPASS:
        return span.doc[span.start - 1 : span.end]
    return span


def _department_named(words: str) -> bool:
    """Whether `words` ('the Interior', 'Agriculture', 'the Army') name a department of a table's government,
    or a body it runs, in an office's title ('Secretary of the Interior': the Department of the Interior)."""
    bare = words[4:] if words.lower().startswith("the ") else words
    return bool(
        candidates(f"Department of {words}")
        or candidates(f"{bare} Department")
        or candidates(f"Ministry of {words}")
        or candidates(words)  # 'Secretary of the Army': the service its department runs
    )


def _names_after_departments(doc: Doc, spans: Sequence[Span]) -> list[Span]:
    """A person the model took into the department of the office before it: '<Secretary> of [the Interior Deb
    Haaland]' is the Secretary of the Interior, Deb Haaland; 'Secretary of [State for Health and Social Care Wes
    Streeting]' the Secretary of State for Health and Social Care. The words after the office's 'of' or 'for'
    (before the span or inside it) and after the longest run that names a department in the body tables are
    the name, when they are two or more words a name can be (PERSON spans); a body named in full ('Secretary
    of [the Interior Department]') is no person."""
    found: list[Span] = []
    for span in spans:
        if span.label_ != "ORG" or len(span) < 3:
            continue
        opening = _office_preposition(doc, span)
        if opening is None:
            continue
        for first in range(span.end - 2, opening + 1, -1):
            name = doc[first : span.end]
            if _department_named(doc[opening + 1 : first].text) and is_plausible_name(name):
                if not any(t.lower_ in ORG_HEADS for t in name):
                    found.append(Span(doc, first, span.end, label="PERSON"))
                break
    return found


def _office_preposition(doc: Doc, span: Span) -> int | None:
    """The 'of' or 'for' of an office's title that opens the department: just before the span after a role
    word ('Secretary of [the Interior ...]'), or the span's own after one ('Secretary of [State for ...]')."""
    for i in range(span.end - 3, span.start - 2, -1):
        if i < 1 or doc[i].lower_ not in ("of", "for"):
            continue
        title = doc[max(0, i - 3) : i]
        if any(t.lower_ in ROLE_WORDS for t in title) and (
            i == span.start - 1 or doc[i - 1].lower_ == "state"
        ):
            return i
    return None


def resolve(doc: Doc, *, common: frozenset[str] = frozenset()) -> Resolved:
    """Every mention of the document, resolved to one entity each; `common` are the English words a name
    after an office's portfolio is told from (`nlp.portfolios`)."""
    ents = organisation_spans(doc, list(doc.ents))
    named = [e for e in ents if _is_person_span(e)]
    named += [
        s
        for s in titled_names(doc)
        if not any(e.start < s.end and s.start < e.end for e in ents)
        and not any(t.lower_ in ORG_HEADS for t in s)  # 'the Honourable Artillery Company'
    ]
    after_titles = [  # 'House Minority Leader [Jeffries]', 'Speaker of the House [O'Neill],' (a body's span
        # the rules ran on over the name, '[House O'Neill]', gives it up)
        s
        for s in names_after_titles(doc)
        if not any(
            e.start < s.end and s.start < e.end and not (e.label_ == "ORG" and e.end == s.end) for e in ents
        )
    ]
    named += after_titles
    named += [  # 'U.S. Secretary of State [Antony J. Blinken]': a whole name the model left untagged
        s for s in full_names_after_offices(doc) if not any(e.start < s.end and s.start < e.end for e in ents)
    ]
    named += names_in_titles(doc, ents)  # 'Secretary of [State Dulles]'
    named += _names_after_departments(doc, ents)  # 'Secretary of [the Interior Deb Haaland]'
    for holder in names_after_portfolios(doc, ents, common=common):  # 'Minister for Trade ... [Todd McClay]'
        overlapping = [n for n in named if n.start < holder.end and holder.start < n.end]
        if all(n.end <= holder.end for n in overlapping):  # 'Bhagwant [Mann]' read whole
            named = [n for n in named if n not in overlapping] + [holder]
    in_portfolios = (  # not a name after an office 'of the House': no portfolio holds a body's name
        portfolio_people(doc, [n for n in named if n not in after_titles], common=common) if common else []
    )
    if in_portfolios:
        named = [n for n in named if n not in in_portfolios]  # the portfolio's words are its holder's role
        doc.ents = [e for e in doc.ents if e not in in_portfolios]
    people = resolve_people(doc, named)
    person_words = {w: p for p in people.persons for w in p.words if len(p.words) > 1}
    for p in people.persons:  # 'Chancellor Adenauer ... Adenauer [ORG] agreed', but not 'Jordan' the country
        if len(p.words) == 1 and country(p.name) is None and region(p.name) is None:
            person_words.setdefault(p.words[0], p)
    taken = {i for m in people.mentions if not m.as_role for i in range(m.start, m.end)}
    # a role said in place of the name ('the CEO of [New Media Investment Group]') leaves the body it names,
    # and only that ('the National Chairman of Age [UK]' names no country)
    in_roles = {i for m in people.mentions if m.as_role for i in range(m.start, m.end)}
    out: list[Mention] = [_person_mention(doc, m) for m in people.mentions]
    orgs: list[tuple[Span, str, EntityLabel]] = []
    home = publisher(doc)
    for span, names in coordinated_bodies(doc) + national_ministries(doc) + house_of_parliament(doc):
        if not any(i in taken for i in range(span.start, span.end)):
            taken.update(range(span.start, span.end))
            for name in names:  # 'the Commonwealth and Victorian Governments': Australia and a state's body
                state = own_state(name, home=home)
                orgs.append((span, state.name, "GPE") if state else (span, name, "ORG"))
    defined = common_acronyms(doc) | modifier_acronyms(doc, [e for e in ents if e.label_ == "ORG"])
    body_countries = document_countries(doc)
    starts = {m.start for m in people.mentions}
    for ent in ents:
        if _is_person_span(ent) or any(
            i in taken or (i in in_roles and ent.label_ != "ORG") for i in range(ent.start, ent.end)
        ):
            continue
        if ent.label_ == "ORG" and _holds_office(ent) and _before_name(ent, starts):
            continue  # '[Cabinet Secretary for Interior and National Administration] Kipchumba Murkomen'
        party = _named_party(ent)
        if party is not None:
            ent = party  # 'the Labour party', 'the Communist party of China'
        if ent.label_ == "ORG":
            ent = _extended_organisation(ent, ents)
            taken.update(range(ent.start, ent.end))
        label = ent.label_
        if label == "DATE":
            out.append(_mention(ent, "DATE", ent.text.strip()))
            continue
        words = core(ent)
        owner = name_part(ent) if label == "ORG" and len(words) > 1 else words
        if len(owner) == 1 and fold(owner.text) in person_words:
            words = owner  # "[Trump’s July 25] call": the person whose call it is, no body
        key = fold(words.text)
        if len(words) == 1 and key in person_words and label in ("ORG", "GPE", "NORP", "LOC"):
            person = person_words[key]  # a surname the model took for a place or a body
            found = PersonMention(start=words.start, end=words.end, person=person)
            people.mentions.append(found)  # so that the quote finder reads 'Doucet said' as his
            out.append(_person_mention(doc, found))
            continue
        if label in ("ORG", "GPE", "LOC", "FAC", "NORP", "PERSON") and (place := region(words.text)):
            whole = _with_compass(ent)
            name = region(whole.text) or place
            if (nation := country_of_part(name)) is not None:
                out.append(_mention(whole, "GPE", name, code=nation.code))  # 'Scotland': a country of GB
            else:
                out.append(_mention(whole, "LOC", name))
            continue
        if label in ("GPE", "LOC", "FAC", "NORP"):
            resolved = _place(ent)
            if resolved is not None and resolved[0] == "NORP" and (nation := _governments_country(ent)):
                out.append(_mention(ent, "GPE", nation.name, code=nation.code))  # 'the Danish government'
                continue
            if resolved is not None and resolved[0] == "GPE" and (landform := _named_landform(ent)):
                out.append(_mention(landform, "LOC", landform.text))  # 'the Niger Delta' is no country
                continue
            if resolved is not None and resolved[0] in ("GPE", "NORP") and _named_compass_part(ent):
                part = doc[ent.start - 1 : ent.end]  # 'Northern Ireland', 'Western Australia', 'West Bengal'
                if label != "NORP":
                    out.append(_mention(part, "LOC", part.text))
                continue
            if resolved is not None:
                kind, name, code = resolved
                out.append(_mention(ent, kind, name, code=code))
            continue
        if label == "LAW":
            out.append(_mention(ent, "LAW", words.text or ent.text))
        elif label == "ORG" and party is not None:
            orgs.append((ent, _party_name(ent), "ORG"))
        elif label == "ORG" and len(words) == 2 and (nation := _governments_country(words[:1])):
            out.append(_mention(words[:1], "GPE", nation.name, code=nation.code))  # 'the Japanese Government'
        elif label == "ORG":
            orgs.extend(_organisation(part, defined, body_countries) for part in parts(ent))
    out.extend(_organisation_mentions(doc, [o for o in orgs if o[1]], body_countries))
    out.sort(key=lambda m: (m.start, m.end))
    people.mentions.sort(key=lambda m: m.start)
    return Resolved(mentions=out, people=people)


def _holds_office(span: Span) -> bool:
    """Whether a span holds an office's title ('Secretary for', 'Minister of'): before a person's name it is
    the person's role, not a body."""
    doc = span.doc
    return any(
        t.lower_ in ROLE_WORDS and t.text[:1].isupper() and doc[t.i + 1].lower_ in ("for", "of")
        for t in span[:-1]
    )


def _before_name(span: Span, starts: set[int]) -> bool:
    """Whether a person's name (one of `starts`) follows the span, after at most the rest of a portfolio
    ('Secretary for [Public Service] and Human Capital Development Justin Muturi')."""
    doc = span.doc
    i = span.end
    while i < len(doc) and i not in starts and i - span.end < 8:
        if not (doc[i].is_title or doc[i].lower_ in ("and", "of", "the", "for", "&", ",")):
            return False
        i += 1
    return i in starts


# Bodies named for the subject they sit 'on' ('Committee on Foreign Affairs', 'Panel on Climate Change').
_BODIES_ON_A_SUBJECT = frozenset(
    "commission committee council panel board forum group force tribunal assembly".split()
)


def _named_party(ent: Span) -> Span | None:
    """'the Labour party', 'the Communist party of China': a party's name with 'party' written in lower case
    after it is the party (the model tags the name alone, or as a people); 'the Chinese party' in a joint
    statement is a country's side, no party."""
    doc = ent.doc
    if ent.label_ not in ("ORG", "NORP") or ent.end >= len(doc) or doc[ent.end].text != "party":
        return None
    if demonym(ent.text) is not None or country(ent.text) is not None:
        return None
    if any(t.is_upper and len(t) > 1 for t in ent):
        return None  # 'the ZANU-PF party': an acronym is the party's whole name, 'party' only its kind
    start = ent.start
    while start > 0 and doc[start - 1].is_title and doc[start - 1].pos_ in ("PROPN", "ADJ"):
        start -= 1  # 'the Liberal' + 'Democrat' + 'party'
    return Span(doc, start, ent.end + 1, label="ORG")


def _party_name(ent: Span) -> str:
    """'the Communist party of China' → 'Communist Party of China': the party's own form of its name."""
    return "".join(("Party" if t.text == "party" else t.text) + t.whitespace_ for t in core(ent)).strip()


def _extended_organisation(ent: Span, ents: list[Span]) -> Span:
    """'the Andy Warhol Foundation' + 'for the Visual Arts': a body's name goes on after its organisation word
    through 'for', 'of' or 'on' and capitalised words (the model often stops at the organisation word)."""
    doc = ent.doc
    words = core(ent)
    if not len(words) or fold(words[-1].text) not in ORG_HEADS:
        return ent
    i = ent.end
    if (
        i + 1 >= len(doc)
        or doc[i].lower_ not in ("for", "of", "on")
        or (doc[i].lower_ == "on" and fold(words[-1].text) not in _BODIES_ON_A_SUBJECT)
        or doc[i + 1].ent_type_ in ("DATE", "TIME")
    ):
        # 'Commission on Human Rights', not 'the Commission on Tuesday' nor 'the Indonesian Maritime Security
        # Agency on Maritime Safety' (an agreement's subject after the body)
        return ent
    j = i + 1
    if doc[j].lower_ == "the":
        j += 1
    end = j
    while (
        end < len(doc)
        and (doc[end].is_title or doc[end].is_upper or doc[end].lower_ == "and")
        and not (doc[end].is_sent_start)
    ):
        end += 1
    while end > j and doc[end - 1].lower_ == "and":
        end -= 1
    if end == j or any(e.label_ == "PERSON" and e.start < end and e.end > i for e in ents):
        return ent
    if _names_a_thing(doc, end):
        return ent  # 'approval by the Congress' + 'of the Trade Agreement': what it acts on
    return Span(doc, ent.start, end, label=ent.label_)  # a slice of the Doc would carry no label


def _names_a_thing(doc: Doc, end: int) -> bool:
    """Whether the capitalised words ending at `end` (and any hyphenated words after them: 'Special Agro' +
    '-Industrial Processing Zones Initiative') end the name of a law, a programme or an event, not a body's."""
    while (
        end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and doc[end + 1].is_title
    ):
        end += 2
        while end < len(doc) and doc[end].is_title and not doc[end].is_sent_start:
            end += 1
    return fold(doc[end - 1].text) in LAW_HEADS | NOT_BODY_HEADS


def _body_before_its_law(words: Span, countries: tuple[str, ...]) -> str | None:
    """'the Congress of the Trade Agreement', 'the Senate of the Convention' (one span of the model's): a body the
    tables know by its one word, then 'of' and a law's name, is that body acting on the law."""
    if len(words) < 4 or words[1].lower_ != "of" or fold(words[-1].text) not in LAW_HEADS:
        return None
    return public_body(words[0].text, countries=countries)


def _organisation(
    ent: Span, defined: frozenset[str], countries: tuple[str, ...]
) -> tuple[Span, str, EntityLabel]:
    """(span, name, label) of an ORG span; an empty name drops it. `defined` are the acronyms the text
    spells out as something other than a body; `countries` are those whose acronyms the document reads."""
    words = name_part(ent)
    countries = countries_at(ent.doc, words.start, words.text, countries)
    if words.text in defined:  # 'the Endangered Species Act (ESA)': the text's own meaning, not a table's
        return ent, "", "ORG"
    if names_a_disease(words) or names_securities(words):
        return (
            ent,
            "",
            "ORG",
        )  # 'the SARS outbreak', 'Treasury yields': no body, whatever a table gives the name to
    if (acting := _body_before_its_law(words, countries)) is not None:
        return ent, acting, "ORG"  # 'approval by [the Congress of the Trade Agreement]': the Congress
    if (state := formal_state(words) or own_state_of(words)) is not None:
        return (
            ent,
            state.name,
            "GPE",
        )  # 'the Dominion of Canada', 'Commonwealth' + 'of Australia', 'the Crown'
    if ent.id_ and (own := own_meaning(words, str(ent.id_))) is not None:
        return ent, own, "ORG"  # 'the Armed Forces of the Philippines (AFP)': the text's AFP, not a table's
    if ent.id_:  # a table's body or the gazetteer's; not `ent_id_`, which a new span takes from its root word
        # also inside an event's name: 'EU' of 'EU Summit' (the guide); 'at the UN General Assembly': the UN
        return ent, a_session_of(words, str(ent.id_)) or str(ent.id_), "ORG"
    if names_something_else(ent) or part_of_an_owner(ent):
        return ent, "", "ORG"  # "the Army's [8th Infantry Division]" is the Army
    judged = ent
    if (longer := head_reference(words)) is not None:
        judged, words = longer, name_part(longer)  # 'the Command' is the Border Security Command
    elif (institution := eu_institution(words)) is not None:
        return ent, institution, "ORG"  # 'the Council' in the EU's own release
    if (
        known := public_body(words.text, countries=countries)
        or public_body(core(judged).text, countries=countries)
        or public_body(inverted_name(words) or "", countries=countries)
    ) is not None:
        return ent, known, "ORG"  # 'NNPC Limited', whose legal form is part of its name
    if _leaders_government(words):
        home = country(publisher(ent.doc) or "")
        return (ent, home.name, "GPE") if home else (ent, "", "ORG")
    if words.text.lower() in POSTNOMINALS and words.text.isupper():
        return ent, "", "ORG"  # 'the education services grant (ESG)', an 'MBE'
    if in_list_of_places(words) or a_city_in_the_text(words):
        return ent, words.text, "LOC"
    if (found := country(words.text)) is not None:
        return ent, found.name, "GPE"
    if (body := international_body(words.text)) is not None:
        return ent, body.name, "ORG"
    if demonym(words.text) is not None:
        return ent, "", "NORP"
    kind = law_or_org(judged)
    if kind is None:
        return ent, "", "ORG"
    if kind != "LAW" and (owner := owner_before(ent.doc, words.start)) is not None and not owner.possessive:
        return ent, ent.doc[owner.start : words.end].text, "ORG"  # 'China CDC', which no table knows
    return ent, words.text, "LAW" if kind == "LAW" else "ORG"


def own_meaning(words: Span, known: str) -> str | None:
    """The name the text itself spells an acronym out as, in brackets after it, where that is another body than
    the one a table knows by the acronym (`known`): 'AFP' after 'the Armed Forces of the Philippines (AFP)',
    not after 'Agence France-Presse (AFP)' nor 'the UN Office for the Coordination of Humanitarian Affairs
    (OCHA)', the table's body in the text's words."""
    own = own_acronyms(words.doc).get(words.text)
    if own is None or fold(own) in fold(known) or public_body(own) == known:
        return None
    return own


def _leaders_government(words: Span) -> bool:
    """'the Albanese Government', 'the Ruto administration': a government named by its leader is the publishing
    country's government, no body of its own; not 'the Welsh Government' or 'the Queensland Government'."""
    if len(words) != 2 or words[-1].lower_ not in ("government", "administration"):
        return False
    who = words[0]
    if not who.is_title or who.ent_type_ in ("GPE", "LOC", "NORP"):
        return False
    return country(who.text) is None and demonym(who.text) is None and region(who.text) is None


def _organisation_mentions(
    doc: Doc, orgs: list[tuple[Span, str, EntityLabel]], countries: tuple[str, ...]
) -> list[Mention]:
    """One entity per body: an acronym joins the name it abbreviates, and a name that is only a fragment of
    a longer one in the document (no organisation word at its end) joins that longer name."""
    bodies = [(span, name) for span, name, label in orgs if label == "ORG"]
    home = country(publisher(doc) or "")
    expansions = acronyms(doc, bodies)
    full_names = {name for _, name in bodies if len(name.split()) > 1}
    first: dict[str, int] = {}
    for span, name in bodies:
        first.setdefault(name, span.start)
    found: list[Mention] = []
    for span, name, label in orgs:
        if label == "GPE":
            place = country(name)
            found.append(_mention(span, "GPE", name, code=place.code if place else None))
            continue
        if label != "ORG":
            found.append(_mention(span, label, name))
            continue
        here = countries_at(doc, name_part(span).start, name, countries)  # "Kenya's Treasury": Kenya's
        resolved = expansions.get(name, name)
        resolved = parent_university(resolved, full_names) or resolved  # 'Harvard Medical School'
        if resolved == name and not _known(name, here):
            longer = [
                n
                for n in full_names
                if _is_fragment(name, n)
                and (_may_shorten(name, n) or _without_home(name, n, home))
                and _named_before(n, name, first)
            ]
            if len(longer) == 1:
                resolved = longer[0]
        found.append(
            _mention(
                span,
                "ORG",
                us_written_out(
                    public_body(resolved, countries=here)
                    or un_written_out(canonical_name(without_domain(resolved))),
                    written=span.text,
                ),
            )
        )
    return found


def _named_before(long: str, short: str, first: dict[str, int]) -> bool:
    """A name's last word stands for it where the text gave the longer name before it ('the New York Yankees
    ... the Yankees'); written first, it is a body's own name ('Tribune', the owner of 'the Chicago Tribune',
    named before it). Other fragments ('EDF' before 'EDF Energy', 'Office for the Coordination of Humanitarian
    Affairs' before its acronym) join the longer name wherever they stand."""
    if " " in short or not fold(long).endswith(" " + fold(short)):
        return True
    return first.get(long, 0) < first.get(short, 0)


def _known(name: str, countries: tuple[str, ...]) -> bool:
    """A body of the gazetteers ('NHS') is one by itself, never a fragment of a longer name."""
    return public_body(name, countries=countries) is not None or international_body(name) is not None


def _may_shorten(short: str, long: str) -> bool:
    """'EDF' for 'EDF Energy' (the name's first or last words), 'Prison Service' for 'HM Prison Service' (ending in
    an organisation word), 'Taliban' for 'Afghan Taliban' and 'Joint Chiefs' for 'South Korean Joint Chiefs
    of Staff' (the name's words after whose body it is), but not 'Welsh Government' for 'Welsh Government
    Cabinet'. A name ending in an organisation word shortens only the name it is all of but a last such word
    ('Toronto Police' for 'Toronto Police Service'; not 'Prison Service' for 'Welsh Prison Service')."""
    if fold(short.split()[-1]) in ORG_HEADS:
        rest = fold(long).removeprefix(fold(short) + " ")
        return rest != fold(long) and " " not in rest and rest in ORG_HEADS | COMPANY_HEADS
    if fold(long).startswith(fold(short) + " ") or fold(long.split()[-1]) in ORG_HEADS:
        return True
    if fold(long).endswith(" " + fold(short)):
        return True  # 'Yankees' for 'New York Yankees', 'Dortmund' for 'Borussia Dortmund': the name's last words
    words = long.split()
    for size in (1, 2):
        owner = " ".join(words[:size])
        if len(words) > size and (demonym(owner) or country(owner)):
            rest = fold(" ".join(words[size:]))
            return rest == fold(short) or rest.startswith(fold(short) + " ")
    return False


def _without_home(short: str, long: str, home: Place | None) -> bool:
    """'our Information Agency' after 'the United States Information Agency' in a US address, 'the Forest
    Service' after 'the Kenya Forest Service' in Kenya's release: a government names its own body again
    without its country's name or demonym. Only the publisher's own country: in a UK text the 'Prison
    Service' is not the 'Welsh Prison Service', nor in news the 'Space Agency' another country's."""
    if home is None:
        return False
    words = long.split()
    for size in (1, 2, 3):
        owner = " ".join(words[:size])
        if len(words) > size and fold(" ".join(words[size:])) == fold(short):
            place = country(owner) or demonym(owner)
            return place is not None and place.code == home.code
    return False


def _is_fragment(short: str, long: str) -> bool:
    a, b = fold(short).split(), fold(long).split()
    return len(a) < len(b) and any(b[i : i + len(a)] == a for i in range(len(b) - len(a) + 1))


def mentions(doc: Doc) -> list[Mention]:
    """The resolved mentions: from `doc._.mentions` when the component ran, else resolved now."""
    if Doc.has_extension("mentions") and doc._.mentions is not None:
        return list(doc._.mentions)
    return resolve(doc).mentions


class EntityResolver:
    """Writes `doc._.mentions` (every resolved mention) and `doc._.people` (for the quote finder)."""

    def __init__(self, *, common: frozenset[str] = frozenset()) -> None:
        doc_extension("mentions")
        doc_extension("people")
        self.common = common

    def __call__(self, doc: Doc) -> Doc:
        resolved = resolve(doc, common=self.common)
        doc._.mentions = resolved.mentions
        doc._.people = resolved.people
        return doc


@Language.factory(
    "presswatch_entities",
    assigns=["doc._.mentions", "doc._.people"],
    requires=["doc.ents", "token.is_sent_start", "token.tag"],
)
def make_entity_resolver(nlp: Language, name: str) -> EntityResolver:
    return EntityResolver(common=common_words(nlp))


def common_words(nlp: Language) -> frozenset[str]:
    """The English nouns and adjectives the pipeline's lemmatizer indexes (WordNet's, shipped with the model),
    in lower case; none where the pipeline has no such lemmatizer."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    index = lookups.get_table("lemma_index")
    return frozenset(w.lower() for pos in ("noun", "adj") for w in index.get(pos, ()))
