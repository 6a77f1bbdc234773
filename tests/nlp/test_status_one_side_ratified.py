"""One side's ratification is not yet the agreement in force where a joined clause says another legislature is
still to act ('Mexico has already ratified the treaty, and I hope the Senate will soon do the same', '..., but it
still awaits a vote in Washington'): signed. Pinned on parses written out by hand (as the round tests are),
with the other side of each boundary: a hope about something else, an urging to do something else, or an act
asked not to be taken, leaves the ratification in force."""

from __future__ import annotations

import pytest

from tests.nlp.test_status_rules_round4 import assert_status

CASES: list[tuple[str, str, str]] = [
    (
        "Mexico has already ratified the treaty, and I hope the Senate will soon do the same.",
        "signed",
        "Mexico/NNP/PROPN/Mexico/nsubj/3 has/VBZ/AUX/have/aux/3 already/RB/ADV/already/advmod/3 ratified/VBN/VERB/ratify/ROOT/3 the/DT/DET/the/det/5 treaty/NN/NOUN/treaty/dobj/3 ,/,/PUNCT/,/punct/3 and/CC/CCONJ/and/cc/3 I/PRP/PRON/I/nsubj/9 hope/VBP/VERB/hope/conj/3 the/DT/DET/the/det/11 Senate/NNP/PROPN/Senate/nsubj/14 will/MD/AUX/will/aux/14 soon/RB/ADV/soon/advmod/14 do/VB/VERB/do/ccomp/9 the/DT/DET/the/det/16 same/JJ/ADJ/same/dobj/14 ././PUNCT/./punct/9",
    ),
    (
        "Mexico has already ratified the treaty, and I hope it will strengthen our ties.",
        "in_force",
        "Mexico/NNP/PROPN/Mexico/nsubj/3 has/VBZ/AUX/have/aux/3 already/RB/ADV/already/advmod/3 ratified/VBN/VERB/ratify/ROOT/3 the/DT/DET/the/det/5 treaty/NN/NOUN/treaty/dobj/3 ,/,/PUNCT/,/punct/3 and/CC/CCONJ/and/cc/3 I/PRP/PRON/I/nsubj/9 hope/VBP/VERB/hope/conj/3 it/PRP/PRON/it/nsubj/12 will/MD/AUX/will/aux/12 strengthen/VB/VERB/strengthen/ccomp/9 our/PRP$/PRON/our/poss/14 ties/NNS/NOUN/tie/dobj/12 ././PUNCT/./punct/9",
    ),
    (
        "The Canadian Parliament has approved the agreement, and I urge the Congress to act on it without delay.",
        "signed",
        "The/DT/DET/the/det/2 Canadian/NNP/PROPN/Canadian/compound/2 Parliament/NNP/PROPN/Parliament/nsubj/4 has/VBZ/AUX/have/aux/4 approved/VBN/VERB/approve/ROOT/4 the/DT/DET/the/det/6 agreement/NN/NOUN/agreement/dobj/4 ,/,/PUNCT/,/punct/4 and/CC/CCONJ/and/cc/4 I/PRP/PRON/I/nsubj/10 urge/VBP/VERB/urge/conj/4 the/DT/DET/the/det/12 Congress/NNP/PROPN/Congress/dobj/10 to/TO/PART/to/aux/14 act/VB/VERB/act/xcomp/10 on/IN/ADP/on/prep/14 it/PRP/PRON/it/pobj/15 without/IN/ADP/without/prep/14 delay/NN/NOUN/delay/pobj/17 ././PUNCT/./punct/10",
    ),
    (
        "The Canadian Parliament has approved the agreement, and I urge the Congress to fund our embassy.",
        "in_force",
        "The/DT/DET/the/det/2 Canadian/NNP/PROPN/Canadian/compound/2 Parliament/NNP/PROPN/Parliament/nsubj/4 has/VBZ/AUX/have/aux/4 approved/VBN/VERB/approve/ROOT/4 the/DT/DET/the/det/6 agreement/NN/NOUN/agreement/dobj/4 ,/,/PUNCT/,/punct/4 and/CC/CCONJ/and/cc/4 I/PRP/PRON/I/nsubj/10 urge/VBP/VERB/urge/conj/4 the/DT/DET/the/det/12 Congress/NNP/PROPN/Congress/dobj/10 to/TO/PART/to/aux/14 fund/VB/VERB/fund/xcomp/10 our/PRP$/PRON/our/poss/16 embassy/NN/NOUN/embassy/dobj/14 ././PUNCT/./punct/10",
    ),
    (
        "Colombia's Congress ratified the trade deal with the United States in 2007, but it still awaits a vote in Washington.",
        "signed",
        "Colombia/NNP/PROPN/Colombia/poss/2 's/POS/PART/'s/case/0 Congress/NNP/PROPN/Congress/nsubj/3 ratified/VBD/VERB/ratify/ROOT/3 the/DT/DET/the/det/6 trade/NN/NOUN/trade/compound/6 deal/NN/NOUN/deal/dobj/3 with/IN/ADP/with/prep/6 the/DT/DET/the/det/10 United/NNP/PROPN/United/compound/10 States/NNP/PROPN/States/pobj/7 in/IN/ADP/in/prep/3 2007/CD/NUM/2007/pobj/11 ,/,/PUNCT/,/punct/3 but/CC/CCONJ/but/cc/3 it/PRP/PRON/it/nsubj/17 still/RB/ADV/still/advmod/17 awaits/VBZ/VERB/await/conj/3 a/DT/DET/a/det/19 vote/NN/NOUN/vote/dobj/17 in/IN/ADP/in/prep/17 Washington/NNP/PROPN/Washington/pobj/20 ././PUNCT/./punct/17",
    ),
    (
        "Colombia ratified the trade deal with the United States in 2007, and it still needs a vote in Washington.",
        "signed",
        "Colombia/NNP/PROPN/Colombia/nsubj/1 ratified/VBD/VERB/ratify/ROOT/1 the/DT/DET/the/det/4 trade/NN/NOUN/trade/compound/4 deal/NN/NOUN/deal/dobj/1 with/IN/ADP/with/prep/4 the/DT/DET/the/det/8 United/NNP/PROPN/United/compound/8 States/NNP/PROPN/States/pobj/5 in/IN/ADP/in/prep/1 2007/CD/NUM/2007/pobj/9 ,/,/PUNCT/,/punct/1 and/CC/CCONJ/and/cc/1 it/PRP/PRON/it/nsubj/15 still/RB/ADV/still/advmod/15 needs/VBZ/VERB/need/conj/1 a/DT/DET/a/det/17 vote/NN/NOUN/vote/dobj/15 in/IN/ADP/in/prep/17 Washington/NNP/PROPN/Washington/pobj/18 ././PUNCT/./punct/15",
    ),
    (
        "Mexico ratified the treaty, and we do not ask the Senate to act on it again.",
        "in_force",
        "Mexico/NNP/PROPN/Mexico/nsubj/1 ratified/VBD/VERB/ratify/ROOT/1 the/DT/DET/the/det/3 treaty/NN/NOUN/treaty/dobj/1 ,/,/PUNCT/,/punct/1 and/CC/CCONJ/and/cc/1 we/PRP/PRON/we/nsubj/9 do/VBP/AUX/do/aux/9 not/RB/PART/not/neg/9 ask/VB/VERB/ask/conj/1 the/DT/DET/the/det/11 Senate/NNP/PROPN/Senate/dobj/9 to/TO/PART/to/aux/13 act/VB/VERB/act/xcomp/9 on/IN/ADP/on/prep/13 it/PRP/PRON/it/pobj/14 again/RB/ADV/again/advmod/13 ././PUNCT/./punct/9",
    ),
]


@pytest.mark.parametrize(("sentence", "status", "spec"), CASES, ids=[c[0] for c in CASES])
def test_one_side_ratified(sentence: str, status: str, spec: str) -> None:
    assert_status(sentence, status, spec)
