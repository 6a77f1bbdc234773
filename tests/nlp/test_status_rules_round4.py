"""Round-4 status rules pinned on parses written out by hand (as `test_agreement_status_rules.py` does), each
boundary with an example on both sides: historical treaty language ('went into operation', 'gave its consent
to', 'has been faithfully observed'), tense and modality ('would be of great value', 'I propose that we
conclude', 'when the treaties are drawn') and talks that ended in an agreement."""

from __future__ import annotations

import pytest

from nlp.agreements import agreeing_verbs, agreement_nouns, status_for
from tests.nlp.test_agreement_status_rules import parsed

CASES: list[tuple[str, str, str]] = [
    # kept or broken, an agreement operates
    (
        "The treaty has been faithfully observed by both parties.",
        "in_force",
        (
            "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubjpass/5 has/VBZ/AUX/have/aux/5 "
            "been/VBN/AUX/be/auxpass/5 faithfully/RB/ADV/faithfully/advmod/5 "
            "observed/VBN/VERB/observe/ROOT/5 by/IN/ADP/by/agent/5 both/DT/DET/both/det/8 "
            "parties/NNS/NOUN/party/pobj/6 ././PUNCT/./punct/5"
        ),
    ),
    (
        "The treaty has been signed by both parties.",
        "signed",
        (
            "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubjpass/4 has/VBZ/AUX/have/aux/4 "
            "been/VBN/AUX/be/auxpass/4 signed/VBN/VERB/sign/ROOT/4 by/IN/ADP/by/agent/4 "
            "both/DT/DET/both/det/7 parties/NNS/NOUN/party/pobj/5 ././PUNCT/./punct/4"
        ),
    ),
    # 'went into operation' is 'came into effect'; yet to come, it is signed
    (
        "The treaty went into operation in May.",
        "in_force",
        (
            "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubj/2 went/VBD/VERB/go/ROOT/2 "
            "into/IN/ADP/into/prep/2 operation/NN/NOUN/operation/pobj/3 in/IN/ADP/in/prep/2 "
            "May/NNP/PROPN/May/pobj/5 ././PUNCT/./punct/2"
        ),
    ),
    (
        "The treaty will go into operation in May.",
        "signed",
        (
            "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubj/3 will/MD/AUX/will/aux/3 go/VB/VERB/go/ROOT/3 "
            "into/IN/ADP/into/prep/3 operation/NN/NOUN/operation/pobj/4 in/IN/ADP/in/prep/3 "
            "May/NNP/PROPN/May/pobj/6 ././PUNCT/./punct/3"
        ),
    ),
    # a legislature's consent given is 'Congress approved'; asked for, it is pending
    (
        "The Senate gave its consent to the treaty.",
        "in_force",
        (
            "The/DT/DET/the/det/1 Senate/NNP/PROPN/Senate/nsubj/2 gave/VBD/VERB/give/ROOT/2 "
            "its/PRP$/PRON/its/poss/4 consent/NN/NOUN/consent/dobj/2 to/IN/ADP/to/prep/2 "
            "the/DT/DET/the/det/7 treaty/NN/NOUN/treaty/pobj/5 ././PUNCT/./punct/2"
        ),
    ),
    (
        "I ask the Senate to give its consent to the treaty.",
        "signed",
        (
            "I/PRP/PRON/I/nsubj/1 ask/VBP/VERB/ask/ROOT/1 the/DT/DET/the/det/3 "
            "Senate/NNP/PROPN/Senate/dobj/1 to/TO/PART/to/aux/5 give/VB/VERB/give/xcomp/1 "
            "its/PRP$/PRON/its/poss/7 consent/NN/NOUN/consent/dobj/5 to/IN/ADP/to/dative/5 "
            "the/DT/DET/the/det/10 treaty/NN/NOUN/treaty/pobj/8 ././PUNCT/./punct/1"
        ),
    ),
    # what it would be is supposed (the guide's unknown); 'will be signed' is planned
    (
        "A treaty with Cuba would be of great value.",
        "unknown",
        (
            "A/DT/DET/a/det/1 treaty/NN/NOUN/treaty/nsubj/5 with/IN/ADP/with/prep/1 "
            "Cuba/NNP/PROPN/Cuba/pobj/2 would/MD/AUX/would/aux/5 be/VB/AUX/be/ROOT/5 of/IN/ADP/of/prep/5 "
            "great/JJ/ADJ/great/amod/8 value/NN/NOUN/value/pobj/6 ././PUNCT/./punct/5"
        ),
    ),
    (
        "The treaty with Cuba will be signed in May.",
        "planned",
        (
            "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubjpass/6 with/IN/ADP/with/prep/1 "
            "Cuba/NNP/PROPN/Cuba/pobj/2 will/MD/AUX/will/aux/6 be/VB/AUX/be/auxpass/6 "
            "signed/VBN/VERB/sign/ROOT/6 in/IN/ADP/in/prep/6 May/NNP/PROPN/May/pobj/7 ././PUNCT/./punct/6"
        ),
    ),
    # a proposal to conclude is planned; concluding a treaty with is signing it
    (
        "I propose that we conclude a treaty with Mexico.",
        "planned",
        (
            "I/PRP/PRON/I/nsubj/1 propose/VBP/VERB/propose/ROOT/1 that/IN/SCONJ/that/mark/4 "
            "we/PRP/PRON/we/nsubj/4 conclude/VBP/VERB/conclude/ccomp/1 a/DT/DET/a/det/6 "
            "treaty/NN/NOUN/treaty/dobj/4 with/IN/ADP/with/prep/6 Mexico/NNP/PROPN/Mexico/pobj/7 "
            "././PUNCT/./punct/1"
        ),
    ),
    (
        "We concluded a treaty with Mexico.",
        "signed",
        (
            "We/PRP/PRON/we/nsubj/1 concluded/VBD/VERB/conclude/ROOT/1 a/DT/DET/a/det/3 "
            "treaty/NN/NOUN/treaty/dobj/1 with/IN/ADP/with/prep/3 Mexico/NNP/PROPN/Mexico/pobj/4 "
            "././PUNCT/./punct/1"
        ),
    ),
    # a present tense in a clause of time is the future; a past one is not
    (
        "We will act when the treaty is signed.",
        "planned",
        (
            "We/PRP/PRON/we/nsubj/2 will/MD/AUX/will/aux/2 act/VB/VERB/act/ROOT/2 "
            "when/WRB/SCONJ/when/advmod/7 the/DT/DET/the/det/5 treaty/NN/NOUN/treaty/nsubjpass/7 "
            "is/VBZ/AUX/be/auxpass/7 signed/VBN/VERB/sign/advcl/2 ././PUNCT/./punct/2"
        ),
    ),
    (
        "We acted when the treaty was signed.",
        "signed",
        (
            "We/PRP/PRON/we/nsubj/1 acted/VBD/VERB/act/ROOT/1 when/WRB/SCONJ/when/advmod/6 "
            "the/DT/DET/the/det/4 treaty/NN/NOUN/treaty/nsubjpass/6 was/VBD/AUX/be/auxpass/6 "
            "signed/VBN/VERB/sign/advcl/1 ././PUNCT/./punct/1"
        ),
    ),
    # talks that ended in an agreement reached it; that could, have not
    (
        "The negotiations have resulted in an agreement.",
        "agreed",
        (
            "The/DT/DET/the/det/1 negotiations/NNS/NOUN/negotiation/nsubj/3 have/VBP/AUX/have/aux/3 "
            "resulted/VBN/VERB/result/ROOT/3 in/IN/ADP/in/prep/3 an/DT/DET/an/det/6 "
            "agreement/NN/NOUN/agreement/pobj/4 ././PUNCT/./punct/3"
        ),
    ),
    (
        "The negotiations could result in an agreement.",
        "in_negotiation",
        (
            "The/DT/DET/the/det/1 negotiations/NNS/NOUN/negotiation/nsubj/3 could/MD/AUX/could/aux/3 "
            "result/VB/VERB/result/ROOT/3 in/IN/ADP/in/prep/3 an/DT/DET/an/det/6 "
            "agreement/NN/NOUN/agreement/pobj/4 ././PUNCT/./punct/3"
        ),
    ),
    # 'inked' is signed (a named agreement's object verb no longer reads as in force)
    (
        "India and the UAE inked an agreement.",
        "signed",
        (
            "India/NNP/PROPN/India/nsubj/4 and/CC/CCONJ/and/cc/0 the/DT/DET/the/det/3 "
            "UAE/NNP/PROPN/UAE/conj/0 inked/VBD/VERB/ink/ROOT/4 an/DT/DET/an/det/6 "
            "agreement/NN/NOUN/agreement/dobj/4 ././PUNCT/./punct/4"
        ),
    ),
    # what is done under an agreement's terms shows it operates; its terms yet to be settled do not
    (
        "Under the terms of the Panama Canal Treaty, the canal will pass to Panama.",
        "in_force",
        "Under/IN/ADP/under/prep/12 the/DT/DET/the/det/2 terms/NNS/NOUN/term/pobj/0 of/IN/ADP/of/prep/2 the/DT/DET/the/det/7 Panama/NNP/PROPN/Panama/compound/7 Canal/NNP/PROPN/Canal/compound/7 Treaty/NNP/PROPN/Treaty/pobj/3 ,/,/PUNCT/,/punct/12 the/DT/DET/the/det/10 canal/NN/NOUN/canal/nsubj/12 will/MD/AUX/will/aux/12 pass/VB/VERB/pass/ROOT/12 to/IN/ADP/to/prep/12 Panama/NNP/PROPN/Panama/pobj/13 ././PUNCT/./punct/12",
    ),
    (
        "The terms of the treaty with Panama will be settled in May.",
        "planned",
        "The/DT/DET/the/det/1 terms/NNS/NOUN/term/nsubjpass/9 of/IN/ADP/of/prep/1 the/DT/DET/the/det/4 treaty/NN/NOUN/treaty/pobj/2 with/IN/ADP/with/prep/4 Panama/NNP/PROPN/Panama/pobj/5 will/MD/AUX/will/aux/9 be/VB/AUX/be/auxpass/9 settled/VBN/VERB/settle/ROOT/9 in/IN/ADP/in/prep/9 May/NNP/PROPN/May/pobj/10 ././PUNCT/./punct/9",
    ),
    (
        "The commission was appointed pursuant to the treaty with Canada.",
        "in_force",
        "The/DT/DET/the/det/1 commission/NN/NOUN/commission/nsubjpass/3 was/VBD/AUX/be/auxpass/3 appointed/VBN/VERB/appoint/ROOT/3 pursuant/JJ/ADJ/pursuant/oprd/3 to/IN/ADP/to/prep/4 the/DT/DET/the/det/7 treaty/NN/NOUN/treaty/pobj/5 with/IN/ADP/with/prep/7 Canada/NNP/PROPN/Canada/pobj/8 ././PUNCT/./punct/3",
    ),
    # 'ceased to be in force' ended it; 'has been in force' says it stands
    (
        "The treaty with Russia ceased to be in force in January.",
        "ended",
        "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubj/4 with/IN/ADP/with/prep/1 Russia/NNP/PROPN/Russia/pobj/2 ceased/VBD/VERB/cease/ROOT/4 to/TO/PART/to/aux/6 be/VB/AUX/be/xcomp/4 in/IN/ADP/in/prep/6 force/NN/NOUN/force/pobj/7 in/IN/ADP/in/prep/6 January/NNP/PROPN/January/pobj/9 ././PUNCT/./punct/4",
    ),
    (
        "The treaty with Russia has been in force since January.",
        "in_force",
        "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubj/5 with/IN/ADP/with/prep/1 Russia/NNP/PROPN/Russia/pobj/2 has/VBZ/AUX/have/aux/5 been/VBN/AUX/be/ROOT/5 in/IN/ADP/in/prep/5 force/NN/NOUN/force/pobj/6 since/IN/SCONJ/since/prep/5 January/NNP/PROPN/January/pobj/8 ././PUNCT/./punct/5",
    ),
    # a treaty proclaimed is in force; to be proclaimed, it is signed
    (
        "The treaty with Cuba was proclaimed in March.",
        "in_force",
        "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubjpass/5 with/IN/ADP/with/prep/1 Cuba/NNP/PROPN/Cuba/pobj/2 was/VBD/AUX/be/auxpass/5 proclaimed/VBN/VERB/proclaim/ROOT/5 in/IN/ADP/in/prep/5 March/NNP/PROPN/March/pobj/6 ././PUNCT/./punct/5",
    ),
    (
        "The treaty with Cuba will be proclaimed in March.",
        "signed",
        "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubjpass/6 with/IN/ADP/with/prep/1 Cuba/NNP/PROPN/Cuba/pobj/2 will/MD/AUX/will/aux/6 be/VB/AUX/be/auxpass/6 proclaimed/VBN/VERB/proclaim/ROOT/6 in/IN/ADP/in/prep/6 March/NNP/PROPN/March/pobj/7 ././PUNCT/./punct/6",
    ),
    # 'in operation' is 'in force'
    (
        "The convention with Guatemala is now in operation.",
        "in_force",
        "The/DT/DET/the/det/1 convention/NN/NOUN/convention/nsubj/4 with/IN/ADP/with/prep/1 Guatemala/NNP/PROPN/Guatemala/pobj/2 is/VBZ/AUX/be/ROOT/4 now/RB/ADV/now/advmod/4 in/IN/ADP/in/prep/4 operation/NN/NOUN/operation/pobj/6 ././PUNCT/./punct/4",
    ),
    # a verb joined after the agreement's own takes it to a later stage, unless yet to come or denied
    (
        "The treaty was signed in May and ratified in July.",
        "in_force",
        "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubjpass/3 was/VBD/AUX/be/auxpass/3 signed/VBN/VERB/sign/ROOT/3 in/IN/ADP/in/prep/3 May/NNP/PROPN/May/pobj/4 and/CC/CCONJ/and/cc/3 ratified/VBD/VERB/ratify/conj/3 in/IN/ADP/in/prep/7 July/NNP/PROPN/July/pobj/8 ././PUNCT/./punct/3",
    ),
    (
        "The treaty was signed in May and will be ratified in July.",
        "signed",
        "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubjpass/3 was/VBD/AUX/be/auxpass/3 signed/VBN/VERB/sign/ROOT/3 in/IN/ADP/in/prep/3 May/NNP/PROPN/May/pobj/4 and/CC/CCONJ/and/cc/3 will/MD/AUX/will/aux/9 be/VB/AUX/be/auxpass/9 ratified/VBN/VERB/ratify/conj/3 in/IN/ADP/in/prep/9 July/NNP/PROPN/July/pobj/10 ././PUNCT/./punct/3",
    ),
    (
        "The treaty was signed in May, but it has not been ratified.",
        "signed",
        "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubjpass/3 was/VBD/AUX/be/auxpass/3 signed/VBN/VERB/sign/ROOT/3 in/IN/ADP/in/prep/3 May/NNP/PROPN/May/pobj/4 ,/,/PUNCT/,/punct/3 but/CC/CCONJ/but/cc/3 it/PRP/PRON/it/nsubjpass/12 has/VBZ/AUX/have/aux/12 not/RB/PART/not/neg/12 been/VBN/AUX/be/auxpass/12 ratified/VBN/VERB/ratify/conj/3 ././PUNCT/./punct/12",
    ),
    # trying to bring an agreement about is negotiating it; planning to is planned
    (
        "The State Department is endeavoring to bring about a treaty with Colombia.",
        "in_negotiation",
        "The/DT/DET/the/det/2 State/NNP/PROPN/State/compound/2 Department/NNP/PROPN/Department/nsubj/4 is/VBZ/AUX/be/aux/4 endeavoring/VBG/VERB/endeavor/ROOT/4 to/TO/PART/to/aux/6 bring/VB/VERB/bring/xcomp/4 about/RP/ADP/about/prt/6 a/DT/DET/a/det/9 treaty/NN/NOUN/treaty/dobj/6 with/IN/ADP/with/prep/9 Colombia/NNP/PROPN/Colombia/pobj/10 ././PUNCT/./punct/4",
    ),
    (
        "The State Department is planning to bring about a treaty with Colombia.",
        "planned",
        "The/DT/DET/the/det/2 State/NNP/PROPN/State/compound/2 Department/NNP/PROPN/Department/nsubj/4 is/VBZ/AUX/be/aux/4 planning/VBG/VERB/plan/ROOT/4 to/TO/PART/to/aux/6 bring/VB/VERB/bring/xcomp/4 about/RP/ADP/about/prt/6 a/DT/DET/a/det/9 treaty/NN/NOUN/treaty/dobj/6 with/IN/ADP/with/prep/9 Colombia/NNP/PROPN/Colombia/pobj/10 ././PUNCT/./punct/4",
    ),
    # a treaty being negotiated is under talks; one negotiated is agreed
    (
        "The treaty now being negotiated with Russia must be fair.",
        "in_negotiation",
        "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubjpass/4 now/RB/ADV/now/advmod/4 being/VBG/AUX/be/auxpass/4 negotiated/VBN/VERB/negotiate/csubj/8 with/IN/ADP/with/prep/4 Russia/NNP/PROPN/Russia/pobj/5 must/MD/AUX/must/aux/8 be/VB/AUX/be/ROOT/8 fair/JJ/ADJ/fair/acomp/8 ././PUNCT/./punct/8",
    ),
    (
        "The treaty negotiated with Russia is fair.",
        "agreed",
        "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubj/5 negotiated/VBN/VERB/negotiate/acl/1 with/IN/ADP/with/prep/2 Russia/NNP/PROPN/Russia/pobj/3 is/VBZ/AUX/be/ROOT/5 fair/JJ/ADJ/fair/acomp/5 ././PUNCT/./punct/5",
    ),
    # what rests on or owes to an agreement shows it operates
    (
        "Our alliance is based on the treaty with Japan.",
        "in_force",
        "Our/PRP$/PRON/our/poss/1 alliance/NN/NOUN/alliance/nsubjpass/3 is/VBZ/AUX/be/auxpass/3 based/VBN/VERB/base/ROOT/3 on/IN/ADP/on/prep/3 the/DT/DET/the/det/6 treaty/NN/NOUN/treaty/pobj/4 with/IN/ADP/with/prep/6 Japan/NNP/PROPN/Japan/pobj/7 ././PUNCT/./punct/3",
    ),
    (
        "Thanks to the treaty with Russia, missiles were destroyed.",
        "in_force",
        "Thanks/NNS/NOUN/thank/npadvmod/9 to/IN/ADP/to/prep/0 the/DT/DET/the/det/3 treaty/NN/NOUN/treaty/pobj/1 with/IN/ADP/with/prep/3 Russia/NNP/PROPN/Russia/pobj/4 ,/,/PUNCT/,/punct/9 missiles/NNS/NOUN/missile/nsubjpass/9 were/VBD/AUX/be/auxpass/9 destroyed/VBN/VERB/destroy/ROOT/9 ././PUNCT/./punct/9",
    ),
    # signing looked forward to is planned; after signing, it is signed
    (
        "I look forward to signing a treaty with Russia.",
        "planned",
        "I/PRP/PRON/I/nsubj/1 look/VBP/VERB/look/ROOT/1 forward/RB/ADV/forward/advmod/1 to/IN/ADP/to/prep/1 signing/VBG/VERB/sign/pcomp/3 a/DT/DET/a/det/6 treaty/NN/NOUN/treaty/dobj/4 with/IN/ADP/with/prep/6 Russia/NNP/PROPN/Russia/pobj/7 ././PUNCT/./punct/1",
    ),
    (
        "After signing a treaty with Russia, the President returned.",
        "signed",
        "After/IN/ADP/after/prep/9 signing/VBG/VERB/sign/pcomp/0 a/DT/DET/a/det/3 treaty/NN/NOUN/treaty/dobj/1 with/IN/ADP/with/prep/3 Russia/NNP/PROPN/Russia/pobj/4 ,/,/PUNCT/,/punct/9 the/DT/DET/the/det/8 President/NNP/PROPN/President/nsubj/9 returned/VBD/VERB/return/ROOT/9 ././PUNCT/./punct/9",
    ),
    # working on a treaty is negotiating it; work completed on it reached it
    (
        "We continue to work with Russia on a treaty.",
        "in_negotiation",
        "We/PRP/PRON/we/nsubj/1 continue/VBP/VERB/continue/ROOT/1 to/TO/PART/to/aux/3 work/VB/VERB/work/xcomp/1 with/IN/ADP/with/prep/3 Russia/NNP/PROPN/Russia/pobj/4 on/IN/ADP/on/prep/3 a/DT/DET/a/det/8 treaty/NN/NOUN/treaty/pobj/6 ././PUNCT/./punct/1",
    ),
    (
        "We completed work on a treaty with Russia.",
        "agreed",
        "We/PRP/PRON/we/nsubj/1 completed/VBD/VERB/complete/ROOT/1 work/NN/NOUN/work/dobj/1 on/IN/ADP/on/prep/2 a/DT/DET/a/det/5 treaty/NN/NOUN/treaty/pobj/3 with/IN/ADP/with/prep/5 Russia/NNP/PROPN/Russia/pobj/6 ././PUNCT/./punct/1",
    ),
    # an agreement ending something else is what it does; ending the agreement ends it
    (
        "A treaty with Russia could end the arms race.",
        "unknown",
        "A/DT/DET/a/det/1 treaty/NN/NOUN/treaty/nsubj/5 with/IN/ADP/with/prep/1 Russia/NNP/PROPN/Russia/pobj/2 could/MD/AUX/could/aux/5 end/VB/VERB/end/ROOT/5 the/DT/DET/the/det/8 arms/NNS/NOUN/arm/compound/8 race/NN/NOUN/race/dobj/5 ././PUNCT/./punct/5",
    ),
    (
        "Russia ended the treaty.",
        "ended",
        "Russia/NNP/PROPN/Russia/nsubj/1 ended/VBD/VERB/end/ROOT/1 the/DT/DET/the/det/3 treaty/NN/NOUN/treaty/dobj/1 ././PUNCT/./punct/1",
    ),
    # what is frozen under an agreement is done under it; its obligations suspended suspend it
    (
        "North Korea froze its nuclear program under the agreement.",
        "in_force",
        "North/NNP/PROPN/North/compound/1 Korea/NNP/PROPN/Korea/nsubj/2 froze/VBD/VERB/freeze/ROOT/2 its/PRP$/PRON/its/poss/5 nuclear/JJ/ADJ/nuclear/amod/5 program/NN/NOUN/program/dobj/2 under/IN/ADP/under/prep/2 the/DT/DET/the/det/8 agreement/NN/NOUN/agreement/pobj/6 ././PUNCT/./punct/2",
    ),
    (
        "North Korea suspended its obligations under the agreement.",
        "suspended",
        "North/NNP/PROPN/North/compound/1 Korea/NNP/PROPN/Korea/nsubj/2 suspended/VBD/VERB/suspend/ROOT/2 its/PRP$/PRON/its/poss/4 obligations/NNS/NOUN/obligation/dobj/2 under/IN/ADP/under/prep/2 the/DT/DET/the/det/7 agreement/NN/NOUN/agreement/pobj/5 ././PUNCT/./punct/2",
    ),
    # what an agreement has done says it operates, as what it does; not a new one's, nor what it will do
    (
        "The pact with Korea has deterred aggression for a decade.",
        "in_force",
        "The/DT/DET/the/det/1 pact/NN/NOUN/pact/nsubj/5 with/IN/ADP/with/prep/1 Korea/NNP/PROPN/Korea/pobj/2 has/VBZ/AUX/have/aux/5 deterred/VBN/VERB/deter/ROOT/5 aggression/NN/NOUN/aggression/dobj/5 for/IN/ADP/for/prep/6 a/DT/DET/a/det/9 decade/NN/NOUN/decade/pobj/7 ././PUNCT/./punct/5",
    ),
    (
        "The new pact with Korea has created jobs.",
        "unknown",
        "The/DT/DET/the/det/2 new/JJ/ADJ/new/amod/2 pact/NN/NOUN/pact/nsubj/6 with/IN/ADP/with/prep/2 Korea/NNP/PROPN/Korea/pobj/3 has/VBZ/AUX/have/aux/6 created/VBN/VERB/create/ROOT/6 jobs/NNS/NOUN/job/dobj/6 ././PUNCT/./punct/6",
    ),
    (
        "The pact with Korea will deter aggression.",
        "unknown",
        "The/DT/DET/the/det/1 pact/NN/NOUN/pact/nsubj/5 with/IN/ADP/with/prep/1 Korea/NNP/PROPN/Korea/pobj/2 will/MD/AUX/will/aux/5 deter/VB/VERB/deter/ROOT/5 aggression/NN/NOUN/aggression/dobj/5 ././PUNCT/./punct/5",
    ),
    # an exchange of MoUs is the ceremony that signs them; one yet to come is planned
    (
        "The ministers witnessed the exchange of MoUs between Kenya and India.",
        "signed",
        "The/DT/DET/the/det/1 ministers/NNS/NOUN/minister/nsubj/2 witnessed/VBD/VERB/witness/ROOT/2 the/DT/DET/the/det/4 exchange/NN/NOUN/exchange/dobj/2 of/IN/ADP/of/prep/4 MoUs/NNP/PROPN/MoUs/pobj/5 between/IN/ADP/between/prep/4 Kenya/NNP/PROPN/Kenya/pobj/7 and/CC/CCONJ/and/cc/8 India/NNP/PROPN/India/conj/8 ././PUNCT/./punct/2",
    ),
    (
        "The ministers will witness the exchange of MoUs between Kenya and India.",
        "planned",
        "The/DT/DET/the/det/1 ministers/NNS/NOUN/minister/nsubj/3 will/MD/AUX/will/aux/3 witness/VB/VERB/witness/ROOT/3 the/DT/DET/the/det/5 exchange/NN/NOUN/exchange/dobj/3 of/IN/ADP/of/prep/5 MoUs/NNP/PROPN/MoUs/pobj/6 between/IN/ADP/between/prep/5 Kenya/NNP/PROPN/Kenya/pobj/8 and/CC/CCONJ/and/cc/9 India/NNP/PROPN/India/conj/9 ././PUNCT/./punct/3",
    ),
    (
        "The ministers exchanged the MoUs.",
        "signed",
        "The/DT/DET/the/det/1 ministers/NNS/NOUN/minister/nsubj/2 exchanged/VBD/VERB/exchange/ROOT/2 the/DT/DET/the/det/4 MoUs/NNP/PROPN/MoUs/dobj/2 ././PUNCT/./punct/2",
    ),
    # talks concluded reached the text; talks begun have not (and a compound reads as its head)
    (
        "They announced the conclusion of negotiations on a partnership agreement.",
        "agreed",
        "They/PRP/PRON/they/nsubj/1 announced/VBD/VERB/announce/ROOT/1 the/DT/DET/the/det/3 conclusion/NN/NOUN/conclusion/dobj/1 of/IN/ADP/of/prep/3 negotiations/NNS/NOUN/negotiation/pobj/4 on/IN/ADP/on/prep/5 a/DT/DET/a/det/9 partnership/NN/NOUN/partnership/compound/9 agreement/NN/NOUN/agreement/pobj/6 ././PUNCT/./punct/1",
    ),
    (
        "They announced the start of negotiations on a partnership agreement.",
        "in_negotiation",
        "They/PRP/PRON/they/nsubj/1 announced/VBD/VERB/announce/ROOT/1 the/DT/DET/the/det/3 start/NN/NOUN/start/dobj/1 of/IN/ADP/of/prep/3 negotiations/NNS/NOUN/negotiation/pobj/4 on/IN/ADP/on/prep/5 a/DT/DET/a/det/9 partnership/NN/NOUN/partnership/compound/9 agreement/NN/NOUN/agreement/pobj/6 ././PUNCT/./punct/1",
    ),
    # an agreement extended stands
    (
        "Singapore and New Zealand have extended their partnership agreement.",
        "in_force",
        "Singapore/NNP/PROPN/Singapore/nsubj/5 and/CC/CCONJ/and/cc/0 New/NNP/PROPN/New/compound/3 Zealand/NNP/PROPN/Zealand/conj/0 have/VBP/AUX/have/aux/5 extended/VBN/VERB/extend/ROOT/5 their/PRP$/PRON/their/poss/8 partnership/NN/NOUN/partnership/compound/8 agreement/NN/NOUN/agreement/dobj/5 ././PUNCT/./punct/5",
    ),
    # 'expires in 2030' is scheduled, so it stands; 'expired in 2020' ended it
    (
        "The arrangement between Canada and Ukraine expires in 2030.",
        "in_force",
        "The/DT/DET/the/det/1 arrangement/NN/NOUN/arrangement/nsubj/6 between/IN/ADP/between/prep/1 Canada/NNP/PROPN/Canada/pobj/2 and/CC/CCONJ/and/cc/3 Ukraine/NNP/PROPN/Ukraine/conj/3 expires/VBZ/VERB/expire/ROOT/6 in/IN/ADP/in/prep/6 2030/CD/NUM/2030/pobj/7 ././PUNCT/./punct/6",
    ),
    (
        "The arrangement between Canada and Ukraine expired in 2020.",
        "ended",
        "The/DT/DET/the/det/1 arrangement/NN/NOUN/arrangement/nsubj/6 between/IN/ADP/between/prep/1 Canada/NNP/PROPN/Canada/pobj/2 and/CC/CCONJ/and/cc/3 Ukraine/NNP/PROPN/Ukraine/conj/3 expired/VBD/VERB/expire/ROOT/6 in/IN/ADP/in/prep/6 2020/CD/NUM/2020/pobj/7 ././PUNCT/./punct/6",
    ),
    # near an agreement not reached is negotiating it; a deal close to something else, or one they are partners under, is not
    (
        "Britain and India are close to a trade deal.",
        "in_negotiation",
        "Britain/NNP/PROPN/Britain/nsubj/3 and/CC/CCONJ/and/cc/0 India/NNP/PROPN/India/conj/0 are/VBP/AUX/be/ROOT/3 close/JJ/ADJ/close/acomp/3 to/IN/ADP/to/prep/4 a/DT/DET/a/det/8 trade/NN/NOUN/trade/compound/8 deal/NN/NOUN/deal/pobj/5 ././PUNCT/./punct/3",
    ),
    (
        "Britain and India are near a trade deal.",
        "in_negotiation",
        "Britain/NNP/PROPN/Britain/nsubj/3 and/CC/CCONJ/and/cc/0 India/NNP/PROPN/India/conj/0 are/VBP/AUX/be/ROOT/3 near/IN/ADP/near/prep/3 a/DT/DET/a/det/7 trade/NN/NOUN/trade/compound/7 deal/NN/NOUN/deal/pobj/4 ././PUNCT/./punct/3",
    ),
    (
        "The two countries are nearing a deal on tariffs.",
        "in_negotiation",
        "The/DT/DET/the/det/2 two/CD/NUM/two/nummod/2 countries/NNS/NOUN/country/nsubj/4 are/VBP/AUX/be/aux/4 nearing/VBG/VERB/near/ROOT/4 a/DT/DET/a/det/6 deal/NN/NOUN/deal/dobj/4 on/IN/ADP/on/prep/6 tariffs/NNS/NOUN/tariff/pobj/7 ././PUNCT/./punct/4",
    ),
    (
        "A good agreement with Russia is well within reach.",
        "in_negotiation",
        "A/DT/DET/a/det/2 good/JJ/ADJ/good/amod/2 agreement/NN/NOUN/agreement/nsubj/5 with/IN/ADP/with/prep/2 Russia/NNP/PROPN/Russia/pobj/3 is/VBZ/AUX/be/ROOT/5 well/RB/ADV/well/advmod/7 within/IN/ADP/within/prep/5 reach/NN/NOUN/reach/pobj/7 ././PUNCT/./punct/5",
    ),
    (
        "The trade deal with India is close to collapse.",
        "unknown",
        "The/DT/DET/the/det/2 trade/NN/NOUN/trade/compound/2 deal/NN/NOUN/deal/nsubj/5 with/IN/ADP/with/prep/2 India/NNP/PROPN/India/pobj/3 is/VBZ/AUX/be/ROOT/5 close/JJ/ADJ/close/acomp/5 to/TO/PART/to/aux/8 collapse/VB/VERB/collapse/xcomp/6 ././PUNCT/./punct/5",
    ),
    (
        "Britain and India are close partners under a trade deal.",
        "in_force",
        "Britain/NNP/PROPN/Britain/nsubj/3 and/CC/CCONJ/and/cc/0 India/NNP/PROPN/India/conj/0 are/VBP/AUX/be/ROOT/3 close/JJ/ADJ/close/amod/5 partners/NNS/NOUN/partner/attr/3 under/IN/ADP/under/prep/5 a/DT/DET/a/det/9 trade/NN/NOUN/trade/compound/9 deal/NN/NOUN/deal/pobj/6 ././PUNCT/./punct/3",
    ),
    # an agreement initialled has its text settled, not yet signed; one to be initialled is planned
    (
        "Singapore and Japan have initialled a trade agreement.",
        "agreed",
        "Singapore/NNP/PROPN/Singapore/nsubj/4 and/CC/CCONJ/and/cc/0 Japan/NNP/PROPN/Japan/conj/0 have/VBP/AUX/have/aux/4 initialled/VBN/VERB/initial/ROOT/4 a/DT/DET/a/det/7 trade/NN/NOUN/trade/compound/7 agreement/NN/NOUN/agreement/dobj/4 ././PUNCT/./punct/4",
    ),
    (
        "Singapore and Japan will initial a trade agreement next week.",
        "planned",
        "Singapore/NNP/PROPN/Singapore/nsubj/4 and/CC/CCONJ/and/cc/0 Japan/NNP/PROPN/Japan/conj/0 will/MD/AUX/will/aux/4 initial/VB/VERB/initial/ROOT/4 a/DT/DET/a/det/7 trade/NN/NOUN/trade/compound/7 agreement/NN/NOUN/agreement/dobj/4 next/JJ/ADJ/next/amod/9 week/NN/NOUN/week/npadvmod/4 ././PUNCT/./punct/4",
    ),
]


def assert_status(sentence: str, status: str, spec: str, *, talks_first: bool = False) -> None:
    """The status read from the first agreement of a sentence parsed by hand; with `talks_first`, from its
    first 'negotiations' where it has them (as `negotiating_with` anchors an agreement said without its noun)."""
    doc = parsed(spec)
    assert "".join(doc.text.split()) == "".join(sentence.split())  # the parse is of the sentence named
    talks = [t for t in doc if t.lemma_ == "negotiation"] if talks_first else []
    anchors = talks or agreement_nouns(doc[:]) or agreeing_verbs(doc[:])
    assert status_for(anchors[0]) == status


@pytest.mark.parametrize(("sentence", "status", "spec"), CASES, ids=[c[0] for c in CASES])
def test_status_rule_round4(sentence: str, status: str, spec: str) -> None:
    assert_status(sentence, status, spec)
