"""Each count rule on a hand-built parse, so that a rule's test does not move with the model.

A token is written `word/POS/TAG/dep>head` (the head as an index; the lemma is the word unless given as a
sixth field `=lemma`), as spaCy's own tests build `Doc(vocab, words=..., heads=..., deps=...)`.
"""

import pytest
import spacy
from spacy.tokens import Doc

from nlp.components import doc_extension
from nlp.figures import CountFigures, FigureSpans


def parsed(spec: str) -> Doc:
    words, pos, tags, deps, heads, lemmas = [], [], [], [], [], []
    for item in spec.split():
        token, _, lemma = item.partition("=")
        word, p, tag, rest = token.split("/")
        dep, _, head = rest.partition(">")
        words.append(word)
        pos.append(p)
        tags.append(tag)
        deps.append(dep)
        heads.append(int(head))
        lemmas.append(lemma or word.lower())
    spaces = [
        i + 1 < len(words) and words[i + 1] not in (",", ".", "-") and w != "-" for i, w in enumerate(words)
    ]
    vocab = spacy.blank("en").vocab  # English lexical attributes: 'like_num' knows '4,100' and 'seven'
    return Doc(vocab, words=words, spaces=spaces, pos=pos, tags=tags, deps=deps, heads=heads, lemmas=lemmas)


def counts(spec: str | Doc) -> list[tuple[float, str | None]]:
    """The counts both figure components find on a parse (money first, as in the pipeline)."""
    doc_extension("figures")
    doc_extension("publisher")
    doc = CountFigures()(FigureSpans()(parsed(spec) if isinstance(spec, str) else spec))
    return [(f.value, f.unit) for f in doc._.figures if f.kind == "count"]


def test_each_number_counts_its_own_noun() -> None:
    """'4,100 nurses across 30 trusts' is 4,100 nurses and 30 trusts, not 4,100 trusts."""
    spec = (
        "It/PRON/PRP/nsubj>1 funds/VERB/VBZ/ROOT>1 4,100/NUM/CD/nummod>3 nurses/NOUN/NNS/dobj>1=nurse "
        "across/ADP/IN/prep>3 30/NUM/CD/nummod>6 trusts/NOUN/NNS/pobj>4=trust ./PUNCT/./punct>1"
    )
    assert counts(spec) == [(4100, "nurse"), (30, "trust")]


def test_a_scale_word_belongs_to_the_number() -> None:
    """'2.5 million homes' counts homes."""
    spec = (
        "It/PRON/PRP/nsubj>1 builds/VERB/VBZ/ROOT>1 2.5/NUM/CD/compound>3 million/NUM/CD/nummod>4 "
        "homes/NOUN/NNS/dobj>1=home ./PUNCT/./punct>1"
    )
    assert counts(spec) == [(2_500_000, "home")]


def test_money_is_no_count() -> None:
    """'£2bn on 40 hospitals': the money is money, the hospitals are counted."""
    spec = (
        "It/PRON/PRP/nsubj>1 spends/VERB/VBZ/ROOT>1 £/SYM/$/nmod>3 2bn/NUM/CD/dobj>1 on/ADP/IN/prep>1 "
        "40/NUM/CD/nummod>6 hospitals/NOUN/NNS/pobj>4=hospital ./PUNCT/./punct>1"
    )
    assert counts(spec) == [(40, "hospital")]


@pytest.mark.parametrize(
    "spec",
    [  # 'one of the 20 biggest economies'
        "It/PRON/PRP/nsubj>1 is/AUX/VBZ/ROOT>1 one/NUM/CD/attr>1 of/ADP/IN/prep>2 the/DET/DT/det>6 "
        "20/NUM/CD/nummod>6 biggest/ADJ/JJS/amod>6 economies/NOUN/NNS/pobj>3=economy ./PUNCT/./punct>1",
        # 'the 10 most populous countries'
        "They/PRON/PRP/nsubj>1 are/AUX/VBP/ROOT>1 the/DET/DT/det>6 10/NUM/CD/nummod>6 most/ADV/RBS/advmod>5 "
        "populous/ADJ/JJ/amod>6 countries/NOUN/NNS/attr>1=country ./PUNCT/./punct>1",
        # 'among the top 5 contributors'
        "It/PRON/PRP/nsubj>1 ranks/VERB/VBZ/ROOT>1 among/ADP/IN/prep>1 the/DET/DT/det>6 top/ADJ/JJ/amod>6 "
        "5/NUM/CD/nummod>6 contributors/NOUN/NNS/pobj>2=contributor ./PUNCT/./punct>1",
        # 'demand was 3 times higher'
        "Demand/NOUN/NN/nsubj>1 was/AUX/VBD/ROOT>1 3/NUM/CD/nummod>3 times/NOUN/NNS/npadvmod>4=time "
        "higher/ADJ/JJR/acomp>1 ./PUNCT/./punct>1",
    ],
)
def test_ranks_and_multiples_are_no_counts(spec: str) -> None:
    assert counts(spec) == []


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        (
            "It/PRON/PRP/nsubj>1 named/VERB/VBD/ROOT>1 four/NUM/CD/nummod>3 priorities/NOUN/NNS/dobj>1=priority",
            (4, "priority"),
        ),
        (
            "It/PRON/PRP/nsubj>1 helped/VERB/VBD/ROOT>1 seven/NUM/CD/compound>3 hundred/NUM/CD/nummod>4 "
            "villages/NOUN/NNS/dobj>1=village",
            (700, "village"),
        ),
        (
            "It/PRON/PRP/nsubj>1 helped/VERB/VBD/ROOT>1 2/NUM/CD/compound>3 lakh/NUM/CD/nummod>4 "
            "farmers/NOUN/NNS/dobj>1=farmer",
            (200_000, "farmer"),
        ),
        (
            "It/PRON/PRP/nsubj>1 helped/VERB/VBD/ROOT>1 3/NUM/CD/compound>3 crore/NUM/CD/nummod>4 "
            "households/NOUN/NNS/dobj>1=household",
            (30_000_000, "household"),
        ),
        (
            "It/PRON/PRP/nsubj>1 joined/VERB/VBD/ROOT>1 a/DET/DT/quantmod>3 dozen/NOUN/NN/nummod>4 "
            "charities/NOUN/NNS/dobj>1=charity",
            (12, "charity"),
        ),
    ],
)
def test_counts_in_words_and_large_number_words(spec: str, expected: tuple[float, str]) -> None:
    assert counts(spec) == [expected]


def test_a_capitalised_plural_is_counted() -> None:
    """'50 Medicare Clinics': the parser calls the noun proper, but it is several clinics."""
    spec = (
        "It/PRON/PRP/nsubj>1 opens/VERB/VBZ/ROOT>1 50/NUM/CD/nummod>4 Medicare/PROPN/NNP/compound>4 "
        "Clinics/PROPN/NNP/dobj>1 ./PUNCT/./punct>1"
    )
    assert counts(spec) == [(50, "clinic")]


def test_a_definite_number_after_a_preposition_counts_the_whole() -> None:
    """'funds to the 47 counties' and 'the two countries' count them; 'our two countries' refers back."""
    to_the_counties = (
        "It/PRON/PRP/nsubj>1 sent/VERB/VBD/ROOT>1 funds/NOUN/NNS/dobj>1=fund to/ADP/IN/prep>1 "
        "the/DET/DT/det>6 47/NUM/CD/nummod>6 counties/NOUN/NNS/pobj>3=county ./PUNCT/./punct>1"
    )
    the_two = (
        "The/DET/DT/det>2 two/NUM/CD/nummod>2 countries/NOUN/NNS/nsubj>3=country agreed/VERB/VBD/ROOT>3 "
        "./PUNCT/./punct>3"
    )
    our_two = the_two.replace("The/DET/DT/det>2", "Our/PRON/PRP$/poss>2")
    assert counts(to_the_counties) == [(47, "county")]
    assert counts(the_two) == [(2, "country")]
    assert counts(our_two) == []


def test_a_hyphenated_noun_stays_whole() -> None:
    spec = (
        "It/PRON/PRP/nsubj>1 backs/VERB/VBZ/ROOT>1 50/NUM/CD/nummod>5 start/NOUN/NN/compound>5 "
        "-/PUNCT/HYPH/punct>5 ups/NOUN/NNS/dobj>1=up ./PUNCT/./punct>1"
    )
    assert counts(spec) == [(50, "start-up")]


def test_hundreds_joined_by_and_are_one_number() -> None:
    spec = (
        "Seven/NUM/CD/compound>1 hundred/NUM/CD/nummod>4 and/CCONJ/CC/cc>1 fifty/NUM/CD/conj>1 "
        "towns/NOUN/NNS/nsubj>5=town benefit/VERB/VBP/ROOT>5 ./PUNCT/./punct>5"
    )
    assert counts(spec) == [(750, "town")]


def test_the_models_percent_guess_does_not_hide_a_count() -> None:
    """`ner` tags '14 Indigenous' PERCENT; presswatch's own rules found no percentage there, so it is a count."""
    doc = parsed(
        "It/PRON/PRP/nsubj>1 funds/VERB/VBZ/ROOT>1 14/NUM/CD/nummod>4 Indigenous/ADJ/JJ/amod>4 "
        "communities/NOUN/NNS/dobj>1=community ./PUNCT/./punct>1"
    )
    doc.ents = [doc.char_span(9, 22, label="PERCENT")]
    assert counts(doc) == [(14, "indigenous community")]


def test_a_participle_before_the_noun_is_passed_over() -> None:
    """'over 1.4 lakh recognised startups', even parsed with 'lakh' as a noun and 'recognised' as the verb."""
    spec = (
        "India/PROPN/NNP/nsubj>1 has/AUX/VBZ/aux>5 over/ADP/IN/quantmod>3 1.4/NUM/CD/nummod>4 "
        "lakh/NOUN/NN/npadvmod>5 recognised/VERB/VBN/ROOT>5 startups/NOUN/NNS/dobj>5=startup ./PUNCT/./punct>5"
    )
    assert counts(spec) == [(140_000, "startup")]


def test_the_models_date_or_quantity_guess_does_not_hide_a_count_of_things() -> None:
    """`ner` tags 'Today 5' DATE and '30 million barrels' QUANTITY: a plural noun of things is still counted;
    a unit of measurement is not ('12 miles')."""
    doc = parsed(
        "Today/NOUN/NN/npadvmod>3 5/NUM/CD/nummod>2 countries/NOUN/NNS/nsubj>3=country agreed/VERB/VBD/ROOT>3 "
        "./PUNCT/./punct>3"
    )
    doc.ents = [doc.char_span(0, 7, label="DATE")]
    assert counts(doc) == [(5, "country")]
    doc = parsed(
        "releasing/VERB/VBG/ROOT>0 30/NUM/CD/compound>2 million/NUM/CD/nummod>3 barrels/NOUN/NNS/dobj>0=barrel "
        "and/CCONJ/CC/cc>0 12/NUM/CD/nummod>6 miles/NOUN/NNS/conj>3=mile ./PUNCT/./punct>0"
    )
    doc.ents = [doc.char_span(10, 28, label="QUANTITY"), doc.char_span(33, 41, label="QUANTITY")]
    assert counts(doc) == [(30_000_000, "barrel")]


def test_people_killed_or_wounded_are_counted_without_the_noun() -> None:
    spec = (
        "killing/VERB/VBG/ROOT>0=kill 107/NUM/CD/dobj>0 and/CCONJ/CC/cc>0 wounding/VERB/VBG/conj>0=wound "
        "238/NUM/CD/dobj>3 ./PUNCT/./punct>0"
    )
    assert counts(spec) == [(107, "person"), (238, "person")]
    assert counts("At/ADP/IN/advmod>1 least/ADJ/JJS/advmod>2 107/NUM/CD/nsubj>3 killed/VERB/VBD/ROOT>3") == [
        (107, "person")
    ]


def test_a_number_of_our_things_counts_them() -> None:
    spec = (
        "Over/ADP/IN/quantmod>1 100,000/NUM/CD/nsubj>6 of/ADP/IN/prep>1 our/PRON/PRP$/poss>4 "
        "troops/NOUN/NNS/pobj>2=troop have/AUX/VBP/aux>6 come/VERB/VBN/ROOT>6 ./PUNCT/./punct>6"
    )
    assert counts(spec) == [(100_000, "troop")]


def test_a_partitive_takes_the_noun_the_parse_gives_past_a_number() -> None:
    """'only 4 of the 22 police authorities' counts authorities twice; 'two of the world's economies' does
    not reach past the possessive."""
    spec = (
        "Only/ADV/RB/advmod>1 4/NUM/CD/nsubjpass>9 of/ADP/IN/prep>1 the/DET/DT/det>6 22/NUM/CD/nummod>6 "
        "police/NOUN/NN/compound>6 authorities/NOUN/NNS/pobj>2=authority were/AUX/VBD/auxpass>9 "
        "well/ADV/RB/advmod>9 judged/VERB/VBN/ROOT>9 ./PUNCT/./punct>9"
    )
    assert counts(spec) == [(4, "police authority"), (22, "police authority")]


def test_the_lower_end_of_a_range_counts_the_noun_of_the_upper() -> None:
    """'seating 242 to 330 passengers' is 242 and 330 passengers; 'two or three options' is no figure."""
    spec = (
        "seating/VERB/VBG/ROOT>0 242/NUM/CD/dobj>0 to/ADP/IN/prep>0 330/NUM/CD/nummod>4 "
        "passengers/NOUN/NNS/pobj>2=passenger ./PUNCT/./punct>0"
    )
    assert counts(spec) == [(242, "passenger"), (330, "passenger")]
    either = (
        "Two/NUM/CD/nummod>3 or/CCONJ/CC/cc>0 three/NUM/CD/conj>0 options/NOUN/NNS/nsubj>4=option "
        "remain/VERB/VBP/ROOT>4 ./PUNCT/./punct>4"
    )
    assert counts(either) == []


def test_an_age_range_said_with_between_is_no_count() -> None:
    spec = (
        "people/NOUN/NNS/ROOT>0=person aged/VERB/VBN/acl>0=age between/ADP/IN/prep>1 18/NUM/CD/pobj>2 "
        "and/CCONJ/CC/cc>3 24/NUM/CD/conj>3 ./PUNCT/./punct>0"
    )
    assert counts(spec) == []


def test_model_numbers_are_no_counts() -> None:
    """'five 787 Dreamliner sales' counts five sales; in 'the 787-9 seats' nothing is counted."""
    spec = (
        "It/PRON/PRP/nsubj>1 adds/VERB/VBZ/ROOT>1 five/NUM/CD/compound>3 787/NUM/CD/nummod>5 "
        "Dreamliner/NOUN/NN/compound>5 sales/NOUN/NNS/dobj>1=sale ./PUNCT/./punct>1"
    )
    assert counts(spec) == [(5, "dreamliner sale")]
    model = (
        "The/DET/DT/det>3 787/NUM/CD/compound>3 -/PUNCT/HYPH/punct>3 9/NUM/CD/nummod>4 seats/NOUN/NNS/ROOT>4=seat "
        "./PUNCT/./punct>4"
    )
    assert counts(model) == []


def test_a_number_of_more_counts_what_was_counted_before() -> None:
    """'5 countries agreed and 6 more will explore arrangements' counts countries twice, not arrangements."""
    spec = (
        "5/NUM/CD/nummod>1 countries/NOUN/NNS/nsubj>2=country agreed/VERB/VBD/ROOT>2 and/CCONJ/CC/cc>2 "
        "6/NUM/CD/nsubj>7 more/ADJ/JJR/amod>4 will/AUX/MD/aux>7 explore/VERB/VB/conj>2 "
        "arrangements/NOUN/NNS/dobj>7=arrangement ./PUNCT/./punct>2"
    )
    assert counts(spec) == [(5, "country"), (6, "country")]


def test_a_hyphenated_number_counts_members_only() -> None:
    """'a 53-nation effort' counts nations; 'a 5-star hotel' rates."""
    spec = "a/DET/DT/det>4 53/NUM/CD/nummod>3 -/PUNCT/HYPH/punct>3 nation/NOUN/NN/compound>4 effort/NOUN/NN/ROOT>4"
    assert counts(spec) == [(53, "nation")]
    assert counts(spec.replace("nation/NOUN/NN/compound>4", "star/NOUN/NN/compound>4")) == []


def test_the_counted_noun_hangs_on_the_first_number_where_the_scale_is_misparsed() -> None:
    """'five lakh self-help groups' with 'lakh' parsed as an adjective of the noun: groups are counted."""
    spec = (
        "five/NUM/CD/nummod>5 lakh/NOUN/NN/amod>5 self/NOUN/NN/npadvmod>4 -/PUNCT/HYPH/punct>4 "
        "help/NOUN/NN/compound>5 groups/NOUN/NNS/nsubj>6=group met/VERB/VBD/ROOT>6"
    )
    assert counts(spec) == [(500_000, "help group")]
