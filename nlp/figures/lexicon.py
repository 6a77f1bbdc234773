"""The words the count rules read: which numbers and nouns are no counts, and which words around them say so."""

from __future__ import annotations

import re

from nlp.numbers import QUALIFIER_PATTERN

NOT_COUNTS = frozenset({"MONEY", "PERCENT", "DATE", "TIME", "ORDINAL", "QUANTITY"})
RULED_LABELS = frozenset({"MONEY", "PERCENT"})  # found by presswatch's own rules, before `ner`
SKIPPABLE_BEFORE_NOUN = frozenset({"ADJ", "ADV", "NUM"})
GENERIC_ADJECTIVES = frozenset(
    "new additional extra more further other small large big major many several more few senior junior young "
    "old existing current former total annual individual different separate various key".split()
)
# Nouns whose plural is their singular: '200 staff', '300 sheep'. Other singular nouns after a number above
# one are not what it counts ('a 5-2 victory').
SAME_IN_THE_PLURAL = frozenset(
    "staff personnel police aircraft sheep cattle fish livestock deer crew head offspring".split()
)
UNIT_LEMMAS = {"people": "person", "persons": "person", "staff": "staff member", "children": "child"}
# A number after these refers back to things already counted ('our two countries'), or shares them out ('1 in
# every 7'): it does not count them, unless a complement says which ones ('its 27 members of the EU').
BACK_REFERENCES = frozenset("its their our his her each every".split())
# A number after these counts the things it names, whether or not the text counted them before: 'the two
# governments', 'the three fatalities' (the guide lists no back-reference among what is no count).
DEFINITE_ARTICLES = frozenset("the these those both".split())
QUALIFIER_REACH = 30  # characters before a number searched for 'more than', 'almost', ...
QUALIFIER_BEFORE = re.compile(rf"\b(?P<qual>(?i:{QUALIFIER_PATTERN}))\s+$")
AGE_WORDS = frozenset("aged age ages old".split())
MIN_NOUN_LETTERS = 3
PHONE = re.compile(r"(?:\+\d{1,3}[\s-]?)?(?:\(?0\d{2,4}\)?[\s-]?)\d{3,4}[\s-]?\d{3,4}")
# Periods are durations, not counts of things: '37 days', 'seven to ten years', 'two centuries ago'.
TIME_UNITS = frozenset(
    """second seconds minute minutes hour hours day days week weeks month months year years decade decades
    century centuries millennium millennia""".split()
)
# A capitalised word of these kinds after a sentence-initial number shows the number labels what follows:
# '17 When taken ...' (a footnote marker), '1.33 Passengers will ...' (a paragraph number).
LABEL_FOLLOWERS = frozenset({"ADV", "SCONJ", "ADP", "DET", "PRON", "VERB", "AUX", "CCONJ", "PART"})
RANGE_LINKS = frozenset({"-", "–", "to"})
NAMING_WORDS = frozenset(
    "article section clause paragraph page chapter rule regulation no number type class phase stage tier "
    "level grade route line platform room flight category schedule annex part item question".split()
)
# Nouns after a number that make it a ratio or a multiple, not a count: '3 times the number', 'two thirds'.
NOT_COUNTED_NOUNS = frozenset("times fold thirds quarters halves fifths sixths eighths tenths".split())
# Words before a number that make it a rank: 'the top 5 contributors', 'the bottom 10 schools'.
RANK_WORDS = frozenset("top bottom".split())
# Superlatives after a number make it a rank too ('the 20 biggest economies'); so does 'most' or 'least'
# before an adjective ('the 10 most populous countries').
SUPERLATIVE_TAGS = frozenset({"JJS", "RBS"})
# Entities whose plural-looking name is one thing, not several: '2 United States', '3 Netherlands'.
NAMED_ONES = frozenset({"GPE", "LOC", "FAC"})
# After these and 'the', a number in digits counts a whole: 'funds to the 47 counties', 'each of the 3,000
# respondents', 'across the 12 regions' (not 'from the 27 countries', which compares).
WHOLE_PREPOSITIONS = frozenset("of to across among between for in within".split())
# Units of measurement: a number of these is a measurement, whatever the model's label ('12 miles').
MEASURE_UNITS = frozenset(
    """mile miles kilometre kilometres kilometer kilometers km metre metres meter meters foot feet inch inches
    yard yards acre acres hectare hectares tonne tonnes ton tons pound pounds ounce ounces kilogram kilograms kg
    gram grams litre litres liter liters gallon gallons degree degrees watt watts kilowatt kilowatts megawatt
    megawatts gigawatt gigawatts calorie calories byte bytes gigabyte gigabytes knot knots""".split()
)
# Verbs and participles of harm whose number, with no noun, counts people: 'killing 107 and wounding 238',
# '12 were injured'.
HARM_WORDS = frozenset(
    "kill killed killing wound wounded wounding injure injured injuring dead hurt evacuate evacuated".split()
)
# Words for the members of a group, which a hyphenated number still counts: 'a 53-nation effort', 'the
# 27-member bloc', 'a 12-country coalition' (other hyphenated numbers measure, last or rate: 'a 5-star hotel').
MEMBER_NOUNS = frozenset("nation country state member party power government economy".split())
