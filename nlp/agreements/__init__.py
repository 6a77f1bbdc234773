"""Agreements: who the parties are, what it is about and how far along it is, read across sentences.

Split the way spaCy splits a component: `lexicon` (the word lists), `tokens` (readings of the parse the rules
share), `status` (how far along an agreement is, rules in a stated order), `parties` (who makes it), `deals`
(contracts, orders, purchases and sales as business news reports them, one per counterpart) and `assembly`
(candidates across sentences, `find_agreements` and the `presswatch_agreements` factory). The countries
leaders act for are `nlp.leaders`'s.
Importing the package registers the factory.
"""

from nlp.agreements.assembly import find_agreements, make_agreement_detector, subject_of
from nlp.agreements.lexicon import AGREEMENT_NOUNS, SEATS_OF_GOVERNMENT, SIGNING_VERBS
from nlp.agreements.parties import HOME, announcing_party, made_by_others, parties_in, refers_to_a_group
from nlp.agreements.status import status_for
from nlp.agreements.tokens import agreeing_verbs, agreement_nouns, is_reference, name_of

__all__ = [
    "AGREEMENT_NOUNS",
    "HOME",
    "SEATS_OF_GOVERNMENT",
    "SIGNING_VERBS",
    "agreeing_verbs",
    "agreement_nouns",
    "announcing_party",
    "find_agreements",
    "is_reference",
    "made_by_others",
    "make_agreement_detector",
    "name_of",
    "parties_in",
    "refers_to_a_group",
    "status_for",
    "subject_of",
]
