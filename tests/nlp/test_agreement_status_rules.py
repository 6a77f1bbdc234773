"""Each status rule pinned on hand-built parses (`Doc(vocab, words=..., heads=..., deps=...)`, as spaCy's own
tests do), so that a rule's test does not move when the statistical parse does. Each boundary has examples
on both sides. A token is written `word/TAG/POS/lemma/dep/head` (head: the index of its head token)."""

from __future__ import annotations

from functools import lru_cache

import pytest
import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

from nlp.agreements import agreeing_verbs, agreement_nouns, status_for

PARSES: dict[str, str] = {
    # agreed: negotiations concluded, the text settled, not signed
    "concluded negotiations on": "India/NNP/PROPN/India/nsubj/4 and/CC/CCONJ/and/cc/0 the/DT/DET/the/det/3 "
    "EU/NNP/PROPN/EU/conj/0 concluded/VBD/VERB/conclude/ROOT/4 negotiations/NNS/NOUN/negotiation/dobj/4 "
    "on/IN/ADP/on/prep/5 a/DT/DET/a/det/9 trade/NN/NOUN/trade/compound/9 agreement/NN/NOUN/agreement/pobj/6 "
    "././PUNCT/./punct/4",
    "held talks on": "India/NNP/PROPN/India/nsubj/4 and/CC/CCONJ/and/cc/0 the/DT/DET/the/det/3 "
    "EU/NNP/PROPN/EU/conj/0 held/VBD/VERB/hold/ROOT/4 talks/NNS/NOUN/talk/dobj/4 on/IN/ADP/on/prep/5 "
    "a/DT/DET/a/det/9 trade/NN/NOUN/trade/compound/9 agreement/NN/NOUN/agreement/pobj/6 ././PUNCT/./punct/4",
    "finalised the text of": "Australia/NNP/PROPN/Australia/nsubj/3 and/CC/CCONJ/and/cc/0 "
    "Indonesia/NNP/PROPN/Indonesia/conj/0 finalised/VBD/VERB/finalise/ROOT/3 the/DT/DET/the/det/5 "
    "text/NN/NOUN/text/dobj/3 of/IN/ADP/of/prep/5 the/DT/DET/the/det/8 agreement/NN/NOUN/agreement/pobj/6 "
    "././PUNCT/./punct/3",
    "struck a deal": "The/DT/DET/the/det/1 UK/NNP/PROPN/UK/nsubj/4 and/CC/CCONJ/and/cc/1 "
    "Switzerland/NNP/PROPN/Switzerland/conj/1 struck/VBD/VERB/strike/ROOT/4 a/DT/DET/a/det/6 "
    "deal/NN/NOUN/deal/dobj/4 on/IN/ADP/on/prep/6 services/NNS/NOUN/service/pobj/7 ././PUNCT/./punct/4",
    "signed a deal": "The/DT/DET/the/det/1 UK/NNP/PROPN/UK/nsubj/4 and/CC/CCONJ/and/cc/1 "
    "Switzerland/NNP/PROPN/Switzerland/conj/1 signed/VBD/VERB/sign/ROOT/4 a/DT/DET/a/det/6 "
    "deal/NN/NOUN/deal/dobj/4 on/IN/ADP/on/prep/6 services/NNS/NOUN/service/pobj/7 ././PUNCT/./punct/4",
    "reached agreement in principle": "Canada/NNP/PROPN/Canada/nsubj/3 and/CC/CCONJ/and/cc/0 "
    "Ecuador/NNP/PROPN/Ecuador/conj/0 reached/VBD/VERB/reach/ROOT/3 agreement/NN/NOUN/agreement/dobj/3 "
    "in/IN/ADP/in/prep/4 principle/NN/NOUN/principle/pobj/5 on/IN/ADP/on/prep/4 a/DT/DET/a/det/10 "
    "trade/NN/NOUN/trade/compound/10 deal/NN/NOUN/deal/pobj/7 ././PUNCT/./punct/3",
    "agreed a deal": "Kosovo/NNP/PROPN/Kosovo/nsubj/3 and/CC/CCONJ/and/cc/0 Serbia/NNP/PROPN/Serbia/conj/0 "
    "agreed/VBD/VERB/agree/ROOT/3 a/DT/DET/a/det/5 deal/NN/NOUN/deal/dobj/3 on/IN/ADP/on/prep/5 "
    "plates/NNS/NOUN/plate/pobj/6 ././PUNCT/./punct/3",
    "agreed to resume talks": "Kosovo/NNP/PROPN/Kosovo/nsubj/3 and/CC/CCONJ/and/cc/0 "
    "Serbia/NNP/PROPN/Serbia/conj/0 agreed/VBD/VERB/agree/ROOT/3 to/TO/PART/to/aux/5 "
    "resume/VB/VERB/resume/xcomp/3 talks/NNS/NOUN/talk/dobj/5 ././PUNCT/./punct/3",
    "agreed to cooperate": "Kosovo/NNP/PROPN/Kosovo/nsubj/3 and/CC/CCONJ/and/cc/0 "
    "Serbia/NNP/PROPN/Serbia/conj/0 agreed/VBD/VERB/agree/ROOT/3 to/TO/PART/to/aux/5 "
    "cooperate/VB/VERB/cooperate/xcomp/3 ././PUNCT/./punct/3",
    "have negotiated a pact": "We/PRP/PRON/we/nsubj/2 have/VBP/AUX/have/aux/2 negotiated/VBN/VERB/negotiate/ROOT/2 "
    "a/DT/DET/a/det/5 security/NN/NOUN/security/compound/5 pact/NN/NOUN/pact/dobj/2 with/IN/ADP/with/prep/5 "
    "Korea/NNP/PROPN/Korea/pobj/6 ././PUNCT/./punct/2",
    "are negotiating a pact": "The/DT/DET/the/det/2 two/CD/NUM/two/nummod/2 countries/NNS/NOUN/country/nsubj/4 "
    "are/VBP/AUX/be/aux/4 negotiating/VBG/VERB/negotiate/ROOT/4 a/DT/DET/a/det/7 "
    "security/NN/NOUN/security/compound/7 pact/NN/NOUN/pact/dobj/4 ././PUNCT/./punct/4",
    "concluded an agreement": "The/DT/DET/the/det/2 two/CD/NUM/two/nummod/2 countries/NNS/NOUN/country/nsubj/3 "
    "concluded/VBD/VERB/conclude/ROOT/3 an/DT/DET/an/det/5 agreement/NN/NOUN/agreement/dobj/3 "
    "on/IN/ADP/on/prep/5 fisheries/NNS/NOUN/fishery/pobj/6 ././PUNCT/./punct/3",
    "Congress approved": "Congress/NNP/PROPN/Congress/nsubj/1 approved/VBD/VERB/approve/ROOT/1 "
    "the/DT/DET/the/det/4 trade/NN/NOUN/trade/compound/4 agreement/NN/NOUN/agreement/dobj/1 ././PUNCT/./punct/1",
    # an agreement sent to a legislature for its approval is signed, not yet in force
    "urge Congress to approve": "I/PRP/PRON/I/nsubj/1 urge/VBP/VERB/urge/ROOT/1 the/DT/DET/the/det/3 "
    "Congress/NNP/PROPN/Congress/dobj/1 to/TO/PART/to/aux/5 approve/VB/VERB/approve/xcomp/1 the/DT/DET/the/det/7 "
    "agreement/NN/NOUN/agreement/dobj/5 with/IN/ADP/with/prep/7 Panama/NNP/PROPN/Panama/pobj/8 ././PUNCT/./punct/1",
    "urge them to approve": "I/PRP/PRON/I/nsubj/1 urge/VBP/VERB/urge/ROOT/1 them/PRP/PRON/they/dobj/1 "
    "to/TO/PART/to/aux/4 approve/VB/VERB/approve/xcomp/1 the/DT/DET/the/det/6 agreement/NN/NOUN/agreement/dobj/4 "
    "././PUNCT/./punct/1",
    "will submit the treaty to the Senate": "I/PRP/PRON/I/nsubj/2 will/MD/AUX/will/aux/2 "
    "submit/VB/VERB/submit/ROOT/2 the/DT/DET/the/det/4 treaty/NN/NOUN/treaty/dobj/2 to/IN/ADP/to/prep/2 "
    "the/DT/DET/the/det/7 Senate/NNP/PROPN/Senate/pobj/5 ././PUNCT/./punct/2",
    "urge the Senate to act on": "I/PRP/PRON/I/nsubj/1 urge/VBP/VERB/urge/ROOT/1 the/DT/DET/the/det/3 "
    "Senate/NNP/PROPN/Senate/dobj/1 to/TO/PART/to/aux/5 act/VB/VERB/act/xcomp/1 on/IN/ADP/on/prep/5 "
    "the/DT/DET/the/det/8 treaty/NN/NOUN/treaty/pobj/6 ././PUNCT/./punct/1",
    "the White House will announce": "The/DT/DET/the/det/2 White/NNP/PROPN/White/compound/2 "
    "House/NNP/PROPN/House/nsubj/4 will/MD/AUX/will/aux/4 announce/VB/VERB/announce/ROOT/4 the/DT/DET/the/det/6 "
    "deal/NN/NOUN/deal/dobj/4 ././PUNCT/./punct/4",
    # unknown: what an agreement will or could do says nothing of where it stands
    "the treaty could cut": "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubj/3 could/MD/AUX/could/aux/3 "
    "cut/VB/VERB/cut/ROOT/3 arsenals/NNS/NOUN/arsenal/dobj/3 ././PUNCT/./punct/3",
    "the treaty will be signed": "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubjpass/4 will/MD/AUX/will/aux/4 "
    "be/VB/AUX/be/auxpass/4 signed/VBN/VERB/sign/ROOT/4 ././PUNCT/./punct/4",
    "signed into law": "The/DT/DET/the/det/1 President/NNP/PROPN/President/nsubj/2 signed/VBD/VERB/sign/ROOT/2 "
    "the/DT/DET/the/det/4 agreement/NN/NOUN/agreement/dobj/2 into/IN/ADP/into/prep/2 law/NN/NOUN/law/pobj/5 "
    "././PUNCT/./punct/2",
    # in negotiation, not planned
    "will continue talks": "We/PRP/PRON/we/nsubj/2 will/MD/AUX/will/aux/2 continue/VB/VERB/continue/ROOT/2 "
    "talks/NNS/NOUN/talk/dobj/2 with/IN/ADP/with/prep/3 China/NNP/PROPN/China/pobj/4 on/IN/ADP/on/prep/2 "
    "an/DT/DET/an/det/8 agreement/NN/NOUN/agreement/pobj/6 ././PUNCT/./punct/2",
    "seek an agreement": "We/PRP/PRON/we/nsubj/1 seek/VBP/VERB/seek/ROOT/1 an/DT/DET/an/det/3 "
    "agreement/NN/NOUN/agreement/dobj/1 with/IN/ADP/with/prep/3 Korea/NNP/PROPN/Korea/pobj/4 ././PUNCT/./punct/1",
    "is in effect": "The/DT/DET/the/det/1 agreement/NN/NOUN/agreement/nsubj/2 is/VBZ/AUX/be/ROOT/2 "
    "in/IN/ADP/in/prep/2 effect/NN/NOUN/effect/pobj/3 ././PUNCT/./punct/2",
    "will negotiate": "The/DT/DET/the/det/1 UK/NNP/PROPN/UK/nsubj/5 and/CC/CCONJ/and/cc/1 "
    "India/NNP/PROPN/India/conj/1 will/MD/AUX/will/aux/5 negotiate/VB/VERB/negotiate/ROOT/5 "
    "a/DT/DET/a/det/7 treaty/NN/NOUN/treaty/dobj/5 ././PUNCT/./punct/5",
    "committed to develop": "Kenya/NNP/PROPN/Kenya/nsubj/4 and/CC/CCONJ/and/cc/0 the/DT/DET/the/det/3 "
    "UK/NNP/PROPN/UK/conj/0 committed/VBD/VERB/commit/ROOT/4 to/TO/PART/to/aux/6 "
    "develop/VB/VERB/develop/xcomp/4 a/DT/DET/a/det/9 framework/NN/NOUN/framework/compound/9 "
    "agreement/NN/NOUN/agreement/dobj/6 ././PUNCT/./punct/4",
    "aim to finalise": "The/DT/DET/the/det/2 two/CD/NUM/two/nummod/2 countries/NNS/NOUN/country/nsubj/3 "
    "aim/VBP/VERB/aim/ROOT/3 to/TO/PART/to/aux/5 finalise/VB/VERB/finalise/xcomp/3 the/DT/DET/the/det/7 "
    "deal/NN/NOUN/deal/dobj/5 ././PUNCT/./punct/3",
    "working towards": "The/DT/DET/the/det/1 government/NN/NOUN/government/nsubj/3 is/VBZ/AUX/be/aux/3 "
    "working/VBG/VERB/work/ROOT/3 towards/IN/ADP/towards/prep/3 a/DT/DET/a/det/6 deal/NN/NOUN/deal/pobj/4 "
    "././PUNCT/./punct/3",
    "concluded negotiations toward": "Canada/NNP/PROPN/Canada/nsubj/4 and/CC/CCONJ/and/cc/0 "
    "Ecuador/NNP/PROPN/Ecuador/conj/0 have/VBP/AUX/have/aux/4 concluded/VBN/VERB/conclude/ROOT/4 "
    "negotiations/NNS/NOUN/negotiation/dobj/4 toward/IN/ADP/toward/prep/5 a/DT/DET/a/det/10 "
    "free/JJ/ADJ/free/amod/9 trade/NN/NOUN/trade/compound/10 agreement/NN/NOUN/agreement/pobj/6 "
    "././PUNCT/./punct/4",
    "began negotiations toward": "Canada/NNP/PROPN/Canada/nsubj/3 and/CC/CCONJ/and/cc/0 "
    "Ecuador/NNP/PROPN/Ecuador/conj/0 began/VBD/VERB/begin/ROOT/3 negotiations/NNS/NOUN/negotiation/dobj/3 "
    "toward/IN/ADP/toward/prep/4 a/DT/DET/a/det/9 free/JJ/ADJ/free/amod/8 trade/NN/NOUN/trade/compound/9 "
    "agreement/NN/NOUN/agreement/pobj/5 ././PUNCT/./punct/3",
    "the treaty they are negotiating": "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubj/7 "
    "the/DT/DET/the/det/4 two/CD/NUM/two/nummod/4 countries/NNS/NOUN/country/nsubj/6 are/VBP/AUX/be/aux/6 "
    "negotiating/VBG/VERB/negotiate/relcl/1 covers/VBZ/VERB/cover/ROOT/7 trade/NN/NOUN/trade/dobj/7 "
    "././PUNCT/./punct/7",
    # planned
    "will sign": "The/DT/DET/the/det/1 UK/NNP/PROPN/UK/nsubj/5 and/CC/CCONJ/and/cc/1 "
    "India/NNP/PROPN/India/conj/1 will/MD/AUX/will/aux/5 sign/VB/VERB/sign/ROOT/5 a/DT/DET/a/det/7 "
    "treaty/NN/NOUN/treaty/dobj/5 ././PUNCT/./punct/5",
    "set to sign": "Serbia/NNP/PROPN/Serbia/nsubjpass/4 and/CC/CCONJ/and/cc/0 "
    "Hungary/NNP/PROPN/Hungary/conj/0 are/VBP/AUX/be/auxpass/4 set/VBN/VERB/set/ROOT/4 "
    "to/TO/PART/to/aux/6 sign/VB/VERB/sign/xcomp/4 an/DT/DET/an/det/8 agreement/NN/NOUN/agreement/dobj/6 "
    "././PUNCT/./punct/4",
    "has yet to sign": "The/DT/DET/the/det/1 UK/NNP/PROPN/UK/nsubj/2 has/VBZ/VERB/have/ROOT/2 "
    "yet/RB/ADV/yet/advmod/2 to/TO/PART/to/aux/5 sign/VB/VERB/sign/xcomp/2 the/DT/DET/the/det/7 "
    "treaty/NN/NOUN/treaty/dobj/5 ././PUNCT/./punct/2",
    "has not signed": "The/DT/DET/the/det/1 UK/NNP/PROPN/UK/nsubj/4 has/VBZ/AUX/have/aux/4 "
    "not/RB/PART/not/neg/4 signed/VBN/VERB/sign/ROOT/4 the/DT/DET/the/det/6 treaty/NN/NOUN/treaty/dobj/4 "
    "././PUNCT/./punct/4",
    "the proposed agreement": "The/DT/DET/the/det/2 proposed/VBN/VERB/propose/amod/2 "
    "agreement/NN/NOUN/agreement/nsubj/3 covers/VBZ/VERB/cover/ROOT/3 returns/NNS/NOUN/return/dobj/3 "
    "././PUNCT/./punct/3",
    "the deal has been delayed": "The/DT/DET/the/det/1 deal/NN/NOUN/deal/nsubjpass/4 has/VBZ/AUX/have/aux/4 "
    "been/VBN/AUX/be/auxpass/4 delayed/VBN/VERB/delay/ROOT/4 ././PUNCT/./punct/4",
    "approved the signing of": "The/DT/DET/the/det/1 Cabinet/NNP/PROPN/Cabinet/nsubj/2 "
    "approved/VBD/VERB/approve/ROOT/2 the/DT/DET/the/det/4 signing/NN/NOUN/signing/dobj/2 "
    "of/IN/ADP/of/prep/4 an/DT/DET/an/det/7 MoU/NN/NOUN/mou/pobj/5 ././PUNCT/./punct/2",
    "new deals (a headline)": "New/JJ/ADJ/new/amod/1 deals/NNS/NOUN/deal/ROOT/1 for/IN/ADP/for/prep/1 "
    "the/DT/DET/the/det/4 region/NN/NOUN/region/pobj/2 ././PUNCT/./punct/1",
    "the new treaties protect": "The/DT/DET/the/det/2 new/JJ/ADJ/new/amod/2 treaties/NNS/NOUN/treaty/nsubj/3 "
    "protect/VBP/VERB/protect/ROOT/3 our/PRP$/PRON/our/poss/5 interests/NNS/NOUN/interest/dobj/3 ././PUNCT/./punct/3",
    # signed is not in force until said to apply, take effect or be ratified
    "was ratified": "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubjpass/3 was/VBD/AUX/be/auxpass/3 "
    "ratified/VBN/VERB/ratify/ROOT/3 in/IN/ADP/in/prep/3 February/NNP/PROPN/February/pobj/4 ././PUNCT/./punct/3",
    "will be ratified": "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubjpass/4 will/MD/AUX/will/aux/4 "
    "be/VB/AUX/be/auxpass/4 ratified/VBN/VERB/ratify/ROOT/4 in/IN/ADP/in/prep/4 "
    "February/NNP/PROPN/February/pobj/5 ././PUNCT/./punct/4",
    "took effect": "The/DT/DET/the/det/1 agreement/NN/NOUN/agreement/nsubj/2 took/VBD/VERB/take/ROOT/2 "
    "effect/NN/NOUN/effect/dobj/2 on/IN/ADP/on/prep/2 May/NNP/PROPN/May/pobj/4 ././PUNCT/./punct/2",
    "will take effect": "The/DT/DET/the/det/1 agreement/NN/NOUN/agreement/nsubj/3 will/MD/AUX/will/aux/3 "
    "take/VB/VERB/take/ROOT/3 effect/NN/NOUN/effect/dobj/3 on/IN/ADP/on/prep/3 May/NNP/PROPN/May/pobj/5 "
    "././PUNCT/./punct/3",
    "applies from": "The/DT/DET/the/det/1 agreement/NN/NOUN/agreement/nsubj/2 applies/VBZ/VERB/apply/ROOT/2 "
    "from/IN/ADP/from/prep/2 May/NNP/PROPN/May/pobj/3 ././PUNCT/./punct/2",
    "will apply from": "The/DT/DET/the/det/1 agreement/NN/NOUN/agreement/nsubj/3 will/MD/AUX/will/aux/3 "
    "apply/VB/VERB/apply/ROOT/3 from/IN/ADP/from/prep/3 May/NNP/PROPN/May/pobj/4 ././PUNCT/./punct/3",
    "signed, then entered into force": "The/DT/DET/the/det/1 agreement/NN/NOUN/agreement/nsubj/7 ,/,/PUNCT/,/punct/1 "
    "signed/VBN/VERB/sign/acl/1 in/IN/ADP/in/prep/3 2022/CD/NUM/2022/pobj/4 ,/,/PUNCT/,/punct/1 "
    "entered/VBD/VERB/enter/ROOT/7 into/IN/ADP/into/prep/7 force/NN/NOUN/force/pobj/8 ././PUNCT/./punct/7",
    "signed, will enter into force": "The/DT/DET/the/det/1 agreement/NN/NOUN/agreement/nsubj/8 "
    ",/,/PUNCT/,/punct/1 signed/VBN/VERB/sign/acl/1 in/IN/ADP/in/prep/3 2022/CD/NUM/2022/pobj/4 "
    ",/,/PUNCT/,/punct/1 will/MD/AUX/will/aux/8 enter/VB/VERB/enter/ROOT/8 into/IN/ADP/into/prep/8 "
    "force/NN/NOUN/force/pobj/9 ././PUNCT/./punct/8",
    "the deal, struck in May": "The/DT/DET/the/det/1 deal/NN/NOUN/deal/nsubj/8 ,/,/PUNCT/,/punct/1 "
    "struck/VBN/VERB/strike/acl/1 in/IN/ADP/in/prep/3 May/NNP/PROPN/May/pobj/4 ,/,/PUNCT/,/punct/1 "
    "will/MD/AUX/will/aux/8 cut/VB/VERB/cut/ROOT/8 tariffs/NNS/NOUN/tariff/dobj/8 ././PUNCT/./punct/8",
    # in force
    "the existing agreement": "The/DT/DET/the/det/2 existing/VBG/VERB/exist/amod/2 "
    "agreement/NN/NOUN/agreement/nsubj/3 covers/VBZ/VERB/cover/ROOT/3 returns/NNS/NOUN/return/dobj/3 "
    "././PUNCT/./punct/3",
    "under the agreement": "Under/IN/ADP/under/prep/7 the/DT/DET/the/det/2 agreement/NN/NOUN/agreement/pobj/0 "
    ",/,/PUNCT/,/punct/7 500/CD/NUM/500/nummod/5 people/NNS/NOUN/people/nsubjpass/7 "
    "were/VBD/AUX/be/auxpass/7 returned/VBN/VERB/return/ROOT/7 ././PUNCT/./punct/7",
    "implementation of": "Implementation/NN/NOUN/implementation/nsubj/4 of/IN/ADP/of/prep/0 "
    "the/DT/DET/the/det/3 deal/NN/NOUN/deal/pobj/1 is/VBZ/AUX/be/ROOT/4 under/IN/ADP/under/prep/4 "
    "way/NN/NOUN/way/pobj/5 ././PUNCT/./punct/4",
    "a party to the agreement": "The/DT/DET/the/det/1 UK/NNP/PROPN/UK/nsubj/2 is/VBZ/AUX/be/ROOT/2 "
    "a/DT/DET/a/det/4 party/NN/NOUN/party/attr/2 to/IN/ADP/to/prep/4 the/DT/DET/the/det/7 "
    "agreement/NN/NOUN/agreement/pobj/5 ././PUNCT/./punct/2",
    "the entry into force of": "The/DT/DET/the/det/1 minister/NN/NOUN/minister/nsubj/2 "
    "welcomed/VBD/VERB/welcome/ROOT/2 the/DT/DET/the/det/4 entry/NN/NOUN/entry/dobj/2 "
    "into/IN/ADP/into/prep/4 force/NN/NOUN/force/pobj/5 of/IN/ADP/of/prep/6 the/DT/DET/the/det/9 "
    "agreement/NN/NOUN/agreement/pobj/7 ././PUNCT/./punct/2",
    "is in force": "The/DT/DET/the/det/1 agreement/NN/NOUN/agreement/nsubj/2 is/VBZ/AUX/be/ROOT/2 "
    "in/IN/ADP/in/prep/2 force/NN/NOUN/force/pobj/3 ././PUNCT/./punct/2",
    "already have": "The/DT/DET/the/det/2 two/CD/NUM/two/nummod/2 countries/NNS/NOUN/country/nsubj/4 "
    "already/RB/ADV/already/advmod/4 have/VBP/VERB/have/ROOT/4 an/DT/DET/an/det/6 "
    "agreement/NN/NOUN/agreement/dobj/4 ././PUNCT/./punct/4",
    "has agreements with": "The/DT/DET/the/det/1 UK/NNP/PROPN/UK/nsubj/2 has/VBZ/VERB/have/ROOT/2 "
    "agreements/NNS/NOUN/agreement/dobj/2 with/IN/ADP/with/prep/3 Albania/NNP/PROPN/Albania/pobj/4 "
    "././PUNCT/./punct/2",
    "deepened their partnership": "The/DT/DET/the/det/2 two/CD/NUM/two/nummod/2 "
    "countries/NNS/NOUN/country/nsubj/3 deepened/VBD/VERB/deepen/ROOT/3 their/PRP$/PRON/their/poss/5 "
    "partnership/NN/NOUN/partnership/dobj/3 ././PUNCT/./punct/3",
    "will implement": "The/DT/DET/the/det/1 UK/NNP/PROPN/UK/nsubj/3 will/MD/AUX/will/aux/3 "
    "implement/VB/VERB/implement/ROOT/3 the/DT/DET/the/det/5 agreement/NN/NOUN/agreement/dobj/3 "
    "././PUNCT/./punct/3",
    "the landmark deal": "The/DT/DET/the/det/2 landmark/NN/NOUN/landmark/compound/2 deal/NN/NOUN/deal/nsubj/3 "
    "covers/VBZ/VERB/cover/ROOT/3 trade/NN/NOUN/trade/dobj/3 ././PUNCT/./punct/3",
    # ended, suspended
    "scrapped": "The/DT/DET/the/det/1 government/NN/NOUN/government/nsubj/2 scrapped/VBD/VERB/scrap/ROOT/2 "
    "the/DT/DET/the/det/4 deal/NN/NOUN/deal/dobj/2 ././PUNCT/./punct/2",
    "suspended": "The/DT/DET/the/det/1 government/NN/NOUN/government/nsubj/2 "
    "suspended/VBD/VERB/suspend/ROOT/2 the/DT/DET/the/det/4 agreement/NN/NOUN/agreement/dobj/2 ././PUNCT/./punct/2",
    # round 3: treaty language of addresses to a legislature
    "was abrogated": "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubjpass/3 was/VBD/AUX/be/auxpass/3 "
    "abrogated/VBN/VERB/abrogate/ROOT/3 in/IN/ADP/in/prep/3 1934/CD/NUM/1934/pobj/4 ././PUNCT/./punct/3",
    "suspended its obligations under": "Russia/NNP/PROPN/Russia/nsubj/1 suspended/VBD/VERB/suspend/ROOT/1 "
    "its/PRP$/PRON/its/poss/3 obligations/NNS/NOUN/obligation/dobj/1 under/IN/ADP/under/prep/1 "
    "the/DT/DET/the/det/6 treaty/NN/NOUN/treaty/pobj/4 ././PUNCT/./punct/1",
    "press for an agreement": "We/PRP/PRON/we/nsubj/2 will/MD/AUX/will/aux/2 press/VB/VERB/press/ROOT/2 "
    "for/IN/ADP/for/prep/2 an/DT/DET/an/det/5 agreement/NN/NOUN/agreement/pobj/3 ././PUNCT/./punct/2",
    "voted for the agreement": "They/PRP/PRON/they/nsubj/1 voted/VBD/VERB/vote/ROOT/1 for/IN/ADP/for/prep/1 "
    "the/DT/DET/the/det/4 agreement/NN/NOUN/agreement/pobj/2 ././PUNCT/./punct/1",
    "now before the Senate": "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubj/2 is/VBZ/AUX/be/ROOT/2 "
    "now/RB/ADV/now/advmod/2 before/IN/ADP/before/prep/2 the/DT/DET/the/det/6 Senate/NNP/PROPN/Senate/pobj/4 "
    "././PUNCT/./punct/2",
    "before the war": "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubj/2 was/VBD/AUX/be/ROOT/2 "
    "made/VBN/VERB/make/acomp/2 before/IN/ADP/before/prep/2 the/DT/DET/the/det/6 war/NN/NOUN/war/pobj/4 "
    "././PUNCT/./punct/2",
    "awaits your approval": "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubj/2 awaits/VBZ/VERB/await/ROOT/2 "
    "your/PRP$/PRON/your/poss/4 approval/NN/NOUN/approval/dobj/2 ././PUNCT/./punct/2",
    "seek consent to ratification of": "I/PRP/PRON/I/nsubj/2 will/MD/AUX/will/aux/2 seek/VB/VERB/seek/ROOT/2 "
    "consent/NN/NOUN/consent/dobj/2 to/IN/ADP/to/prep/3 ratification/NN/NOUN/ratification/pobj/4 "
    "of/IN/ADP/of/prep/5 the/DT/DET/the/det/8 treaty/NN/NOUN/treaty/pobj/6 ././PUNCT/./punct/2",
    "won the approval": "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubj/2 won/VBD/VERB/win/ROOT/2 "
    "wide/JJ/ADJ/wide/amod/4 approval/NN/NOUN/approval/dobj/2 ././PUNCT/./punct/2",
    "remains the cornerstone": "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubj/2 remains/VBZ/VERB/remain/ROOT/2 "
    "the/DT/DET/the/det/4 cornerstone/NN/NOUN/cornerstone/attr/2 ././PUNCT/./punct/2",
    "remains under negotiation": "A/DT/DET/a/det/2 fisheries/NNS/NOUN/fishery/compound/2 "
    "agreement/NN/NOUN/agreement/nsubj/3 remains/VBZ/VERB/remain/ROOT/3 under/IN/ADP/under/prep/3 "
    "negotiation/NN/NOUN/negotiation/pobj/4 ././PUNCT/./punct/3",
    "is still under discussion": "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubj/2 is/VBZ/AUX/be/ROOT/2 "
    "still/RB/ADV/still/advmod/2 under/IN/ADP/under/prep/2 discussion/NN/NOUN/discussion/pobj/4 "
    "././PUNCT/./punct/2",
    "remains in force": "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubj/2 remains/VBZ/VERB/remain/ROOT/2 "
    "in/IN/ADP/in/prep/2 force/NN/NOUN/force/pobj/3 ././PUNCT/./punct/2",
    "can enter into force": "The/DT/DET/the/det/1 agreement/NN/NOUN/agreement/nsubj/3 can/MD/AUX/can/aux/3 "
    "enter/VB/VERB/enter/ROOT/3 into/IN/ADP/into/prep/3 force/NN/NOUN/force/pobj/4 ././PUNCT/./punct/3",
    "entered into force": "The/DT/DET/the/det/1 agreement/NN/NOUN/agreement/nsubj/2 "
    "entered/VBD/VERB/enter/ROOT/2 into/IN/ADP/into/prep/2 force/NN/NOUN/force/pobj/3 ././PUNCT/./punct/2",
    "authorised the signature of": "The/DT/DET/the/det/1 Council/NNP/PROPN/Council/nsubj/2 "
    "authorised/VBD/VERB/authorise/ROOT/2 the/DT/DET/the/det/4 signature/NN/NOUN/signature/dobj/2 "
    "of/IN/ADP/of/prep/4 the/DT/DET/the/det/7 agreement/NN/NOUN/agreement/pobj/5 ././PUNCT/./punct/2",
    "put pen to paper on": "Ministers/NNS/NOUN/minister/nsubj/1 put/VBD/VERB/put/ROOT/1 pen/NN/NOUN/pen/dobj/1 "
    "to/IN/ADP/to/prep/1 paper/NN/NOUN/paper/pobj/3 on/IN/ADP/on/prep/1 a/DT/DET/a/det/8 "
    "migration/NN/NOUN/migration/compound/8 compact/NN/NOUN/compact/pobj/5 ././PUNCT/./punct/1",
    "talks concluded with a text to sign": "Talks/NNS/NOUN/talk/nsubj/1 concluded/VBD/VERB/conclude/ROOT/1 "
    "with/IN/ADP/with/prep/1 a/DT/DET/a/det/4 text/NN/NOUN/text/pobj/2 that/WDT/PRON/that/dobj/9 "
    "both/DT/DET/both/det/7 sides/NNS/NOUN/side/nsubj/9 will/MD/AUX/will/aux/9 sign/VB/VERB/sign/relcl/4 "
    "././PUNCT/./punct/1",
    "drafted a text to sign": "They/PRP/PRON/they/nsubj/1 drafted/VBD/VERB/draft/ROOT/1 a/DT/DET/a/det/3 "
    "text/NN/NOUN/text/dobj/1 that/WDT/PRON/that/dobj/7 both/DT/DET/both/det/6 sides/NNS/NOUN/side/nsubj/7 "
    "will/MD/AUX/will/aux/7 sign/VB/VERB/sign/relcl/3 ././PUNCT/./punct/1",
    "will remain the cornerstone": "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubj/3 will/MD/AUX/will/aux/3 "
    "remain/VB/VERB/remain/ROOT/3 the/DT/DET/the/det/5 cornerstone/NN/NOUN/cornerstone/attr/3 ././PUNCT/./punct/3",
    "which was terminated": "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubjpass/10 ,/,/PUNCT/,/punct/1 "
    "which/WDT/PRON/which/nsubjpass/5 was/VBD/AUX/be/auxpass/5 terminated/VBN/VERB/terminate/relcl/1 "
    "in/IN/ADP/in/prep/5 1940/CD/NUM/1940/pobj/6 ,/,/PUNCT/,/punct/1 was/VBD/AUX/be/auxpass/10 "
    "mourned/VBN/VERB/mourn/ROOT/10 ././PUNCT/./punct/10",
    "that ended the war": "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubj/6 that/WDT/PRON/that/nsubj/3 "
    "ended/VBD/VERB/end/relcl/1 the/DT/DET/the/det/5 war/NN/NOUN/war/dobj/3 is/VBZ/AUX/be/ROOT/6 "
    "famous/JJ/ADJ/famous/acomp/6 ././PUNCT/./punct/6",
    "our treaty with Japan": "We/PRP/PRON/we/nsubj/1 value/VBP/VERB/value/ROOT/1 our/PRP$/PRON/our/poss/3 "
    "treaty/NN/NOUN/treaty/dobj/1 with/IN/ADP/with/prep/3 Japan/NNP/PROPN/Japan/pobj/4 ././PUNCT/./punct/1",
    "our new treaty with Japan": "We/PRP/PRON/we/nsubj/1 value/VBP/VERB/value/ROOT/1 our/PRP$/PRON/our/poss/4 "
    "new/JJ/ADJ/new/amod/4 treaty/NN/NOUN/treaty/dobj/1 with/IN/ADP/with/prep/4 Japan/NNP/PROPN/Japan/pobj/5 "
    "././PUNCT/./punct/1",
    "the agreement reached with (misattached)": "I/PRP/PRON/I/nsubj/1 welcome/VBP/VERB/welcome/ROOT/1 "
    "the/DT/DET/the/det/3 agreement/NN/NOUN/agreement/dobj/1 reached/VBD/VERB/reach/advcl/1 "
    "with/IN/ADP/with/prep/4 China/NNP/PROPN/China/pobj/5 ././PUNCT/./punct/1",
    "the agreement we concluded": "The/DT/DET/the/det/1 agreement/NN/NOUN/agreement/nsubj/4 we/PRP/PRON/we/nsubj/3 "
    "concluded/VBD/VERB/conclude/relcl/1 covers/VBZ/VERB/cover/ROOT/4 trade/NN/NOUN/trade/dobj/4 ././PUNCT/./punct/4",
    "the agreement we negotiated": "The/DT/DET/the/det/1 agreement/NN/NOUN/agreement/nsubj/4 "
    "we/PRP/PRON/we/nsubj/3 negotiated/VBD/VERB/negotiate/relcl/1 covers/VBZ/VERB/cover/ROOT/4 "
    "trade/NN/NOUN/trade/dobj/4 ././PUNCT/./punct/4",
    "should be ratified": "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubjpass/4 should/MD/AUX/should/aux/4 "
    "be/VB/AUX/be/auxpass/4 ratified/VBN/VERB/ratify/ROOT/4 ././PUNCT/./punct/4",
    "will expire": "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubj/3 will/MD/AUX/will/aux/3 "
    "expire/VB/VERB/expire/ROOT/3 in/IN/ADP/in/prep/3 March/NNP/PROPN/March/pobj/4 ././PUNCT/./punct/3",
    "expired": "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubj/2 expired/VBD/VERB/expire/ROOT/2 "
    "in/IN/ADP/in/prep/2 March/NNP/PROPN/March/pobj/3 ././PUNCT/./punct/2",
    "will not withdraw from": "We/PRP/PRON/we/nsubj/3 will/MD/AUX/will/aux/3 not/RB/PART/not/neg/3 "
    "withdraw/VB/VERB/withdraw/ROOT/3 from/IN/ADP/from/prep/3 the/DT/DET/the/det/6 treaty/NN/NOUN/treaty/pobj/4 "
    "././PUNCT/./punct/3",
    "agreements have been concluded with": "Trade/NN/NOUN/trade/compound/1 agreements/NNS/NOUN/agreement/nsubjpass/4 "
    "have/VBP/AUX/have/aux/4 been/VBN/AUX/be/auxpass/4 concluded/VBN/VERB/conclude/ROOT/4 with/IN/ADP/with/prep/4 "
    "Mexico/NNP/PROPN/Mexico/pobj/5 ././PUNCT/./punct/4",
    "you have before you": "You/PRP/PRON/you/nsubj/1 have/VBP/VERB/have/ROOT/1 before/IN/ADP/before/prep/1 "
    "you/PRP/PRON/you/pobj/2 a/DT/DET/a/det/5 treaty/NN/NOUN/treaty/dobj/1 ././PUNCT/./punct/1",
    "following the ratification of": "Following/VBG/VERB/follow/prep/8 the/DT/DET/the/det/2 "
    "ratification/NN/NOUN/ratification/pobj/0 of/IN/ADP/of/prep/2 the/DT/DET/the/det/5 "
    "treaty/NN/NOUN/treaty/pobj/3 ,/,/PUNCT/,/punct/8 trade/NN/NOUN/trade/nsubj/8 grew/VBD/VERB/grow/ROOT/8 "
    "././PUNCT/./punct/8",
    "ratification of is essential": "Ratification/NN/NOUN/ratification/nsubj/4 of/IN/ADP/of/prep/0 "
    "the/DT/DET/the/det/3 treaty/NN/NOUN/treaty/pobj/1 is/VBZ/AUX/be/ROOT/4 essential/JJ/ADJ/essential/acomp/4 "
    "././PUNCT/./punct/4",
    "urge ratification of": "I/PRP/PRON/I/nsubj/1 urge/VBP/VERB/urge/ROOT/1 "
    "ratification/NN/NOUN/ratification/dobj/1 of/IN/ADP/of/prep/2 the/DT/DET/the/det/5 "
    "treaty/NN/NOUN/treaty/pobj/3 ././PUNCT/./punct/1",
    "states to have signed": "states/NNS/NOUN/state/ROOT/0 to/TO/PART/to/aux/3 have/VB/AUX/have/aux/3 "
    "signed/VBN/VERB/sign/relcl/0 treaties/NNS/NOUN/treaty/dobj/3 with/IN/ADP/with/prep/4 "
    "Israel/NNP/PROPN/Israel/pobj/5",
    "would have terminated": "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubj/4 would/MD/AUX/would/aux/4 "
    "have/VB/AUX/have/aux/4 terminated/VBN/VERB/terminate/ROOT/4 in/IN/ADP/in/prep/4 1912/CD/NUM/1912/pobj/5 "
    "././PUNCT/./punct/4",
    "must build a partnership": "We/PRP/PRON/we/nsubj/2 must/MD/AUX/must/aux/2 build/VB/VERB/build/ROOT/2 "
    "a/DT/DET/a/det/4 partnership/NN/NOUN/partnership/dobj/2 with/IN/ADP/with/prep/4 "
    "Russia/NNP/PROPN/Russia/pobj/5 ././PUNCT/./punct/2",
    "built a partnership": "We/PRP/PRON/we/nsubj/1 built/VBD/VERB/build/ROOT/1 a/DT/DET/a/det/3 "
    "partnership/NN/NOUN/partnership/dobj/1 with/IN/ADP/with/prep/3 Russia/NNP/PROPN/Russia/pobj/4 "
    "././PUNCT/./punct/1",
    "commend to the Senate": "I/PRP/PRON/I/nsubj/1 commend/VBP/VERB/commend/ROOT/1 to/IN/ADP/to/prep/1 "
    "the/DT/DET/the/det/4 Senate/NNP/PROPN/Senate/pobj/2 the/DT/DET/the/det/6 "
    "convention/NN/NOUN/convention/dobj/1 ././PUNCT/./punct/1",
    "will be laid before Parliament": "The/DT/DET/the/det/1 agreement/NN/NOUN/agreement/nsubjpass/4 "
    "will/MD/AUX/will/aux/4 be/VB/AUX/be/auxpass/4 laid/VBN/VERB/lay/ROOT/4 before/IN/ADP/before/prep/4 "
    "Parliament/NNP/PROPN/Parliament/pobj/5 ././PUNCT/./punct/4",
    "conclusion and ratification of is our goal": "The/DT/DET/the/det/1 conclusion/NN/NOUN/conclusion/nsubj/8 "
    "and/CC/CCONJ/and/cc/1 ratification/NN/NOUN/ratification/conj/1 of/IN/ADP/of/prep/1 a/DT/DET/a/det/6 "
    "treaty/NN/NOUN/treaty/pobj/4 is/VBZ/AUX/be/ROOT/8 our/PRP$/PRON/our/poss/9 goal/NN/NOUN/goal/attr/7 "
    "././PUNCT/./punct/7",
    "has broad support, ask Congress to approve it": "The/DT/DET/the/det/1 agreement/NN/NOUN/agreement/nsubj/2 "
    "has/VBZ/VERB/have/ROOT/2 support/NN/NOUN/support/dobj/2 ,/,/PUNCT/,/punct/2 and/CC/CCONJ/and/cc/2 "
    "I/PRP/PRON/I/nsubj/7 ask/VBP/VERB/ask/conj/2 Congress/NNP/PROPN/Congress/dobj/7 to/TO/PART/to/aux/10 "
    "approve/VB/VERB/approve/xcomp/7 it/PRP/PRON/it/dobj/10 ././PUNCT/./punct/2",
    "has agreements, ask them to approve it": "Canada/NNP/PROPN/Canada/nsubj/1 has/VBZ/VERB/have/ROOT/1 "
    "an/DT/DET/an/det/3 agreement/NN/NOUN/agreement/dobj/1 ,/,/PUNCT/,/punct/1 and/CC/CCONJ/and/cc/1 "
    "I/PRP/PRON/I/nsubj/7 ask/VBP/VERB/ask/conj/1 them/PRP/PRON/they/dobj/7 to/TO/PART/to/aux/10 "
    "approve/VB/VERB/approve/xcomp/7 it/PRP/PRON/it/dobj/10 ././PUNCT/./punct/1",
    "pending in the Senate": "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubj/4 has/VBZ/AUX/have/aux/4 "
    "been/VBN/AUX/be/aux/4 pending/VBG/VERB/pende/ROOT/4 in/IN/ADP/in/prep/4 the/DT/DET/the/det/7 "
    "Senate/NNP/PROPN/Senate/pobj/5 ././PUNCT/./punct/4",
    "approving the treaties will show": "Approving/VBG/VERB/approve/csubj/4 the/DT/DET/the/det/2 "
    "treaties/NNS/NOUN/treaty/dobj/0 will/MD/AUX/will/aux/4 show/VB/VERB/show/ROOT/4 "
    "resolve/NN/NOUN/resolve/dobj/4 ././PUNCT/./punct/4",
    "compliance with the agreement": "We/PRP/PRON/we/nsubj/2 will/MD/AUX/will/aux/2 insist/VB/VERB/insist/ROOT/2 "
    "on/IN/ADP/on/prep/2 compliance/NN/NOUN/compliance/pobj/3 with/IN/ADP/with/prep/4 the/DT/DET/the/det/7 "
    "agreement/NN/NOUN/agreement/pobj/5 ././PUNCT/./punct/2",
    "joined in the treaty": "We/PRP/PRON/we/nsubj/1 joined/VBD/VERB/join/ROOT/1 in/IN/ADP/in/prep/1 "
    "the/DT/DET/the/det/4 treaty/NN/NOUN/treaty/pobj/2 ././PUNCT/./punct/1",
    "will join the treaty": "We/PRP/PRON/we/nsubj/2 will/MD/AUX/will/aux/2 join/VB/VERB/join/ROOT/2 "
    "the/DT/DET/the/det/4 treaty/NN/NOUN/treaty/dobj/2 ././PUNCT/./punct/2",
    "discussions continue on the details of": "Discussions/NNS/NOUN/discussion/nsubj/1 "
    "continue/VBP/VERB/continue/ROOT/1 on/IN/ADP/on/prep/1 the/DT/DET/the/det/4 details/NNS/NOUN/detail/pobj/2 "
    "of/IN/ADP/of/prep/4 an/DT/DET/an/det/7 agreement/NN/NOUN/agreement/pobj/5 ././PUNCT/./punct/1",
    "details of an agreement were published": "The/DT/DET/the/det/1 details/NNS/NOUN/detail/nsubjpass/6 "
    "of/IN/ADP/of/prep/1 an/DT/DET/an/det/4 agreement/NN/NOUN/agreement/pobj/2 were/VBD/AUX/be/auxpass/6 "
    "widely/RB/ADV/widely/advmod/6 published/VBN/VERB/publish/ROOT/6 ././PUNCT/./punct/6",
    "the agreement recognizes": "The/DT/DET/the/det/2 Nassau/NNP/PROPN/Nassau/compound/2 "
    "agreement/NN/NOUN/agreement/nsubj/3 recognizes/VBZ/VERB/recognize/ROOT/3 the/DT/DET/the/det/5 "
    "need/NN/NOUN/need/dobj/3 ././PUNCT/./punct/3",
    "the agreement would recognize": "The/DT/DET/the/det/1 agreement/NN/NOUN/agreement/nsubj/3 "
    "would/MD/AUX/would/aux/3 recognize/VB/VERB/recognize/ROOT/3 the/DT/DET/the/det/5 need/NN/NOUN/need/dobj/3 "
    "././PUNCT/./punct/3",
    "the treaty concluded (misparsed) authorizes": "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubj/2 "
    "concluded/VBD/VERB/conclude/ROOT/2 April/NNP/PROPN/April/npadvmod/2 1908/CD/NUM/1908/nummod/3 "
    ",/,/PUNCT/,/punct/2 authorizes/VBZ/VERB/authorize/conj/2 commissioners/NNS/NOUN/commissioner/dobj/6 "
    "././PUNCT/./punct/2",
    "Senate approval of the treaties has improved": "Senate/NNP/PROPN/Senate/compound/1 "
    "approval/NN/NOUN/approval/nsubj/6 of/IN/ADP/of/prep/1 the/DT/DET/the/det/4 treaties/NNS/NOUN/treaty/pobj/2 "
    "has/VBZ/AUX/have/aux/6 improved/VBN/VERB/improve/ROOT/6 relations/NNS/NOUN/relation/dobj/6 "
    "././PUNCT/./punct/6",
    "parliamentary approval of the agreement is expected": "Parliamentary/JJ/ADJ/parliamentary/amod/1 "
    "approval/NN/NOUN/approval/nsubjpass/6 of/IN/ADP/of/prep/1 the/DT/DET/the/det/4 "
    "agreement/NN/NOUN/agreement/pobj/2 is/VBZ/AUX/be/auxpass/6 expected/VBN/VERB/expect/ROOT/6 "
    "soon/RB/ADV/soon/advmod/6 ././PUNCT/./punct/6",
    "public approval of the treaty grew": "Public/JJ/ADJ/public/amod/1 approval/NN/NOUN/approval/nsubj/5 "
    "of/IN/ADP/of/prep/1 the/DT/DET/the/det/4 treaty/NN/NOUN/treaty/pobj/2 grew/VBD/VERB/grow/ROOT/5 "
    "././PUNCT/./punct/5",
    # the ceremony of signing: signed where it is welcomed or witnessed, planned where yet to come
    "welcomed the signing of": "They/PRP/PRON/they/nsubj/1 welcomed/VBD/VERB/welcome/ROOT/1 "
    "the/DT/DET/the/det/3 signing/NN/NOUN/signing/dobj/1 of/IN/ADP/of/prep/3 a/DT/DET/a/det/6 "
    "framework/NN/NOUN/framework/pobj/4 between/IN/ADP/between/prep/6 Fiji/NNP/PROPN/Fiji/pobj/7 "
    "and/CC/CCONJ/and/cc/8 Samoa/NNP/PROPN/Samoa/conj/8 ././PUNCT/./punct/1",
    "will witness the signing of": "They/PRP/PRON/they/nsubj/2 will/MD/AUX/will/aux/2 "
    "witness/VB/VERB/witness/ROOT/2 the/DT/DET/the/det/4 signing/NN/NOUN/signing/dobj/2 of/IN/ADP/of/prep/4 "
    "a/DT/DET/a/det/7 framework/NN/NOUN/framework/pobj/5 between/IN/ADP/between/prep/7 "
    "Fiji/NNP/PROPN/Fiji/pobj/8 and/CC/CCONJ/and/cc/9 Samoa/NNP/PROPN/Samoa/conj/9 ././PUNCT/./punct/2",
    # discussing a pact called by its own name speaks of it as it stands; discussing a new one is talks
    "discussed the AUKUS partnership": "The/DT/DET/the/det/1 leaders/NNS/NOUN/leader/nsubj/2 "
    "discussed/VBD/VERB/discuss/ROOT/2 the/DT/DET/the/det/5 AUKUS/NNP/PROPN/AUKUS/compound/5 "
    "partnership/NN/NOUN/partnership/dobj/2 with/IN/ADP/with/prep/5 Australia/NNP/PROPN/Australia/pobj/6 "
    "././PUNCT/./punct/2",
    "discussed a new partnership": "The/DT/DET/the/det/1 leaders/NNS/NOUN/leader/nsubj/2 "
    "discussed/VBD/VERB/discuss/ROOT/2 a/DT/DET/a/det/5 new/JJ/ADJ/new/amod/5 "
    "partnership/NN/NOUN/partnership/dobj/2 with/IN/ADP/with/prep/5 Australia/NNP/PROPN/Australia/pobj/6 "
    "././PUNCT/./punct/2",
    # a relative clause that says it took effect
    "built on the agreement that took effect": "They/PRP/PRON/they/nsubj/1 built/VBD/VERB/build/ROOT/1 "
    "on/IN/ADP/on/prep/1 the/DT/DET/the/det/4 agreement/NN/NOUN/agreement/pobj/2 that/WDT/PRON/that/nsubj/6 "
    "took/VBD/VERB/take/relcl/4 effect/NN/NOUN/effect/dobj/6 in/IN/ADP/in/prep/6 2022/CD/NUM/2022/pobj/8 "
    "././PUNCT/./punct/1",
}


@lru_cache(maxsize=1)
def english() -> Vocab:
    """English lexical attributes (lower case, shape) without a model."""
    return spacy.blank("en").vocab


def parsed(spec: str) -> Doc:
    """A Doc from `word/TAG/POS/lemma/dep/head` tokens, parsed by hand (no model)."""
    fields = [token.rsplit("/", 5) for token in spec.split()]
    return Doc(
        english(),
        words=[f[0] for f in fields],
        tags=[f[1] for f in fields],
        pos=[f[2] for f in fields],
        lemmas=[f[3] for f in fields],
        deps=[f[4] for f in fields],
        heads=[int(f[5]) for f in fields],
    )


def status_of(name: str) -> str:
    doc = parsed(PARSES[name])
    sent = doc[:]
    anchors = agreement_nouns(sent) or agreeing_verbs(sent)
    return status_for(anchors[0])


@pytest.mark.parametrize(
    ("name", "status"),
    [
        # agreed | in negotiation: concluding the talks settles the text
        ("concluded negotiations on", "agreed"),
        ("held talks on", "in_negotiation"),
        ("aim to finalise", "in_negotiation"),
        # agreed | signed: a settled text, or agreeing to do something, is not a signature
        ("finalised the text of", "agreed"),
        ("struck a deal", "agreed"),
        ("reached agreement in principle", "agreed"),
        ("agreed a deal", "agreed"),
        ("the deal, struck in May", "agreed"),
        ("signed a deal", "signed"),
        ("have negotiated a pact", "agreed"),
        ("are negotiating a pact", "in_negotiation"),
        (
            "concluded an agreement",
            "signed",
        ),  # treaty language for making it; 'concluded negotiations' is agreed
        ("agreed to cooperate", "agreed"),
        ("agreed to resume talks", "in_negotiation"),
        # in negotiation | planned
        ("will negotiate", "in_negotiation"),
        ("committed to develop", "in_negotiation"),
        ("working towards", "in_negotiation"),
        ("began negotiations toward", "in_negotiation"),
        ("concluded negotiations toward", "agreed"),  # the talks toward it are over, as 'concluded ... on'
        ("the treaty they are negotiating", "in_negotiation"),
        ("will sign", "planned"),
        ("will continue talks", "in_negotiation"),  # the talks carry on: not merely planned
        ("seek an agreement", "in_negotiation"),
        ("set to sign", "planned"),
        ("has yet to sign", "planned"),
        ("has not signed", "planned"),
        ("the proposed agreement", "planned"),
        ("the deal has been delayed", "planned"),
        ("approved the signing of", "planned"),
        ("new deals (a headline)", "planned"),
        ("the new treaties protect", "unknown"),  # what new treaties do is no headline of one to come
        # signed | in force: only once it is said to apply, take effect or be ratified
        ("was ratified", "in_force"),
        ("Congress approved", "in_force"),
        ("signed into law", "in_force"),
        # signed | planned: sent to a legislature to approve, it is signed; approving it unasked of one is a plan
        ("urge Congress to approve", "signed"),
        ("urge them to approve", "planned"),
        ("will submit the treaty to the Senate", "signed"),
        ("urge the Senate to act on", "signed"),
        ("the White House will announce", "planned"),  # the President's office, no legislature
        # unknown | planned: the agreement's own future, or only its effect's
        ("the treaty could cut", "unknown"),
        ("the treaty will be signed", "planned"),
        ("will be ratified", "signed"),
        ("took effect", "in_force"),
        ("will take effect", "signed"),
        ("applies from", "in_force"),
        ("will apply from", "signed"),
        ("signed, then entered into force", "in_force"),
        ("signed, will enter into force", "signed"),
        ("the existing agreement", "in_force"),
        ("under the agreement", "in_force"),
        ("implementation of", "in_force"),
        ("a party to the agreement", "in_force"),
        ("the entry into force of", "in_force"),
        ("is in force", "in_force"),
        ("is in effect", "in_force"),
        ("already have", "in_force"),
        ("has agreements with", "in_force"),
        ("deepened their partnership", "in_force"),
        ("will implement", "in_force"),
        ("the landmark deal", "in_force"),
        # ended, suspended
        ("scrapped", "ended"),
        ("suspended", "suspended"),
        # round 3: treaty language of addresses to a legislature
        ("was abrogated", "ended"),
        ("suspended its obligations under", "suspended"),  # but 'under the agreement' alone: in force
        ("press for an agreement", "in_negotiation"),
        ("voted for the agreement", "unknown"),
        ("now before the Senate", "signed"),  # awaiting a legislature's approval
        ("before the war", "unknown"),
        ("awaits your approval", "signed"),
        ("seek consent to ratification of", "signed"),
        ("won the approval", "unknown"),  # approval given, by nobody said to be a legislature
        ("remains the cornerstone", "in_force"),
        ("will remain the cornerstone", "unknown"),  # what it will do, not where it stands
        ("can enter into force", "signed"),  # a modal: ahead, as 'will enter into force'
        ("entered into force", "in_force"),
        ("authorised the signature of", "planned"),  # as 'approved the signing of'
        ("put pen to paper on", "signed"),
        ("talks concluded with a text to sign", "agreed"),  # the signing ahead of a text the talks reached
        ("drafted a text to sign", "planned"),  # drafting reaches no text
        ("remains under negotiation", "in_negotiation"),  # held in talks, not standing
        ("is still under discussion", "in_negotiation"),
        ("remains in force", "in_force"),
        ("which was terminated", "ended"),
        ("that ended the war", "unknown"),  # what it did to something else
        ("our treaty with Japan", "in_force"),
        ("our new treaty with Japan", "unknown"),
        ("the agreement reached with (misattached)", "agreed"),
        ("the agreement we concluded", "signed"),  # made, as 'concluded an agreement with' is
        ("the agreement we negotiated", "agreed"),
        ("should be ratified", "signed"),  # 'was ratified': in force
        ("will expire", "in_force"),  # it stands till then
        ("expired", "ended"),
        ("will not withdraw from", "in_force"),
        ("agreements have been concluded with", "signed"),  # 'concluded negotiations on': agreed
        ("you have before you", "signed"),  # 'has agreements with': in force
        ("following the ratification of", "in_force"),
        ("ratification of is essential", "signed"),  # needed, so not done
        ("urge ratification of", "signed"),
        ("states to have signed", "signed"),  # done, not planned: 'has yet to sign' is planned
        ("would have terminated", "ended"),  # a perfect: 'will expire' is in force
        ("must build a partnership", "planned"),
        ("built a partnership", "unknown"),
        ("commend to the Senate", "signed"),
        ("will be laid before Parliament", "signed"),
        ("conclusion and ratification of is our goal", "in_negotiation"),
        ("has broad support, ask Congress to approve it", "signed"),
        ("has agreements, ask them to approve it", "in_force"),  # them: no legislature; it has one
        ("pending in the Senate", "signed"),
        ("approving the treaties will show", "signed"),
        ("compliance with the agreement", "in_force"),  # though 'will insist' is future
        ("joined in the treaty", "in_force"),
        ("will join the treaty", "planned"),
        ("discussions continue on the details of", "in_negotiation"),
        ("details of an agreement were published", "unknown"),
        ("the agreement recognizes", "in_force"),  # treated as operating
        ("the agreement would recognize", "unknown"),  # what it would do
        (
            "the treaty concluded (misparsed) authorizes",
            "signed",
        ),  # a treaty concludes nothing: it was concluded
        ("Senate approval of the treaties has improved", "in_force"),
        ("parliamentary approval of the agreement is expected", "signed"),
        ("public approval of the treaty grew", "unknown"),  # no legislature's
        ("welcomed the signing of", "signed"),
        ("will witness the signing of", "planned"),
        ("discussed the AUKUS partnership", "in_force"),
        ("discussed a new partnership", "in_negotiation"),
        ("built on the agreement that took effect", "in_force"),
    ],
)
def test_status_rule(name: str, status: str) -> None:
    assert status_of(name) == status
