"""Round-7 status rules pinned on parses written out by hand (as `test_status_rules_round4.py` does), each
boundary with an example on both sides: the future (or infinitive) of a verb that acts on an agreement without
making it ('we will stand by our treaty', 'will present the agreement to the Congress', 'the legislation needed to
carry out the agreement') is no sign it is planned, while the future of one that makes it ('will sign', 'will
secure', 'will join') is; implementation yet to begin does not outrank a participle; a clause of time puts a
stage ahead ('when ratified', 'once it is signed', 'once the Senate approves'); a legislature's approval still owed
or asked for ('must now be approved', 'let us pass', 'prompt action on', 'working with the Congress to approve',
'..., and I ask the Senate to ratify it') is pending, even of a 'proposed' treaty; building on an agreement
makes none; what it is expected or aims to do is its effect; a signing to come that the sides agreed on ('agreed
that the treaty would be signed') is agreed; an address's 'you' is the legislature it is sent to or asked
to approve it."""

from __future__ import annotations

import pytest

from tests.nlp.test_status_rules_round4 import assert_status

CASES: list[tuple[str, str, str]] = [
    # a possessed treaty a future verb acts on without making it exists (in force); a treaty to be signed is planned
    (
        "We will stand by our defense treaty with Taiwan.",
        "in_force",
        "We/PRP/PRON/we/nsubj/2 will/MD/AUX/will/aux/2 stand/VB/VERB/stand/ROOT/2 by/IN/ADP/by/prep/2 our/PRP$/PRON/our/poss/6 defense/NN/NOUN/defense/compound/6 treaty/NN/NOUN/treaty/pobj/3 with/IN/ADP/with/prep/6 Taiwan/NNP/PROPN/Taiwan/pobj/7 ././PUNCT/./punct/2",
    ),
    (
        "We will sign a defense treaty with Taiwan.",
        "planned",
        "We/PRP/PRON/we/nsubj/2 will/MD/AUX/will/aux/2 sign/VB/VERB/sign/ROOT/2 a/DT/DET/a/det/5 defense/NN/NOUN/defense/compound/5 treaty/NN/NOUN/treaty/dobj/2 with/IN/ADP/with/prep/5 Taiwan/NNP/PROPN/Taiwan/pobj/6 ././PUNCT/./punct/2",
    ),
    # sent to a legislature, also where the parser hung 'to the Congress' on the agreement (signed); announced, planned
    (
        "We will present the new agreement with Canada to the Congress in the spring.",
        "signed",
        "We/PRP/PRON/we/nsubj/2 will/MD/AUX/will/aux/2 present/VB/VERB/present/ROOT/2 the/DT/DET/the/det/5 new/JJ/ADJ/new/amod/5 agreement/NN/NOUN/agreement/dobj/2 with/IN/ADP/with/prep/5 Canada/NNP/PROPN/Canada/pobj/6 to/IN/ADP/to/prep/5 the/DT/DET/the/det/10 Congress/NNP/PROPN/Congress/pobj/8 in/IN/ADP/in/prep/2 the/DT/DET/the/det/13 spring/NN/NOUN/spring/pobj/11 ././PUNCT/./punct/2",
    ),
    (
        "We will announce a new agreement with Canada in the spring.",
        "planned",
        "We/PRP/PRON/we/nsubj/2 will/MD/AUX/will/aux/2 announce/VB/VERB/announce/ROOT/2 a/DT/DET/a/det/5 new/JJ/ADJ/new/amod/5 agreement/NN/NOUN/agreement/dobj/2 with/IN/ADP/with/prep/5 Canada/NNP/PROPN/Canada/pobj/6 in/IN/ADP/in/prep/5 the/DT/DET/the/det/10 spring/NN/NOUN/spring/pobj/8 ././PUNCT/./punct/2",
    ),
    # a law asked for to carry an agreement out: it awaits the legislature (signed); passed, in force
    (
        "I will ask the Congress for the legislation needed to carry out the fisheries agreement with Canada.",
        "signed",
        "I/PRP/PRON/I/nsubj/2 will/MD/AUX/will/aux/2 ask/VB/VERB/ask/ROOT/2 the/DT/DET/the/det/4 Congress/NNP/PROPN/Congress/dobj/2 for/IN/ADP/for/prep/2 the/DT/DET/the/det/7 legislation/NN/NOUN/legislation/pobj/5 needed/VBN/VERB/need/acl/7 to/TO/PART/to/aux/10 carry/VB/VERB/carry/advcl/8 out/RP/ADP/out/prt/10 the/DT/DET/the/det/14 fisheries/NNS/NOUN/fishery/compound/14 agreement/NN/NOUN/agreement/dobj/10 with/IN/ADP/with/prep/14 Canada/NNP/PROPN/Canada/pobj/15 ././PUNCT/./punct/2",
    ),
    (
        "The Congress passed the legislation needed to carry out the fisheries agreement with Canada.",
        "in_force",
        "The/DT/DET/the/det/1 Congress/NNP/PROPN/Congress/nsubj/2 passed/VBD/VERB/pass/ROOT/2 the/DT/DET/the/det/4 legislation/NN/NOUN/legislation/dobj/2 needed/VBN/VERB/need/acl/4 to/TO/PART/to/aux/7 carry/VB/VERB/carry/advcl/5 out/RP/ADP/out/prt/7 the/DT/DET/the/det/11 fisheries/NNS/NOUN/fishery/compound/11 agreement/NN/NOUN/agreement/dobj/7 with/IN/ADP/with/prep/11 Canada/NNP/PROPN/Canada/pobj/12 ././PUNCT/./punct/2",
    ),
    # its ratification put ahead in a clause of time (signed); only what it will do (unknown)
    (
        "The treaty with the Soviet Union, when ratified, will reduce the risk of war.",
        "signed",
        "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubj/11 with/IN/ADP/with/prep/1 the/DT/DET/the/det/5 Soviet/NNP/PROPN/Soviet/compound/5 Union/NNP/PROPN/Union/pobj/2 ,/,/PUNCT/,/punct/11 when/WRB/SCONJ/when/advmod/8 ratified/VBN/VERB/ratify/advcl/11 ,/,/PUNCT/,/punct/11 will/MD/AUX/will/aux/11 reduce/VB/VERB/reduce/ROOT/11 the/DT/DET/the/det/13 risk/NN/NOUN/risk/dobj/11 of/IN/ADP/of/prep/13 war/NN/NOUN/war/pobj/14 ././PUNCT/./punct/11",
    ),
    (
        "The treaty with the Soviet Union will reduce the risk of war.",
        "unknown",
        "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubj/7 with/IN/ADP/with/prep/1 the/DT/DET/the/det/5 Soviet/NNP/PROPN/Soviet/compound/5 Union/NNP/PROPN/Union/pobj/2 will/MD/AUX/will/aux/7 reduce/VB/VERB/reduce/ROOT/7 the/DT/DET/the/det/9 risk/NN/NOUN/risk/dobj/7 of/IN/ADP/of/prep/9 war/NN/NOUN/war/pobj/10 ././PUNCT/./punct/7",
    ),
    # implementation yet to begin is no later stage than the participle says: 'reached' (tagged as a past tense)
    # is agreed; with no participle, carrying it out (to come or done) presupposes it operates, as 'will
    # implement' does
    (
        "The agreement reached with Japan on semiconductors will now be carried out by both Governments.",
        "agreed",
        "The/DT/DET/the/det/1 agreement/NN/NOUN/agreement/nsubjpass/10 reached/VBD/VERB/reach/acl/1 with/IN/ADP/with/prep/2 Japan/NNP/PROPN/Japan/pobj/3 on/IN/ADP/on/prep/2 semiconductors/NNS/NOUN/semiconductor/pobj/5 will/MD/AUX/will/aux/10 now/RB/ADV/now/advmod/10 be/VB/AUX/be/auxpass/10 carried/VBN/VERB/carry/ROOT/10 out/RP/ADP/out/prt/10 by/IN/ADP/by/agent/10 both/DT/DET/both/det/14 Governments/NNS/NOUN/government/pobj/12 ././PUNCT/./punct/10",
    ),
    (
        "The agreement with Japan on semiconductors will now be carried out by both Governments.",
        "in_force",
        "The/DT/DET/the/det/1 agreement/NN/NOUN/agreement/nsubjpass/9 with/IN/ADP/with/prep/1 Japan/NNP/PROPN/Japan/pobj/2 on/IN/ADP/on/prep/1 semiconductors/NNS/NOUN/semiconductor/pobj/4 will/MD/AUX/will/aux/9 now/RB/ADV/now/advmod/9 be/VB/AUX/be/auxpass/9 carried/VBN/VERB/carry/ROOT/9 out/RP/ADP/out/prt/9 by/IN/ADP/by/agent/9 both/DT/DET/both/det/13 Governments/NNS/NOUN/government/pobj/11 ././PUNCT/./punct/9",
    ),
    (
        "The agreement with Japan on semiconductors has been carried out by both Governments.",
        "in_force",
        "The/DT/DET/the/det/1 agreement/NN/NOUN/agreement/nsubjpass/8 with/IN/ADP/with/prep/1 Japan/NNP/PROPN/Japan/pobj/2 on/IN/ADP/on/prep/1 semiconductors/NNS/NOUN/semiconductor/pobj/4 has/VBZ/AUX/have/aux/8 been/VBN/AUX/be/auxpass/8 carried/VBN/VERB/carry/ROOT/8 out/RP/ADP/out/prt/8 by/IN/ADP/by/agent/8 both/DT/DET/both/det/12 Governments/NNS/NOUN/government/pobj/10 ././PUNCT/./punct/8",
    ),
    # keeping its terms in the future presupposes it operates, as honouring does
    (
        "The United States will abide by the agreement with North Korea.",
        "in_force",
        "The/DT/DET/the/det/2 United/NNP/PROPN/United/compound/2 States/NNP/PROPN/States/nsubj/4 will/MD/AUX/will/aux/4 abide/VB/VERB/abide/ROOT/4 by/IN/ADP/by/prep/4 the/DT/DET/the/det/7 agreement/NN/NOUN/agreement/pobj/5 with/IN/ADP/with/prep/7 North/NNP/PROPN/North/compound/10 Korea/NNP/PROPN/Korea/pobj/8 ././PUNCT/./punct/4",
    ),
    # what owes to an agreement shows it operates, as 'thanks to' does
    (
        "Because of the agreement with the Soviet Union on Berlin, the people of that city live in greater security.",
        "in_force",
        "Because/IN/SCONJ/because/prep/16 of/IN/ADP/of/pcomp/0 the/DT/DET/the/det/3 agreement/NN/NOUN/agreement/pobj/0 with/IN/ADP/with/prep/3 the/DT/DET/the/det/7 Soviet/NNP/PROPN/Soviet/compound/7 Union/NNP/PROPN/Union/pobj/4 on/IN/ADP/on/prep/3 Berlin/NNP/PROPN/Berlin/pobj/8 ,/,/PUNCT/,/punct/16 the/DT/DET/the/det/12 people/NNS/NOUN/people/nsubj/16 of/IN/ADP/of/prep/12 that/DT/DET/that/det/15 city/NN/NOUN/city/pobj/13 live/VBP/VERB/live/ROOT/16 in/IN/ADP/in/prep/16 greater/JJR/ADJ/great/amod/19 security/NN/NOUN/security/pobj/17 ././PUNCT/./punct/16",
    ),
    # making verbs keep their future: securing or joining is yet to come
    (
        "We will secure the best deal with Japan.",
        "planned",
        "We/PRP/PRON/we/nsubj/2 will/MD/AUX/will/aux/2 secure/VB/VERB/secure/ROOT/2 the/DT/DET/the/det/5 best/JJS/ADJ/good/amod/5 deal/NN/NOUN/deal/dobj/2 with/IN/ADP/with/prep/5 Japan/NNP/PROPN/Japan/pobj/6 ././PUNCT/./punct/2",
    ),
    (
        "We will honor our treaty with Korea.",
        "in_force",
        "We/PRP/PRON/we/nsubj/2 will/MD/AUX/will/aux/2 honor/VB/VERB/honor/ROOT/2 our/PRP$/PRON/our/poss/4 treaty/NN/NOUN/treaty/dobj/2 with/IN/ADP/with/prep/4 Korea/NNP/PROPN/Korea/pobj/5 ././PUNCT/./punct/2",
    ),
    (
        "We will join the treaty with Korea.",
        "planned",
        "We/PRP/PRON/we/nsubj/2 will/MD/AUX/will/aux/2 join/VB/VERB/join/ROOT/2 the/DT/DET/the/det/4 treaty/NN/NOUN/treaty/dobj/2 with/IN/ADP/with/prep/4 Korea/NNP/PROPN/Korea/pobj/5 ././PUNCT/./punct/2",
    ),
    # a clause of time on the agreement's verb puts a stage ahead: signing ahead → planned, ratification ahead → signed
    (
        "The agreement with Ecuador will be tabled in the House of Commons once it is signed.",
        "planned",
        "The/DT/DET/the/det/1 agreement/NN/NOUN/agreement/nsubjpass/6 with/IN/ADP/with/prep/1 Ecuador/NNP/PROPN/Ecuador/pobj/2 will/MD/AUX/will/aux/6 be/VB/AUX/be/auxpass/6 tabled/VBN/VERB/table/ROOT/6 in/IN/ADP/in/prep/6 the/DT/DET/the/det/9 House/NNP/PROPN/House/pobj/7 of/IN/ADP/of/prep/9 Commons/NNP/PROPN/Commons/pobj/10 once/IN/SCONJ/once/mark/15 it/PRP/PRON/it/nsubjpass/15 is/VBZ/AUX/be/auxpass/15 signed/VBN/VERB/sign/advcl/6 ././PUNCT/./punct/6",
    ),
    (
        "The agreement with Ecuador will be tabled in the House of Commons once it is ratified.",
        "signed",
        "The/DT/DET/the/det/1 agreement/NN/NOUN/agreement/nsubjpass/6 with/IN/ADP/with/prep/1 Ecuador/NNP/PROPN/Ecuador/pobj/2 will/MD/AUX/will/aux/6 be/VB/AUX/be/auxpass/6 tabled/VBN/VERB/table/ROOT/6 in/IN/ADP/in/prep/6 the/DT/DET/the/det/9 House/NNP/PROPN/House/pobj/7 of/IN/ADP/of/prep/9 Commons/NNP/PROPN/Commons/pobj/10 once/IN/SCONJ/once/mark/15 it/PRP/PRON/it/nsubjpass/15 is/VBZ/AUX/be/auxpass/15 ratified/VBN/VERB/ratify/advcl/6 ././PUNCT/./punct/6",
    ),
    # a legislature the recipient of the agreement sent (signed); of something else about it, no sign
    (
        "I will soon send the Senate the new arms reduction treaty with Russia.",
        "signed",
        "I/PRP/PRON/I/nsubj/3 will/MD/AUX/will/aux/3 soon/RB/ADV/soon/advmod/3 send/VB/VERB/send/ROOT/3 the/DT/DET/the/det/5 Senate/NNP/PROPN/Senate/dobj/3 the/DT/DET/the/det/10 new/JJ/ADJ/new/amod/10 arms/NNS/NOUN/arm/compound/9 reduction/NN/NOUN/reduction/compound/10 treaty/NN/NOUN/treaty/dobj/3 with/IN/ADP/with/prep/10 Russia/NNP/PROPN/Russia/pobj/11 ././PUNCT/./punct/3",
    ),
    (
        "I will soon send the Senate a report on the treaty with Russia.",
        "unknown",
        "I/PRP/PRON/I/nsubj/3 will/MD/AUX/will/aux/3 soon/RB/ADV/soon/advmod/3 send/VB/VERB/send/ROOT/3 the/DT/DET/the/det/5 Senate/NNP/PROPN/Senate/dative/3 a/DT/DET/a/det/7 report/NN/NOUN/report/dobj/3 on/IN/ADP/on/prep/7 the/DT/DET/the/det/10 treaty/NN/NOUN/treaty/pobj/8 with/IN/ADP/with/prep/10 Russia/NNP/PROPN/Russia/pobj/11 ././PUNCT/./punct/3",
    ),
    # a legislature's approval still owed ('must now be') is pending (signed); given, in force
    (
        "The trade agreement with Korea must now be approved by the Congress.",
        "signed",
        "The/DT/DET/the/det/2 trade/NN/NOUN/trade/compound/2 agreement/NN/NOUN/agreement/nsubjpass/8 with/IN/ADP/with/prep/2 Korea/NNP/PROPN/Korea/pobj/3 must/MD/AUX/must/aux/8 now/RB/ADV/now/advmod/8 be/VB/AUX/be/auxpass/8 approved/VBN/VERB/approve/ROOT/8 by/IN/ADP/by/agent/8 the/DT/DET/the/det/11 Congress/NNP/PROPN/Congress/pobj/9 ././PUNCT/./punct/8",
    ),
    (
        "The trade agreement with Korea was approved by the Congress.",
        "in_force",
        "The/DT/DET/the/det/2 trade/NN/NOUN/trade/compound/2 agreement/NN/NOUN/agreement/nsubjpass/6 with/IN/ADP/with/prep/2 Korea/NNP/PROPN/Korea/pobj/3 was/VBD/AUX/be/auxpass/6 approved/VBN/VERB/approve/ROOT/6 by/IN/ADP/by/agent/6 the/DT/DET/the/det/9 Congress/NNP/PROPN/Congress/pobj/7 ././PUNCT/./punct/6",
    ),
    # a relative clause on the noun reaches past a long 'with' phrase (12 tokens, as a described clause does)
    (
        "This treaty with Russia, which the Senate must now ratify, will cut our arsenals by a third.",
        "signed",
        "This/DT/DET/this/det/1 treaty/NN/NOUN/treaty/nsubj/13 with/IN/ADP/with/prep/1 Russia/NNP/PROPN/Russia/pobj/2 ,/,/PUNCT/,/punct/3 which/WDT/PRON/which/dobj/10 the/DT/DET/the/det/7 Senate/NNP/PROPN/Senate/nsubj/10 must/MD/AUX/must/aux/10 now/RB/ADV/now/advmod/10 ratify/VB/VERB/ratify/relcl/3 ,/,/PUNCT/,/punct/13 will/MD/AUX/will/aux/13 cut/VB/VERB/cut/ROOT/13 our/PRP$/PRON/our/poss/15 arsenals/NNS/NOUN/arsenal/dobj/13 by/IN/ADP/by/prep/13 a/DT/DET/a/det/18 third/NN/NOUN/third/pobj/16 ././PUNCT/./punct/13",
    ),
    (
        "The Union Cabinet approved the agreement between India and Japan on skilled workers, which will be signed next month.",
        "planned",
        "The/DT/DET/the/det/2 Union/NNP/PROPN/Union/compound/2 Cabinet/NNP/PROPN/Cabinet/nsubj/3 approved/VBD/VERB/approve/ROOT/3 the/DT/DET/the/det/5 agreement/NN/NOUN/agreement/dobj/3 between/IN/ADP/between/prep/5 India/NNP/PROPN/India/pobj/6 and/CC/CCONJ/and/cc/7 Japan/NNP/PROPN/Japan/conj/7 on/IN/ADP/on/prep/5 skilled/JJ/ADJ/skilled/amod/12 workers/NNS/NOUN/worker/pobj/10 ,/,/PUNCT/,/punct/12 which/WDT/PRON/which/nsubjpass/17 will/MD/AUX/will/aux/17 be/VB/AUX/be/auxpass/17 signed/VBN/VERB/sign/relcl/12 next/JJ/ADJ/next/amod/19 month/NN/NOUN/month/npadvmod/17 ././PUNCT/./punct/3",
    ),
    # only a legislature passes an agreement: asked for, signed; done, in force
    (
        "Let us pass the trade agreement with Colombia this year.",
        "signed",
        "Let/VB/VERB/let/ROOT/0 us/PRP/PRON/we/nsubj/2 pass/VB/VERB/pass/ccomp/0 the/DT/DET/the/det/5 trade/NN/NOUN/trade/compound/5 agreement/NN/NOUN/agreement/dobj/2 with/IN/ADP/with/prep/5 Colombia/NNP/PROPN/Colombia/pobj/6 this/DT/DET/this/det/9 year/NN/NOUN/year/npadvmod/2 ././PUNCT/./punct/0",
    ),
    (
        "The Congress passed the trade agreement with Colombia last year.",
        "in_force",
        "The/DT/DET/the/det/1 Congress/NNP/PROPN/Congress/nsubj/2 passed/VBD/VERB/pass/ROOT/2 the/DT/DET/the/det/5 trade/NN/NOUN/trade/compound/5 agreement/NN/NOUN/agreement/dobj/2 with/IN/ADP/with/prep/5 Colombia/NNP/PROPN/Colombia/pobj/6 last/JJ/ADJ/last/amod/9 year/NN/NOUN/year/npadvmod/2 ././PUNCT/./punct/2",
    ),
    # what it will do yields to a later clause asking a legislature to ratify 'it'
    (
        "Our new treaty with Russia will cut our nuclear arsenals by a third, and I ask the Senate to ratify it.",
        "signed",
        "Our/PRP$/PRON/our/poss/2 new/JJ/ADJ/new/amod/2 treaty/NN/NOUN/treaty/nsubj/6 with/IN/ADP/with/prep/2 Russia/NNP/PROPN/Russia/pobj/3 will/MD/AUX/will/aux/6 cut/VB/VERB/cut/ROOT/6 our/PRP$/PRON/our/poss/9 nuclear/JJ/ADJ/nuclear/amod/9 arsenals/NNS/NOUN/arsenal/dobj/6 by/IN/ADP/by/prep/6 a/DT/DET/a/det/12 third/NN/NOUN/third/pobj/10 ,/,/PUNCT/,/punct/6 and/CC/CCONJ/and/cc/6 I/PRP/PRON/I/nsubj/16 ask/VBP/VERB/ask/conj/6 the/DT/DET/the/det/18 Senate/NNP/PROPN/Senate/dobj/16 to/TO/PART/to/aux/20 ratify/VB/VERB/ratify/xcomp/16 it/PRP/PRON/it/dobj/20 ././PUNCT/./punct/16",
    ),
    (
        "Our new treaty with Russia will cut our nuclear arsenals by a third.",
        "unknown",
        "Our/PRP$/PRON/our/poss/2 new/JJ/ADJ/new/amod/2 treaty/NN/NOUN/treaty/nsubj/6 with/IN/ADP/with/prep/2 Russia/NNP/PROPN/Russia/pobj/3 will/MD/AUX/will/aux/6 cut/VB/VERB/cut/ROOT/6 our/PRP$/PRON/our/poss/9 nuclear/JJ/ADJ/nuclear/amod/9 arsenals/NNS/NOUN/arsenal/dobj/6 by/IN/ADP/by/prep/6 a/DT/DET/a/det/12 third/NN/NOUN/third/pobj/10 ././PUNCT/./punct/6",
    ),
    # a legislature's approval in a clause of time is ahead (signed); since given, in force
    (
        "Once the Senate approves the treaties with Panama, we will begin the transfer of the canal.",
        "signed",
        "Once/IN/SCONJ/once/mark/3 the/DT/DET/the/det/2 Senate/NNP/PROPN/Senate/nsubj/3 approves/VBZ/VERB/approve/advcl/11 the/DT/DET/the/det/5 treaties/NNS/NOUN/treaty/dobj/3 with/IN/ADP/with/prep/5 Panama/NNP/PROPN/Panama/pobj/6 ,/,/PUNCT/,/punct/11 we/PRP/PRON/we/nsubj/11 will/MD/AUX/will/aux/11 begin/VB/VERB/begin/ROOT/11 the/DT/DET/the/det/13 transfer/NN/NOUN/transfer/dobj/11 of/IN/ADP/of/prep/13 the/DT/DET/the/det/16 canal/NN/NOUN/canal/pobj/14 ././PUNCT/./punct/11",
    ),
    (
        "Since the Senate approved the treaties with Panama, we have begun the transfer of the canal.",
        "in_force",
        "Since/IN/SCONJ/since/mark/3 the/DT/DET/the/det/2 Senate/NNP/PROPN/Senate/nsubj/3 approved/VBD/VERB/approve/advcl/11 the/DT/DET/the/det/5 treaties/NNS/NOUN/treaty/dobj/3 with/IN/ADP/with/prep/5 Panama/NNP/PROPN/Panama/pobj/6 ,/,/PUNCT/,/punct/11 we/PRP/PRON/we/nsubj/11 have/VBP/AUX/have/aux/11 begun/VBN/VERB/begin/ROOT/11 the/DT/DET/the/det/13 transfer/NN/NOUN/transfer/dobj/11 of/IN/ADP/of/prep/13 the/DT/DET/the/det/16 canal/NN/NOUN/canal/pobj/14 ././PUNCT/./punct/11",
    ),
    # 'action' asked of a legislature on the treaty is its approval pending; asked of another country, no sign
    (
        "I will ask the Senate for prompt action on the treaty with Russia.",
        "signed",
        "I/PRP/PRON/I/nsubj/2 will/MD/AUX/will/aux/2 ask/VB/VERB/ask/ROOT/2 the/DT/DET/the/det/4 Senate/NNP/PROPN/Senate/dobj/2 for/IN/ADP/for/prep/2 prompt/JJ/ADJ/prompt/amod/7 action/NN/NOUN/action/pobj/5 on/IN/ADP/on/prep/7 the/DT/DET/the/det/10 treaty/NN/NOUN/treaty/pobj/8 with/IN/ADP/with/prep/10 Russia/NNP/PROPN/Russia/pobj/11 ././PUNCT/./punct/2",
    ),
    (
        "I will ask Japan for prompt action on the treaty.",
        "unknown",
        "I/PRP/PRON/I/nsubj/2 will/MD/AUX/will/aux/2 ask/VB/VERB/ask/ROOT/2 Japan/NNP/PROPN/Japan/dobj/2 for/IN/ADP/for/prep/2 prompt/JJ/ADJ/prompt/amod/6 action/NN/NOUN/action/pobj/4 on/IN/ADP/on/prep/6 the/DT/DET/the/det/9 treaty/NN/NOUN/treaty/pobj/7 ././PUNCT/./punct/2",
    ),
    # approving done with a legislature ('working with the Congress to approve') is pending; signing, planned
    (
        "I look forward to working with the Congress to approve the trade agreement with South Korea.",
        "signed",
        "I/PRP/PRON/I/nsubj/1 look/VBP/VERB/look/ROOT/1 forward/RB/ADV/forward/advmod/1 to/IN/ADP/to/prep/1 working/VBG/VERB/work/pcomp/3 with/IN/ADP/with/prep/4 the/DT/DET/the/det/7 Congress/NNP/PROPN/Congress/pobj/5 to/TO/PART/to/aux/9 approve/VB/VERB/approve/advcl/4 the/DT/DET/the/det/12 trade/NN/NOUN/trade/compound/12 agreement/NN/NOUN/agreement/dobj/9 with/IN/ADP/with/prep/12 South/NNP/PROPN/South/compound/15 Korea/NNP/PROPN/Korea/pobj/13 ././PUNCT/./punct/1",
    ),
    (
        "I look forward to working with Korea to sign a trade agreement.",
        "planned",
        "I/PRP/PRON/I/nsubj/1 look/VBP/VERB/look/ROOT/1 forward/RB/ADV/forward/advmod/1 to/IN/ADP/to/prep/1 working/VBG/VERB/work/pcomp/3 with/IN/ADP/with/prep/4 Korea/NNP/PROPN/Korea/pobj/5 to/TO/PART/to/aux/8 sign/VB/VERB/sign/advcl/4 a/DT/DET/a/det/11 trade/NN/NOUN/trade/compound/11 agreement/NN/NOUN/agreement/dobj/8 ././PUNCT/./punct/1",
    ),
    # a 'proposed' treaty a legislature is asked to approve is signed; asked of another government, planned
    (
        "I urge the Senate to approve the proposed treaty with Mexico.",
        "signed",
        "I/PRP/PRON/I/nsubj/1 urge/VBP/VERB/urge/ROOT/1 the/DT/DET/the/det/3 Senate/NNP/PROPN/Senate/dobj/1 to/TO/PART/to/aux/5 approve/VB/VERB/approve/xcomp/1 the/DT/DET/the/det/8 proposed/VBN/VERB/propose/amod/8 treaty/NN/NOUN/treaty/dobj/5 with/IN/ADP/with/prep/8 Mexico/NNP/PROPN/Mexico/pobj/9 ././PUNCT/./punct/1",
    ),
    (
        "I urge Mexico to approve the proposed treaty.",
        "planned",
        "I/PRP/PRON/I/nsubj/1 urge/VBP/VERB/urge/ROOT/1 Mexico/NNP/PROPN/Mexico/dobj/1 to/TO/PART/to/aux/4 approve/VB/VERB/approve/xcomp/1 the/DT/DET/the/det/7 proposed/VBN/VERB/propose/amod/7 treaty/NN/NOUN/treaty/dobj/4 ././PUNCT/./punct/1",
    ),
    # building on an agreement makes none (in force, possessed); building one is planned
    (
        "We must build on our security treaty with Japan.",
        "in_force",
        "We/PRP/PRON/we/nsubj/2 must/MD/AUX/must/aux/2 build/VB/VERB/build/ROOT/2 on/IN/ADP/on/prep/2 our/PRP$/PRON/our/poss/6 security/NN/NOUN/security/compound/6 treaty/NN/NOUN/treaty/pobj/3 with/IN/ADP/with/prep/6 Japan/NNP/PROPN/Japan/pobj/7 ././PUNCT/./punct/2",
    ),
    (
        "We must build a security partnership with Japan.",
        "planned",
        "We/PRP/PRON/we/nsubj/2 must/MD/AUX/must/aux/2 build/VB/VERB/build/ROOT/2 a/DT/DET/a/det/5 security/NN/NOUN/security/compound/5 partnership/NN/NOUN/partnership/dobj/2 with/IN/ADP/with/prep/5 Japan/NNP/PROPN/Japan/pobj/6 ././PUNCT/./punct/2",
    ),
    # what an agreement is expected (aims) to do is its effect (unknown); expected to be signed, planned
    (
        "The trade agreement between Australia and India is expected to double bilateral trade.",
        "unknown",
        "The/DT/DET/the/det/2 trade/NN/NOUN/trade/compound/2 agreement/NN/NOUN/agreement/nsubjpass/8 between/IN/ADP/between/prep/2 Australia/NNP/PROPN/Australia/pobj/3 and/CC/CCONJ/and/cc/4 India/NNP/PROPN/India/conj/4 is/VBZ/AUX/be/auxpass/8 expected/VBN/VERB/expect/ROOT/8 to/TO/PART/to/aux/10 double/VB/VERB/double/xcomp/8 bilateral/JJ/ADJ/bilateral/amod/12 trade/NN/NOUN/trade/dobj/10 ././PUNCT/./punct/8",
    ),
    (
        "The trade agreement between Australia and India is expected to be signed next month.",
        "planned",
        "The/DT/DET/the/det/2 trade/NN/NOUN/trade/compound/2 agreement/NN/NOUN/agreement/nsubjpass/8 between/IN/ADP/between/prep/2 Australia/NNP/PROPN/Australia/pobj/3 and/CC/CCONJ/and/cc/4 India/NNP/PROPN/India/conj/4 is/VBZ/AUX/be/auxpass/8 expected/VBN/VERB/expect/ROOT/8 to/TO/PART/to/aux/11 be/VB/AUX/be/auxpass/11 signed/VBN/VERB/sign/xcomp/8 next/JJ/ADJ/next/amod/13 month/NN/NOUN/month/npadvmod/11 ././PUNCT/./punct/8",
    ),
    (
        "The agreement between the EU and Kenya aims to boost trade in goods.",
        "unknown",
        "The/DT/DET/the/det/1 agreement/NN/NOUN/agreement/nsubj/7 between/IN/ADP/between/prep/1 the/DT/DET/the/det/4 EU/NNP/PROPN/EU/pobj/2 and/CC/CCONJ/and/cc/4 Kenya/NNP/PROPN/Kenya/conj/4 aims/VBZ/VERB/aim/ROOT/7 to/TO/PART/to/aux/9 boost/VB/VERB/boost/xcomp/7 trade/NN/NOUN/trade/dobj/9 in/IN/ADP/in/prep/10 goods/NNS/NOUN/good/pobj/11 ././PUNCT/./punct/7",
    ),
    # a signing yet to come that the sides have agreed is agreed; agreed only in the future, planned
    (
        "The United States and Japan agreed last week that the new trade agreement would be signed in Tokyo in April.",
        "agreed",
        "The/DT/DET/the/det/2 United/NNP/PROPN/United/compound/2 States/NNP/PROPN/States/nsubj/5 and/CC/CCONJ/and/cc/2 Japan/NNP/PROPN/Japan/conj/2 agreed/VBD/VERB/agree/ROOT/5 last/JJ/ADJ/last/amod/7 week/NN/NOUN/week/npadvmod/5 that/IN/SCONJ/that/mark/15 the/DT/DET/the/det/12 new/JJ/ADJ/new/amod/12 trade/NN/NOUN/trade/compound/12 agreement/NN/NOUN/agreement/nsubjpass/15 would/MD/AUX/would/aux/15 be/VB/AUX/be/auxpass/15 signed/VBN/VERB/sign/ccomp/5 in/IN/ADP/in/prep/15 Tokyo/NNP/PROPN/Tokyo/pobj/16 in/IN/ADP/in/prep/15 April/NNP/PROPN/April/pobj/18 ././PUNCT/./punct/5",
    ),
    (
        "The United States and Japan will agree next week that the new trade agreement would be signed in Tokyo in April.",
        "planned",
        "The/DT/DET/the/det/2 United/NNP/PROPN/United/compound/2 States/NNP/PROPN/States/nsubj/6 and/CC/CCONJ/and/cc/2 Japan/NNP/PROPN/Japan/conj/2 will/MD/AUX/will/aux/6 agree/VB/VERB/agree/ROOT/6 next/JJ/ADJ/next/amod/8 week/NN/NOUN/week/npadvmod/6 that/IN/SCONJ/that/mark/16 the/DT/DET/the/det/13 new/JJ/ADJ/new/amod/13 trade/NN/NOUN/trade/compound/13 agreement/NN/NOUN/agreement/nsubjpass/16 would/MD/AUX/would/aux/16 be/VB/AUX/be/auxpass/16 signed/VBN/VERB/sign/ccomp/6 in/IN/ADP/in/prep/16 Tokyo/NNP/PROPN/Tokyo/pobj/17 in/IN/ADP/in/prep/16 April/NNP/PROPN/April/pobj/19 ././PUNCT/./punct/6",
    ),
    # an address's 'you' is the Congress: a treaty submitted or sent to it is signed; one proposed to another
    # government is planned
    (
        "I shall shortly submit to you a treaty with Mexico on the waters of the Colorado River.",
        "signed",
        "I/PRP/PRON/I/nsubj/3 shall/MD/AUX/shall/aux/3 shortly/RB/ADV/shortly/advmod/3 submit/VB/VERB/submit/ROOT/3 to/IN/ADP/to/prep/3 you/PRP/PRON/you/pobj/4 a/DT/DET/a/det/7 treaty/NN/NOUN/treaty/dobj/3 with/IN/ADP/with/prep/7 Mexico/NNP/PROPN/Mexico/pobj/8 on/IN/ADP/on/prep/7 the/DT/DET/the/det/12 waters/NNS/NOUN/water/pobj/10 of/IN/ADP/of/prep/12 the/DT/DET/the/det/16 Colorado/NNP/PROPN/Colorado/compound/16 River/NNP/PROPN/River/pobj/13 ././PUNCT/./punct/3",
    ),
    (
        "I will send you a trade agreement with Chile this spring.",
        "signed",
        "I/PRP/PRON/I/nsubj/2 will/MD/AUX/will/aux/2 send/VB/VERB/send/ROOT/2 you/PRP/PRON/you/dative/2 a/DT/DET/a/det/6 trade/NN/NOUN/trade/compound/6 agreement/NN/NOUN/agreement/dobj/2 with/IN/ADP/with/prep/6 Chile/NNP/PROPN/Chile/pobj/7 this/DT/DET/this/det/10 spring/NN/NOUN/spring/npadvmod/2 ././PUNCT/./punct/2",
    ),
    (
        "I will send to Moscow a proposal for a treaty with the Soviet Union.",
        "planned",
        "I/PRP/PRON/I/nsubj/2 will/MD/AUX/will/aux/2 send/VB/VERB/send/ROOT/2 to/IN/ADP/to/prep/2 Moscow/NNP/PROPN/Moscow/pobj/3 a/DT/DET/a/det/6 proposal/NN/NOUN/proposal/dobj/2 for/IN/ADP/for/prep/6 a/DT/DET/a/det/9 treaty/NN/NOUN/treaty/pobj/7 with/IN/ADP/with/prep/9 the/DT/DET/the/det/13 Soviet/NNP/PROPN/Soviet/compound/13 Union/NNP/PROPN/Union/pobj/10 ././PUNCT/./punct/2",
    ),
    # asked of the address's 'you', approval or support is pending (signed); 'I urge them to approve' stays
    # planned (test_agreement_status_rules.py)
    (
        "I ask you to approve the treaties with Panama.",
        "signed",
        "I/PRP/PRON/I/nsubj/1 ask/VBP/VERB/ask/ROOT/1 you/PRP/PRON/you/dobj/1 to/TO/PART/to/aux/4 approve/VB/VERB/approve/xcomp/1 the/DT/DET/the/det/6 treaties/NNS/NOUN/treaty/dobj/4 with/IN/ADP/with/prep/6 Panama/NNP/PROPN/Panama/pobj/7 ././PUNCT/./punct/1",
    ),
    (
        "I urge you to support the trade agreement with Colombia.",
        "signed",
        "I/PRP/PRON/I/nsubj/1 urge/VBP/VERB/urge/ROOT/1 you/PRP/PRON/you/dobj/1 to/TO/PART/to/aux/4 support/VB/VERB/support/xcomp/1 the/DT/DET/the/det/7 trade/NN/NOUN/trade/compound/7 agreement/NN/NOUN/agreement/dobj/4 with/IN/ADP/with/prep/7 Colombia/NNP/PROPN/Colombia/pobj/8 ././PUNCT/./punct/1",
    ),
]


@pytest.mark.parametrize(("sentence", "status", "spec"), CASES, ids=[c[0] for c in CASES])
def test_status_rule_round7(sentence: str, status: str, spec: str) -> None:
    assert_status(sentence, status, spec)
