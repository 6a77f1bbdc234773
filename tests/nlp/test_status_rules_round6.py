"""Round-6 status rules pinned on parses written out by hand (as `test_status_rules_round4.py` does), each
boundary with an example on both sides: talks begun ('initiated', 'commenced') are under way even 'already'
begun, where anything else an agreement has 'already' done puts it in force."""

from __future__ import annotations

import pytest

from tests.nlp.test_status_rules_round4 import assert_status

# (sentence, status, parse); the status is read from the talks where the sentence holds them (as
# `negotiating_with` anchors an agreement said without its noun), else from the agreement noun
CASES: list[tuple[str, str, str]] = [
    (
        "We have already initiated negotiations with Chile on tariffs.",
        "in_negotiation",
        "We/PRP/PRON/we/nsubj/3 have/VBP/AUX/have/aux/3 already/RB/ADV/already/advmod/3 initiated/VBN/VERB/initiate/ROOT/3 negotiations/NNS/NOUN/negotiation/dobj/3 with/IN/ADP/with/prep/4 Chile/NNP/PROPN/Chile/pobj/5 on/IN/ADP/on/prep/4 tariffs/NNS/NOUN/tariff/pobj/7 ././PUNCT/./punct/3",
    ),
    (
        "Canada has already commenced negotiations with Ecuador on a trade agreement.",
        "in_negotiation",
        "Canada/NNP/PROPN/Canada/nsubj/3 has/VBZ/AUX/have/aux/3 already/RB/ADV/already/advmod/3 commenced/VBN/VERB/commence/ROOT/3 negotiations/NNS/NOUN/negotiation/dobj/3 with/IN/ADP/with/prep/4 Ecuador/NNP/PROPN/Ecuador/pobj/5 on/IN/ADP/on/prep/4 a/DT/DET/a/det/10 trade/NN/NOUN/trade/compound/10 agreement/NN/NOUN/agreement/pobj/7 ././PUNCT/./punct/3",
    ),
    (
        "Our agreement with Chile has already cut tariffs.",
        "in_force",
        "Our/PRP$/PRON/our/poss/1 agreement/NN/NOUN/agreement/nsubj/6 with/IN/ADP/with/prep/1 Chile/NNP/PROPN/Chile/pobj/2 has/VBZ/AUX/have/aux/6 already/RB/ADV/already/advmod/6 cut/VBN/VERB/cut/ROOT/6 tariffs/NNS/NOUN/tariff/dobj/6 ././PUNCT/./punct/6",
    ),
]


@pytest.mark.parametrize(("sentence", "status", "spec"), CASES, ids=[c[0] for c in CASES])
def test_status_rule_round6(sentence: str, status: str, spec: str) -> None:
    assert_status(sentence, status, spec, talks_first=True)
