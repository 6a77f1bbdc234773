"""Round-5 status rules pinned on parses written out by hand (as `test_status_rules_round4.py` does), each
boundary with an example on both sides: a participle on the noun against what the agreement did later, talks
wrapped up, an agreement announced or launched, work to be done under an agreement, a pact proposed 'to be
negotiated', and what an agreement holds against what it does."""

from __future__ import annotations

import pytest

from tests.nlp.test_status_rules_round4 import assert_status

CASES: list[tuple[str, str, str]] = [
    # a participle on the noun yields to what the agreement did later: entered into force (joined to the
    # participle where the parser hung it there); still to enter, it is signed
    (
        "The treaty between Chile and Japan, signed last year, entered into force on Monday.",
        "in_force",
        "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/ROOT/1 between/IN/ADP/between/prep/1 Chile/NNP/PROPN/Chile/pobj/2 and/CC/CCONJ/and/cc/3 Japan/NNP/PROPN/Japan/conj/3 ,/,/PUNCT/,/punct/1 signed/VBN/VERB/sign/acl/1 last/JJ/ADJ/last/amod/9 year/NN/NOUN/year/npadvmod/7 ,/,/PUNCT/,/punct/7 entered/VBD/VERB/enter/conj/7 into/IN/ADP/into/prep/11 force/NN/NOUN/force/pobj/12 on/IN/ADP/on/prep/11 Monday/NNP/PROPN/Monday/pobj/14 ././PUNCT/./punct/1",
    ),
    (
        "The treaty between Chile and Japan, signed last year, will enter into force on Monday.",
        "signed",
        "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubj/12 between/IN/ADP/between/prep/1 Chile/NNP/PROPN/Chile/pobj/2 and/CC/CCONJ/and/cc/3 Japan/NNP/PROPN/Japan/conj/3 ,/,/PUNCT/,/punct/1 signed/VBN/VERB/sign/acl/1 last/JJ/ADJ/last/amod/9 year/NN/NOUN/year/npadvmod/7 ,/,/PUNCT/,/punct/1 will/MD/AUX/will/aux/12 enter/VB/VERB/enter/ROOT/12 into/IN/ADP/into/prep/12 force/NN/NOUN/force/pobj/13 on/IN/ADP/on/prep/12 Monday/NNP/PROPN/Monday/pobj/15 ././PUNCT/./punct/12",
    ),
    (
        "Australia's trade agreement with Oman, negotiated in record time, entered into force on 1 October.",
        "in_force",
        "Australia/NNP/PROPN/Australia/poss/3 's/POS/PART/'s/case/0 trade/NN/NOUN/trade/compound/3 agreement/NN/NOUN/agreement/nsubj/12 with/IN/ADP/with/prep/3 Oman/NNP/PROPN/Oman/pobj/4 ,/,/PUNCT/,/punct/3 negotiated/VBN/VERB/negotiate/acl/3 in/IN/ADP/in/prep/7 record/NN/NOUN/record/compound/10 time/NN/NOUN/time/pobj/8 ,/,/PUNCT/,/punct/3 entered/VBD/VERB/enter/ROOT/12 into/IN/ADP/into/prep/12 force/NN/NOUN/force/pobj/13 on/IN/ADP/on/prep/12 1/CD/NUM/1/nummod/17 October/NNP/PROPN/October/pobj/15 ././PUNCT/./punct/12",
    ),
    (
        "Australia's trade agreement with Oman, negotiated in record time, will cut tariffs.",
        "agreed",
        "Australia/NNP/PROPN/Australia/poss/3 's/POS/PART/'s/case/0 trade/NN/NOUN/trade/compound/3 agreement/NN/NOUN/agreement/nsubj/13 with/IN/ADP/with/prep/3 Oman/NNP/PROPN/Oman/pobj/4 ,/,/PUNCT/,/punct/3 negotiated/VBN/VERB/negotiate/acl/3 in/IN/ADP/in/prep/7 record/NN/NOUN/record/compound/10 time/NN/NOUN/time/pobj/8 ,/,/PUNCT/,/punct/3 will/MD/AUX/will/aux/13 cut/VB/VERB/cut/ROOT/13 tariffs/NNS/NOUN/tariff/dobj/13 ././PUNCT/./punct/13",
    ),
    # talks wrapped up have reached the text ('concluded'); to be wrapped up, they are still under way
    (
        "Kenya and Ethiopia have wrapped up negotiations on a power purchase agreement.",
        "agreed",
        "Kenya/NNP/PROPN/Kenya/nsubj/4 and/CC/CCONJ/and/cc/0 Ethiopia/NNP/PROPN/Ethiopia/conj/0 have/VBP/AUX/have/aux/4 wrapped/VBN/VERB/wrap/ROOT/4 up/RP/ADP/up/prt/4 negotiations/NNS/NOUN/negotiation/dobj/4 on/IN/ADP/on/prep/6 a/DT/DET/a/det/11 power/NN/NOUN/power/compound/10 purchase/NN/NOUN/purchase/compound/11 agreement/NN/NOUN/agreement/pobj/7 ././PUNCT/./punct/4",
    ),
    (
        "Kenya and Ethiopia will wrap up negotiations on a power purchase agreement.",
        "in_negotiation",
        "Kenya/NNP/PROPN/Kenya/nsubj/4 and/CC/CCONJ/and/cc/0 Ethiopia/NNP/PROPN/Ethiopia/conj/0 will/MD/AUX/will/aux/4 wrap/VB/VERB/wrap/ROOT/4 up/RP/ADP/up/prt/4 negotiations/NNS/NOUN/negotiation/dobj/4 on/IN/ADP/on/prep/6 a/DT/DET/a/det/11 power/NN/NOUN/power/compound/10 purchase/NN/NOUN/purchase/compound/11 agreement/NN/NOUN/agreement/pobj/7 ././PUNCT/./punct/4",
    ),
    # an agreement announced, launched or unveiled is made (signed); to be announced, planned
    (
        "Canada and Mexico announced a new partnership on clean energy.",
        "signed",
        "Canada/NNP/PROPN/Canada/nsubj/3 and/CC/CCONJ/and/cc/0 Mexico/NNP/PROPN/Mexico/conj/0 announced/VBD/VERB/announce/ROOT/3 a/DT/DET/a/det/6 new/JJ/ADJ/new/amod/6 partnership/NN/NOUN/partnership/dobj/3 on/IN/ADP/on/prep/6 clean/JJ/ADJ/clean/amod/9 energy/NN/NOUN/energy/pobj/7 ././PUNCT/./punct/3",
    ),
    (
        "Canada and Mexico will announce a new partnership on clean energy.",
        "planned",
        "Canada/NNP/PROPN/Canada/nsubj/4 and/CC/CCONJ/and/cc/0 Mexico/NNP/PROPN/Mexico/conj/0 will/MD/AUX/will/aux/4 announce/VB/VERB/announce/ROOT/4 a/DT/DET/a/det/7 new/JJ/ADJ/new/amod/7 partnership/NN/NOUN/partnership/dobj/4 on/IN/ADP/on/prep/7 clean/JJ/ADJ/clean/amod/10 energy/NN/NOUN/energy/pobj/8 ././PUNCT/./punct/4",
    ),
    # work to be done under an agreement not yet known shows none operating; done now, or under a named one, it
    # operates
    (
        "The two sides will work together under a framework on maritime security.",
        "planned",
        "The/DT/DET/the/det/2 two/CD/NUM/two/nummod/2 sides/NNS/NOUN/side/nsubj/4 will/MD/AUX/will/aux/4 work/VB/VERB/work/ROOT/4 together/RB/ADV/together/advmod/4 under/IN/ADP/under/prep/4 a/DT/DET/a/det/8 framework/NN/NOUN/framework/pobj/6 on/IN/ADP/on/prep/8 maritime/JJ/ADJ/maritime/amod/11 security/NN/NOUN/security/pobj/9 ././PUNCT/./punct/4",
    ),
    (
        "The two sides work together under the framework on maritime security.",
        "in_force",
        "The/DT/DET/the/det/2 two/CD/NUM/two/nummod/2 sides/NNS/NOUN/side/nsubj/3 work/VBP/VERB/work/ROOT/3 together/RB/ADV/together/advmod/3 under/IN/ADP/under/prep/3 the/DT/DET/the/det/7 framework/NN/NOUN/framework/pobj/5 on/IN/ADP/on/prep/7 maritime/JJ/ADJ/maritime/amod/10 security/NN/NOUN/security/pobj/8 ././PUNCT/./punct/3",
    ),
    (
        "Under the Paris Agreement, countries will submit new targets.",
        "in_force",
        "Under/IN/ADP/under/prep/7 the/DT/DET/the/det/3 Paris/NNP/PROPN/Paris/compound/3 Agreement/NNP/PROPN/Agreement/pobj/0 ,/,/PUNCT/,/punct/7 countries/NNS/NOUN/country/nsubj/7 will/MD/AUX/will/aux/7 submit/VB/VERB/submit/ROOT/7 new/JJ/ADJ/new/amod/9 targets/NNS/NOUN/target/dobj/7 ././PUNCT/./punct/7",
    ),
    # a pact 'to be negotiated' after a proposal is only proposed; otherwise the talks to come stand
    (
        "Canada and Mexico proposed a trade pact to be negotiated next year.",
        "planned",
        "Canada/NNP/PROPN/Canada/nsubj/3 and/CC/CCONJ/and/cc/0 Mexico/NNP/PROPN/Mexico/conj/0 proposed/VBD/VERB/propose/ROOT/3 a/DT/DET/a/det/6 trade/NN/NOUN/trade/compound/6 pact/NN/NOUN/pact/dobj/3 to/TO/PART/to/aux/9 be/VB/AUX/be/auxpass/9 negotiated/VBN/VERB/negotiate/relcl/6 next/JJ/ADJ/next/amod/11 year/NN/NOUN/year/npadvmod/9 ././PUNCT/./punct/3",
    ),
    (
        "Canada and Mexico discussed a trade pact to be negotiated next year.",
        "in_negotiation",
        "Canada/NNP/PROPN/Canada/nsubj/3 and/CC/CCONJ/and/cc/0 Mexico/NNP/PROPN/Mexico/conj/0 discussed/VBD/VERB/discuss/ROOT/3 a/DT/DET/a/det/6 trade/NN/NOUN/trade/compound/6 pact/NN/NOUN/pact/dobj/3 to/TO/PART/to/aux/9 be/VB/AUX/be/auxpass/9 negotiated/VBN/VERB/negotiate/relcl/6 next/JJ/ADJ/next/amod/11 year/NN/NOUN/year/npadvmod/9 ././PUNCT/./punct/3",
    ),
    # what an agreement holds says what it is, not that it operates; what it does says it operates
    (
        "The agreement between Canada and Mexico includes rules on steel.",
        "unknown",
        "The/DT/DET/the/det/1 agreement/NN/NOUN/agreement/nsubj/6 between/IN/ADP/between/prep/1 Canada/NNP/PROPN/Canada/pobj/2 and/CC/CCONJ/and/cc/3 Mexico/NNP/PROPN/Mexico/conj/3 includes/VBZ/VERB/include/ROOT/6 rules/NNS/NOUN/rule/dobj/6 on/IN/ADP/on/prep/7 steel/NN/NOUN/steel/pobj/8 ././PUNCT/./punct/6",
    ),
    (
        "The agreement between Canada and Mexico protects steel workers.",
        "in_force",
        "The/DT/DET/the/det/1 agreement/NN/NOUN/agreement/nsubj/6 between/IN/ADP/between/prep/1 Canada/NNP/PROPN/Canada/pobj/2 and/CC/CCONJ/and/cc/3 Mexico/NNP/PROPN/Mexico/conj/3 protects/VBZ/VERB/protect/ROOT/6 steel/NN/NOUN/steel/compound/8 workers/NNS/NOUN/worker/dobj/6 ././PUNCT/./punct/6",
    ),
]


@pytest.mark.parametrize(("sentence", "status", "spec"), CASES, ids=[c[0] for c in CASES])
def test_status_rule_round5(sentence: str, status: str, spec: str) -> None:
    assert_status(sentence, status, spec)
