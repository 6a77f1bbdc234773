"""Acronyms: which name of the document each one stands for (written in brackets after it, loosely as bodies
make them: `stands_for`; or opening a short form, 'UC Berkeley'), which ones name no body ('ESG' for a grant,
'STEM subjects'), and `organisation_name`, the one public way to turn any spelling of a body into its full
name (the agreement rules use it for parties)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from spacy.tokens import Doc, Span

from nlp.bodies import document_countries, public_body
from nlp.organisations.lexicon import (
    ACRONYM,
    BRACKETED_SHORT_FORM,
    COMPANY_HEADS,
    LAW_HEADS,
    LEGAL_FORMS,
    NOT_BODY_HEADS,
    ORG_HEADS,
    RELATION_WORDS,
    STOPWORDS,
)
from nlp.organisations.rules import core, name_part, us_written_out
from nlp.people import ROLE_WORDS, fold
from presswatch.gazetteer import canonical_name, country


def modifier_acronyms(doc: Doc, spans: list[Span]) -> frozenset[str]:
    """Acronyms the text uses mostly in front of a common noun ('STEM subjects', 'STEM initiatives'): a
    subject or a product, not a body (a body is mostly the subject or object of a verb)."""
    tagged = {core(s).text for s in spans if len(core(s)) == 1 and ACRONYM.match(core(s).text)}
    uses: dict[str, list[bool]] = {}
    for token in doc:
        if token.text not in tagged:
            continue
        follower = doc[token.i + 1] if token.i + 1 < len(doc) else None
        modifies = follower is not None and follower.is_lower and follower.pos_ == "NOUN"
        uses.setdefault(token.text, []).append(modifies)
    acts = {t.text for t in doc if t.text in uses and t.dep_ == "nsubj"}  # 'FRANK provides advice'
    return frozenset(
        a for a, flags in uses.items() if len(flags) >= 3 and sum(flags) * 2 > len(flags) and a not in acts
    )


def common_acronyms(doc: Doc) -> frozenset[str]:
    """Acronyms the text defines as something other than a body: 'education services grant (ESG)',
    'Chief Medical Officer's (CMO)', 'Air Passenger Duty (APD)'."""
    found: set[str] = set()
    for token in doc:
        i = token.i
        if token.text != "(" or i < 1 or i + 2 >= len(doc) or not ACRONYM.match(doc[i + 1].text):
            continue
        if doc[i + 2].text not in (")", "–", "-", ",", ";"):
            continue
        before = doc[i - 1]
        if before.text in ("'s", "’s") and i >= 2:
            before = doc[i - 2]
        if before.is_alpha and before.is_lower and before.lower_ not in STOPWORDS:
            found.add(doc[i + 1].text)  # spelled out in lower case: a thing, not a body
        elif before.lower_ in ROLE_WORDS or before.lower_ in NOT_BODY_HEADS or before.lower_ in LAW_HEADS:
            found.add(doc[i + 1].text)
        elif before.lower_ == "partnership" and doc[i - 2].lower_ in RELATION_WORDS:
            found.add(
                doc[i + 1].text
            )  # 'the Comprehensive Strategic Partnership (CSP)': two states' relations
    return frozenset(found)


def spelled_out(doc: Doc, acronym: str) -> str | None:
    """The capitalised words of the text whose initials the acronym is, ending in an organisation word:
    'CDE' → 'Centre for Defence Enterprise' even where no bracket ties them."""
    letters = fold(acronym.replace("&", ""))
    for token in doc:
        if not token.is_title or fold(token.text[0]) != letters[0] or token.i + 1 >= len(doc):
            continue
        taken, end = 0, token.i
        while end < len(doc) and taken < len(letters):
            word = doc[end]
            if word.lower_ in STOPWORDS and taken:
                end += 1
                continue
            if not (word.is_title or word.is_upper) or fold(word.text[0]) != letters[taken]:
                break
            taken += 1
            end += 1
        if taken == len(letters) and (doc[end - 1].lower_ in ORG_HEADS or taken >= 3):
            return doc[token.i : end].text
    return None


def acronyms(doc: Doc, orgs: list[tuple[Span, str]]) -> dict[str, str]:
    """Acronym → full name: 'European Political Community (EPC)', an acronym whose letters are the
    initials of exactly one organisation named in the document, or of capitalised words of the text."""
    found: dict[str, str] = {}
    for span, name in orgs:
        k = name_part(span).end
        while k < len(doc) and (doc[k].lower_ in LEGAL_FORMS or doc[k].text == "."):
            k += 1  # 'Canadian National Railway Co. (CN)': the legal form stands between name and acronym
        if k + 2 < len(doc) and doc[k].text == "(" and doc[k + 2].text == ")":
            acronym = doc[k + 1].text
            words = [t.text for t in name_part(span)]
            if BRACKETED_SHORT_FORM.match(acronym) and (
                stands_for(acronym, words) or _short_form_of(acronym, words, name)
            ):
                found.setdefault(acronym, name)
    names = {name for _, name in orgs}
    for name in names:
        if name not in found and (fuller := _initials_and_rest(name, names) or _cut_before_of(name, names)):
            found[name] = fuller
        if ACRONYM.match(name) and name not in found:
            longer = {n for n in names if len(n.split()) > 1 and initials_match(name, n.split())}
            if len(longer) == 1:
                found[name] = longer.pop()
            elif not longer and (written := spelled_out(doc, name)) is not None:
                found[name] = _opened_by_place(written, names) or written
    return found


def _opened_by_place(written: str, names: set[str]) -> str | None:
    """'PUC' after 'the California Public Utilities Commission', 'ESC' after 'the Victorian Essential Services
    Commission': the words an acronym spells out end the one longer name of the document, whose first words
    (its place) the acronym leaves out."""
    longer = {n for n in names if n.endswith(" " + written) and n[:1].isupper()}
    return longer.pop() if len(longer) == 1 else None


def _short_form_of(acronym: str, words: Sequence[str], name: str) -> bool:
    """'Ghana Cocoa Board (COCOBOD)', 'European Climate, Infrastructure and Environment Executive Agency
    (CINEA)', 'Indian Oil Corporation Limited (IndianOil)': a short form of three letters or more in brackets
    right after a body's name, whose letters the name's words give in order (from inside words too, or past a
    country's name), is that body's, unless it names a country or another body of the tables."""
    letters = fold(acronym.replace("&", ""))
    if len(letters) < 3 or country(acronym) is not None:
        return False
    if (known := public_body(acronym)) is not None and fold(known) != fold(name):
        return False
    content = [fold(w) for w in words if w[:1].isalpha() and w.lower() not in STOPWORDS]
    if not any(w.startswith(letters[0]) for w in content):
        return False
    rest = iter("".join(content))
    return all(letter in rest for letter in letters)


# A short form's first word that is an acronym, in capitals or not ('UC', 'WiN'): two capitals at least.
_SHORT = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Za-z&]{2,6}$")


def _initials_and_rest(name: str, names: set[str]) -> str | None:
    """'UC Berkeley' for 'University of California, Berkeley', 'WiN UK' for 'Women in Nuclear UK': a name
    opening with an acronym of the first words of the one longer name of the document that ends in its
    other words."""
    first, _, rest = name.partition(" ")
    if not rest or not _SHORT.match(first):
        return None
    tail = rest.split()
    fits = set()
    for other in names:
        words = [w.strip(",") for w in other.split()]
        lead = words[: len(words) - len(tail)]
        if words[len(lead) :] == tail and len(lead) > 1 and stands_for(first, lead):
            fits.add(other)
    return fits.pop() if len(fits) == 1 else None


def _cut_before_of(name: str, names: set[str]) -> str | None:
    """'the Reserve Bank' after 'the Reserve Bank of Australia', 'the Law Society' after 'the Law Society of
    Kenya': a name of two words or more that the one longer name of the document goes on with 'of' or 'for'."""
    if len(name.split()) < 2:
        return None
    longer = {n for n in names if n.startswith((f"{name} of ", f"{name} for "))}
    return longer.pop() if len(longer) == 1 else None


def initials_match(acronym: str, words: list[str]) -> bool:
    letters = "".join(w[0] for w in words if w.lower() not in STOPWORDS and w[:1].isalpha())
    return len(letters) >= 2 and fold(letters) == fold(acronym.replace("&", ""))


def stands_for(acronym: str, words: Sequence[str]) -> bool:
    """Whether an acronym written in brackets after `words` abbreviates all of them as bodies' acronyms are
    made, which is looser than `initials_match`: a linking word may give a letter ('ATMIS', African Union
    Transition Mission *in* Somalia), an acronym inside the name gives all of its letters ('UKCRIC'), a word
    may give its first few letters ('KETRACO', *Ke*nya Electricity *Tra*nsmission *Co*mpany; 'AfDB'), and one
    word may give none ('KMPDU' for Kenya Medical Practitioners, Pharmacists and Dentists Union; 'Electricity'
    in KETRACO). The first word gives the first letter and the last word the last, but for a last word of a
    company's or body's kind ('CN' for Canadian National Railway)."""
    letters = fold(acronym.replace("&", ""))
    names = [w for w in words if w[:1].isalpha()]
    if len(letters) < 2 or not names or names[0].lower() in STOPWORDS or names[-1].lower() in STOPWORDS:
        return False
    last = len(names) - 1

    @cache
    def fits(i: int, taken: int, skipped: int) -> bool:
        if taken == len(letters):
            return i == len(names) or (
                i == last and skipped == 0 and names[-1].lower() in ORG_HEADS | COMPANY_HEADS
            )
        if i == len(names):
            return False
        word = names[i]
        if ACRONYM.match(word) and len(word) <= 4:
            pieces = [fold(word)]
        else:
            pieces = [fold(word[:n]) for n in range(1, min(len(word), _WORD_LETTERS) + 1)]
        if any(
            letters.startswith(piece, taken) and fits(i + 1, taken + len(piece), skipped) for piece in pieces
        ):
            return True
        if word.lower() in STOPWORDS:
            return fits(i + 1, taken, skipped)
        return 0 < i < last and skipped == 0 and fits(i + 1, taken, skipped + 1)

    return fits(0, 0, 0)


# The most letters one word gives a short form ('Tra' of Transmission in KETRACO, 'Gen' in KenGen).
_WORD_LETTERS = 3


def organisation_name(name: str, *, doc: Doc | None = None) -> str:
    """Any spelling of a body as its one full name, so two spellings compare equal: 'JICA' → 'Japan
    International Cooperation Agency' where the document spells it out or a table of public bodies holds it
    (read with the document's countries: 'HSE' on gov.ie is the Health Service Executive), 'the DVLA' →
    'Driver and Vehicle Licensing Agency'. A name neither knows comes back as written, without 'the'; a body's
    'U.S.' is 'United States' (`us_written_out`)."""
    return us_written_out(_full_name(name, doc=doc), written=name)


def _full_name(name: str, *, doc: Doc | None) -> str:
    countries = document_countries(doc) if doc is not None else None
    if (known := public_body(name, countries=countries)) is not None:
        return known
    bare = " ".join(name.split())
    bare = canonical_name(bare[4:] if bare.lower().startswith("the ") else bare)
    if doc is not None and ACRONYM.match(bare) and (written := spelled_out(doc, bare)) is not None:
        return public_body(written, countries=countries) or written
    return bare
