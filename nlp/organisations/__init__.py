"""Organisations an analyst would list: no titles, generic nouns, fragments or names of laws and programmes.

The small model tags as ORG whatever is capitalised near an organisation word: "Home" in "Home Secretary",
"Council" alone, "the Minister for Health", "the Online Safety Act". Each rule says what an ORG span is
instead (a title, a law, a place, nothing): the word lists are in `lexicon`, the rules in `rules`,
`acronyms` ties an acronym to the name it stands for (`organisation_name` is the public way to do so), and
`spans` mends the spans the model cuts or mislabels from the noun phrase around them ('the security firm
Secunia', 'Comic Corps of' + 'Canada', 'the Saudi Gazette' tagged as a building; an acronym the text spells out
in brackets is its own body over a table's: `spans.own_acronyms`), with `context`: names the
words around them make bodies ('Tesla chief executive', 'a spokeswoman for Auckland Transport', 'al-Ikhbariya
television', 'Qatar' + 'Airways'). A brand's product ('Mozilla Firefox' beside 'Mozilla', 'MacBook Pro') is
no body (`rules.names_a_product`), nor is one between its owner and a product's noun ('its Copilot assistant'),
a work's title ('the game Epic Mickey'), a venue after 'at' ('at Old Trafford'), a storm, a disease or a scheme
('Cyclone Gabrielle', 'Marburg Virus Disease', 'Pradhan Mantri Awas Yojana'); an organisation word alone ('the
University') is the one body of the text it heads (`rules.head_reference`). Money set aside and programmes
('the Strategic Petroleum Reserve', 'a Common Fund') are no bodies unless they act as one (`funds`), a state by
its formal name is its country ('the Dominion of Canada', `states`), and 'the House' of a UK statement is a
chamber of Parliament (`parliament`). A common market is a body though 'Market' ends places' names, and the
General Assembly where leaders meet is the United Nations (`blocs`); "Japan's defence ministry", named by its
subject in lower case, is a body of its own (`ministries`). A body's 'U.S.' is written 'United States' wherever it
stands, in every field, so that one body is one key (`rules.us_written_out`), and an opening 'UN' no table
knows 'United Nations' ('UN Verification Mission in Colombia', `rules.un_written_out`). A stock market index is no body
('the Sensex', 'the Nasdaq rose 0.9%', `indices`), nor is a disease's acronym ('the SARS outbreak',
`rules.names_a_disease`), the securities a treasury issues ('Treasury yields', `rules.names_securities`) or an
office before a name ('Hong Kong Chief Executive John Lee').
"""

from nlp.organisations.acronyms import (
    acronyms,
    common_acronyms,
    initials_match,
    modifier_acronyms,
    organisation_name,
    spelled_out,
)
from nlp.organisations.lexicon import (
    COMPANY_HEADS,
    GENERIC,
    LAW_HEADS,
    NOT_BODY_HEADS,
    ORG_HEADS,
    PROGRAMME_WORDS,
)
from nlp.organisations.rules import (
    a_city_in_the_text,
    coordinated_bodies,
    core,
    head_reference,
    in_list_of_places,
    inverted_name,
    law_or_org,
    lower_case_words,
    name_part,
    names_something_else,
    parent_university,
    parts,
    us_written_out,
)

__all__ = [
    "COMPANY_HEADS",
    "GENERIC",
    "LAW_HEADS",
    "NOT_BODY_HEADS",
    "ORG_HEADS",
    "PROGRAMME_WORDS",
    "a_city_in_the_text",
    "acronyms",
    "common_acronyms",
    "coordinated_bodies",
    "core",
    "head_reference",
    "in_list_of_places",
    "initials_match",
    "inverted_name",
    "law_or_org",
    "lower_case_words",
    "modifier_acronyms",
    "name_part",
    "names_something_else",
    "organisation_name",
    "parent_university",
    "parts",
    "spelled_out",
    "us_written_out",
]
