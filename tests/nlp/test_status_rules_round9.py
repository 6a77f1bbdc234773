"""Round-9 status rules pinned on parses written out by hand (as `test_status_rules_round8.py` does), each
boundary with an example on both sides: the treaty (formal agreement) that is to hold what the sides have
reached ('the terms agreed with Britain will be embodied in a treaty', 'agreement in principle has been reached,
and a treaty will be drafted') is that agreement, agreed; 'settled the terms of' a treaty is agreed; an agreement
that 'will continue to' do something, or 'is the foundation of' relations, operates now (in force); its collapse,
expiry or termination said as done ends it, while one supposed or still ahead leaves it in force; ratified but
awaiting the exchange of ratifications is signed; 'signed in 2006, entered into force in 2012' is in force where
the parser hung both verbs on the noun; what is yet to be done under an agreement just reached is agreed; one 'is
working' now, or signed long ago and 'has served' since, is in force; 'came to an end', 'superseded', not renewed
and expired are ended, an end ahead or refused leaves it in force; a signing denied while a joined clause says
the terms are settled is agreed ('No agreement has been concluded with Austria, but its terms have been
settled'), while talks said to go on are in negotiation; a draft treaty agreed on is agreed, one only tabled
planned; walking away from (backing out of) an agreement ends it; 'our treaty commitments to Korea' say it is
in force; ready for (awaiting) signature is agreed, awaiting ratification signed."""

from __future__ import annotations

import pytest

from tests.nlp.test_status_rules_round4 import assert_status

CASES: list[tuple[str, str, str]] = [
    # the instrument that is to hold what the sides have reached (terms agreed, an understanding reached, terms
    # agreed in a joined clause) is that agreement, reached and not yet signed: agreed; what was only proposed, or
    # talks only begun, leave it planned or in negotiation
    (
        "The terms agreed with Britain will be embodied in a treaty.",
        "agreed",
        "The/DT/DET/the/det/1 terms/NNS/NOUN/term/nsubj/2 agreed/VBD/VERB/agree/ROOT/2 with/IN/ADP/with/prep/2 Britain/NNP/PROPN/Britain/pobj/3 will/MD/AUX/will/aux/7 be/VB/AUX/be/auxpass/7 embodied/VBN/VERB/embody/conj/2 in/IN/ADP/in/prep/7 a/DT/DET/a/det/10 treaty/NN/NOUN/treaty/pobj/8 ././PUNCT/./punct/2",
    ),
    (
        "The terms proposed by Britain will be embodied in a treaty.",
        "planned",
        "The/DT/DET/the/det/1 terms/NNS/NOUN/term/nsubjpass/7 proposed/VBN/VERB/propose/acl/1 by/IN/ADP/by/agent/2 Britain/NNP/PROPN/Britain/pobj/3 will/MD/AUX/will/aux/7 be/VB/AUX/be/auxpass/7 embodied/VBN/VERB/embody/ROOT/7 in/IN/ADP/in/prep/7 a/DT/DET/a/det/10 treaty/NN/NOUN/treaty/pobj/8 ././PUNCT/./punct/7",
    ),
    (
        "The understanding reached with Japan will be written into a formal agreement.",
        "agreed",
        "The/DT/DET/the/det/1 understanding/NN/NOUN/understanding/nsubjpass/7 reached/VBN/VERB/reach/acl/1 with/IN/ADP/with/prep/2 Japan/NNP/PROPN/Japan/pobj/3 will/MD/AUX/will/aux/7 be/VB/AUX/be/auxpass/7 written/VBN/VERB/write/ROOT/7 into/IN/ADP/into/prep/7 a/DT/DET/a/det/11 formal/JJ/ADJ/formal/amod/11 agreement/NN/NOUN/agreement/pobj/8 ././PUNCT/./punct/7",
    ),
    (
        "The understanding proposed by Japan will be written into a formal agreement.",
        "planned",
        "The/DT/DET/the/det/1 understanding/NN/NOUN/understanding/nsubjpass/7 proposed/VBN/VERB/propose/acl/1 by/IN/ADP/by/agent/2 Japan/NNP/PROPN/Japan/pobj/3 will/MD/AUX/will/aux/7 be/VB/AUX/be/auxpass/7 written/VBN/VERB/write/ROOT/7 into/IN/ADP/into/prep/7 a/DT/DET/a/det/11 formal/JJ/ADJ/formal/amod/11 agreement/NN/NOUN/agreement/pobj/8 ././PUNCT/./punct/7",
    ),
    (
        "The terms have been agreed with Mexico, and a treaty will be drafted this spring.",
        "agreed",
        "The/DT/DET/the/det/1 terms/NNS/NOUN/term/nsubjpass/4 have/VBP/AUX/have/aux/4 been/VBN/AUX/be/auxpass/4 agreed/VBN/VERB/agree/ROOT/4 with/IN/ADP/with/prep/4 Mexico/NNP/PROPN/Mexico/pobj/5 ,/,/PUNCT/,/punct/4 and/CC/CCONJ/and/cc/4 a/DT/DET/a/det/10 treaty/NN/NOUN/treaty/nsubjpass/13 will/MD/AUX/will/aux/13 be/VB/AUX/be/auxpass/13 drafted/VBN/VERB/draft/conj/4 this/DT/DET/this/det/15 spring/NN/NOUN/spring/npadvmod/13 ././PUNCT/./punct/13",
    ),
    (
        "Talks have begun with Mexico, and a treaty will be drafted this spring.",
        "in_negotiation",
        "Talks/NNS/NOUN/talk/nsubj/2 have/VBP/AUX/have/aux/2 begun/VBN/VERB/begin/ROOT/2 with/IN/ADP/with/prep/2 Mexico/NNP/PROPN/Mexico/pobj/3 ,/,/PUNCT/,/punct/2 and/CC/CCONJ/and/cc/2 a/DT/DET/a/det/8 treaty/NN/NOUN/treaty/nsubjpass/11 will/MD/AUX/will/aux/11 be/VB/AUX/be/auxpass/11 drafted/VBN/VERB/draft/conj/2 this/DT/DET/this/det/13 spring/NN/NOUN/spring/npadvmod/11 ././PUNCT/./punct/11",
    ),
    # 'settled the terms of' a treaty is its text agreed; to come, it is planned; a dispute settled is no agreement
    (
        "We have settled the terms of a treaty with Panama.",
        "agreed",
        "We/PRP/PRON/we/nsubj/2 have/VBP/AUX/have/aux/2 settled/VBN/VERB/settle/ROOT/2 the/DT/DET/the/det/4 terms/NNS/NOUN/term/dobj/2 of/IN/ADP/of/prep/4 a/DT/DET/a/det/7 treaty/NN/NOUN/treaty/pobj/5 with/IN/ADP/with/prep/7 Panama/NNP/PROPN/Panama/pobj/8 ././PUNCT/./punct/2",
    ),
    (
        "We will settle the terms of a treaty with Panama.",
        "planned",
        "We/PRP/PRON/we/nsubj/2 will/MD/AUX/will/aux/2 settle/VB/VERB/settle/ROOT/2 the/DT/DET/the/det/4 terms/NNS/NOUN/term/dobj/2 of/IN/ADP/of/prep/4 a/DT/DET/a/det/7 treaty/NN/NOUN/treaty/pobj/5 with/IN/ADP/with/prep/7 Panama/NNP/PROPN/Panama/pobj/8 ././PUNCT/./punct/2",
    ),
    (
        "We have settled our dispute with Panama over the treaty.",
        "unknown",
        "We/PRP/PRON/we/nsubj/2 have/VBP/AUX/have/aux/2 settled/VBN/VERB/settle/ROOT/2 our/PRP$/PRON/our/poss/4 dispute/NN/NOUN/dispute/dobj/2 with/IN/ADP/with/prep/4 Panama/NNP/PROPN/Panama/pobj/5 over/IN/ADP/over/prep/2 the/DT/DET/the/det/9 treaty/NN/NOUN/treaty/pobj/7 ././PUNCT/./punct/2",
    ),
    # an agreement that goes on doing something operates now, whatever the tense; what it only will do is unknown
    (
        "The partnership agreement will continue to cut tariffs.",
        "in_force",
        "The/DT/DET/the/det/2 partnership/NN/NOUN/partnership/compound/2 agreement/NN/NOUN/agreement/nsubj/4 will/MD/AUX/will/aux/4 continue/VB/VERB/continue/ROOT/4 to/TO/PART/to/aux/6 cut/VB/VERB/cut/xcomp/4 tariffs/NNS/NOUN/tariff/dobj/6 ././PUNCT/./punct/4",
    ),
    (
        "The partnership agreement will cut tariffs.",
        "unknown",
        "The/DT/DET/the/det/2 partnership/NN/NOUN/partnership/compound/2 agreement/NN/NOUN/agreement/nsubj/4 will/MD/AUX/will/aux/4 cut/VB/VERB/cut/ROOT/4 tariffs/NNS/NOUN/tariff/dobj/4 ././PUNCT/./punct/4",
    ),
    # the foundation (cornerstone, bedrock) of relations now, it stands; what it would be is supposed
    (
        "The security treaty is the foundation of peace in Asia.",
        "in_force",
        "The/DT/DET/the/det/2 security/NN/NOUN/security/compound/2 treaty/NN/NOUN/treaty/nsubj/3 is/VBZ/AUX/be/ROOT/3 the/DT/DET/the/det/5 foundation/NN/NOUN/foundation/attr/3 of/IN/ADP/of/prep/5 peace/NN/NOUN/peace/pobj/6 in/IN/ADP/in/prep/5 Asia/NNP/PROPN/Asia/pobj/8 ././PUNCT/./punct/3",
    ),
    (
        "The security treaty would be the foundation of peace in Asia.",
        "unknown",
        "The/DT/DET/the/det/2 security/NN/NOUN/security/compound/2 treaty/NN/NOUN/treaty/nsubj/4 would/MD/AUX/would/aux/4 be/VB/AUX/be/ROOT/4 the/DT/DET/the/det/6 foundation/NN/NOUN/foundation/attr/4 of/IN/ADP/of/prep/6 peace/NN/NOUN/peace/pobj/7 in/IN/ADP/in/prep/6 Asia/NNP/PROPN/Asia/pobj/9 ././PUNCT/./punct/4",
    ),
    # its collapse (expiry, termination) said as done ends it; an end supposed, or still ahead, leaves it in force
    (
        "The collapse of the treaty alarmed Europe.",
        "ended",
        "The/DT/DET/the/det/1 collapse/NN/NOUN/collapse/ROOT/1 of/IN/ADP/of/prep/1 the/DT/DET/the/det/4 treaty/NN/NOUN/treaty/pobj/2 alarmed/VBN/VERB/alarm/acl/1 Europe/NNP/PROPN/Europe/dobj/5 ././PUNCT/./punct/1",
    ),
    (
        "The collapse of the treaty would alarm Europe.",
        "in_force",
        "The/DT/DET/the/det/1 collapse/NN/NOUN/collapse/nsubj/6 of/IN/ADP/of/prep/1 the/DT/DET/the/det/4 treaty/NN/NOUN/treaty/pobj/2 would/MD/AUX/would/aux/6 alarm/VB/VERB/alarm/ROOT/6 Europe/NNP/PROPN/Europe/dobj/6 ././PUNCT/./punct/6",
    ),
    (
        "Talks on a successor began a year after the expiry of the treaty.",
        "ended",
        "Talks/NNS/NOUN/talk/nsubj/4 on/IN/ADP/on/prep/0 a/DT/DET/a/det/3 successor/NN/NOUN/successor/pobj/1 began/VBD/VERB/begin/ROOT/4 a/DT/DET/a/det/6 year/NN/NOUN/year/npadvmod/7 after/IN/ADP/after/prep/4 the/DT/DET/the/det/9 expiry/NN/NOUN/expiry/pobj/7 of/IN/ADP/of/prep/9 the/DT/DET/the/det/12 treaty/NN/NOUN/treaty/pobj/10 ././PUNCT/./punct/4",
    ),
    (
        "Talks on a successor began a year before the expiry of the treaty.",
        "in_force",
        "Talks/NNS/NOUN/talk/nsubj/4 on/IN/ADP/on/prep/0 a/DT/DET/a/det/3 successor/NN/NOUN/successor/pobj/1 began/VBD/VERB/begin/ROOT/4 a/DT/DET/a/det/6 year/NN/NOUN/year/npadvmod/7 before/IN/ADP/before/prep/4 the/DT/DET/the/det/9 expiry/NN/NOUN/expiry/pobj/7 of/IN/ADP/of/prep/9 the/DT/DET/the/det/12 treaty/NN/NOUN/treaty/pobj/10 ././PUNCT/./punct/4",
    ),
    # ratified, but awaiting the exchange of ratifications: signed; ratified and governing: in force
    (
        "The treaty has been ratified by the Senate, but it awaits the exchange of ratifications.",
        "signed",
        "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubjpass/4 has/VBZ/AUX/have/aux/4 been/VBN/AUX/be/auxpass/4 ratified/VBN/VERB/ratify/ROOT/4 by/IN/ADP/by/agent/4 the/DT/DET/the/det/7 Senate/NNP/PROPN/Senate/pobj/5 ,/,/PUNCT/,/punct/4 but/CC/CCONJ/but/cc/4 it/PRP/PRON/it/nsubj/11 awaits/VBZ/VERB/await/conj/4 the/DT/DET/the/det/13 exchange/NN/NOUN/exchange/dobj/11 of/IN/ADP/of/prep/13 ratifications/NNS/NOUN/ratification/pobj/14 ././PUNCT/./punct/11",
    ),
    (
        "The treaty has been ratified by the Senate, and it governs our trade.",
        "in_force",
        "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubjpass/4 has/VBZ/AUX/have/aux/4 been/VBN/AUX/be/auxpass/4 ratified/VBN/VERB/ratify/ROOT/4 by/IN/ADP/by/agent/4 the/DT/DET/the/det/7 Senate/NNP/PROPN/Senate/pobj/5 ,/,/PUNCT/,/punct/4 and/CC/CCONJ/and/cc/4 it/PRP/PRON/it/nsubj/11 governs/VBZ/VERB/govern/conj/4 our/PRP$/PRON/our/poss/13 trade/NN/NOUN/trade/dobj/11 ././PUNCT/./punct/11",
    ),
    # signed, then entered into force, where the parser hung both verbs on the noun: in force; signed, then only
    # praised: signed
    (
        "The agreement, signed in 2006, entered into force in 2012.",
        "in_force",
        "The/DT/DET/the/det/1 agreement/NN/NOUN/agreement/ROOT/1 ,/,/PUNCT/,/punct/1 signed/VBN/VERB/sign/acl/1 in/IN/ADP/in/prep/3 2006/CD/NUM/2006/pobj/4 ,/,/PUNCT/,/punct/1 entered/VBD/VERB/enter/acl/1 into/IN/ADP/into/prep/7 force/NN/NOUN/force/pobj/8 in/IN/ADP/in/prep/7 2012/CD/NUM/2012/pobj/10 ././PUNCT/./punct/1",
    ),
    (
        "The agreement, signed in 2006, was praised in Bogota.",
        "signed",
        "The/DT/DET/the/det/1 agreement/NN/NOUN/agreement/nsubjpass/8 ,/,/PUNCT/,/punct/1 signed/VBN/VERB/sign/acl/1 in/IN/ADP/in/prep/3 2006/CD/NUM/2006/pobj/4 ,/,/PUNCT/,/punct/1 was/VBD/AUX/be/auxpass/8 praised/VBN/VERB/praise/ROOT/8 in/IN/ADP/in/prep/8 Bogota/NNP/PROPN/Bogota/pobj/9 ././PUNCT/./punct/8",
    ),
    # what is yet to be done under an agreement its own clause says was just reached tells that stage; what was
    # done under it shows it operates
    (
        "Under the agreement we reached with Korea, Pyongyang will freeze its program.",
        "agreed",
        "Under/IN/ADP/under/prep/10 the/DT/DET/the/det/2 agreement/NN/NOUN/agreement/pobj/0 we/PRP/PRON/we/nsubj/4 reached/VBD/VERB/reach/relcl/2 with/IN/ADP/with/prep/4 Korea/NNP/PROPN/Korea/pobj/5 ,/,/PUNCT/,/punct/10 Pyongyang/NNP/PROPN/Pyongyang/nsubj/10 will/MD/AUX/will/aux/10 freeze/VB/VERB/freeze/ROOT/10 its/PRP$/PRON/its/poss/12 program/NN/NOUN/program/dobj/10 ././PUNCT/./punct/10",
    ),
    (
        "Under the agreement we reached with Korea, Pyongyang froze its program.",
        "in_force",
        "Under/IN/ADP/under/prep/9 the/DT/DET/the/det/2 agreement/NN/NOUN/agreement/pobj/0 we/PRP/PRON/we/nsubj/4 reached/VBD/VERB/reach/relcl/2 with/IN/ADP/with/prep/4 Korea/NNP/PROPN/Korea/pobj/5 ,/,/PUNCT/,/punct/9 Pyongyang/NNP/PROPN/Pyongyang/nsubj/9 froze/VBD/VERB/freeze/ROOT/9 its/PRP$/PRON/its/poss/11 program/NN/NOUN/program/dobj/9 ././PUNCT/./punct/9",
    ),
    # at work now, said in the progressive: in force; on its way: unknown
    (
        "The trade agreement with Canada is working.",
        "in_force",
        "The/DT/DET/the/det/2 trade/NN/NOUN/trade/compound/2 agreement/NN/NOUN/agreement/nsubj/6 with/IN/ADP/with/prep/2 Canada/NNP/PROPN/Canada/pobj/3 is/VBZ/AUX/be/aux/6 working/VBG/VERB/work/ROOT/6 ././PUNCT/./punct/6",
    ),
    (
        "The trade agreement with Canada is taking shape.",
        "unknown",
        "The/DT/DET/the/det/2 trade/NN/NOUN/trade/compound/2 agreement/NN/NOUN/agreement/nsubj/6 with/IN/ADP/with/prep/2 Canada/NNP/PROPN/Canada/pobj/3 is/VBZ/AUX/be/aux/6 taking/VBG/VERB/take/ROOT/6 shape/NN/NOUN/shape/dobj/6 ././PUNCT/./punct/6",
    ),
    # what a signed agreement has done since operates it; what a just-signed one does says no more than signed
    (
        "The treaty, signed in 1960, has served both nations well.",
        "in_force",
        "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubj/8 ,/,/PUNCT/,/punct/1 signed/VBN/VERB/sign/acl/1 in/IN/ADP/in/prep/3 1960/CD/NUM/1960/pobj/4 ,/,/PUNCT/,/punct/1 has/VBZ/AUX/have/aux/8 served/VBN/VERB/serve/ROOT/8 both/DT/DET/both/det/10 nations/NNS/NOUN/nation/dobj/8 well/RB/ADV/well/advmod/8 ././PUNCT/./punct/8",
    ),
    (
        "The treaty, signed on Monday, cuts tariffs on beef.",
        "signed",
        "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubj/7 ,/,/PUNCT/,/punct/1 signed/VBN/VERB/sign/acl/1 on/IN/ADP/on/prep/3 Monday/NNP/PROPN/Monday/pobj/4 ,/,/PUNCT/,/punct/1 cuts/VBZ/VERB/cut/ROOT/7 tariffs/NNS/NOUN/tariff/dobj/7 on/IN/ADP/on/prep/7 beef/NN/NOUN/beef/pobj/9 ././PUNCT/./punct/7",
    ),
    # one that goes on doing something since (status15's round-18 aside): in force; a new one's 'will continue
    # to' is news, no more than signed
    (
        "The treaty, renewed in 2021, continues to support trade.",
        "in_force",
        "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubj/7 ,/,/PUNCT/,/punct/1 renewed/VBN/VERB/renew/acl/1 in/IN/ADP/in/prep/3 2021/CD/NUM/2021/pobj/4 ,/,/PUNCT/,/punct/1 continues/VBZ/VERB/continue/ROOT/7 to/TO/PART/to/aux/9 support/VB/VERB/support/xcomp/7 trade/NN/NOUN/trade/dobj/9 ././PUNCT/./punct/7",
    ),
    (
        "A new treaty, signed on Monday, will continue to cut tariffs.",
        "signed",
        "A/DT/DET/a/det/2 new/JJ/ADJ/new/amod/2 treaty/NN/NOUN/treaty/nsubj/9 ,/,/PUNCT/,/punct/2 signed/VBN/VERB/sign/acl/2 on/IN/ADP/on/prep/4 Monday/NNP/PROPN/Monday/pobj/5 ,/,/PUNCT/,/punct/2 will/MD/AUX/will/aux/9 continue/VB/VERB/continue/ROOT/9 to/TO/PART/to/aux/11 cut/VB/VERB/cut/xcomp/9 tariffs/NNS/NOUN/tariff/dobj/11 ././PUNCT/./punct/9",
    ),
    # 'came to an end', 'superseded', not renewed and expired: ended; an end ahead or refused leaves it in force,
    # a renewal refused alone is none made
    (
        "The agreement with Canada came to an end in 1866.",
        "ended",
        "The/DT/DET/the/det/1 agreement/NN/NOUN/agreement/nsubj/4 with/IN/ADP/with/prep/1 Canada/NNP/PROPN/Canada/pobj/2 came/VBD/VERB/come/ROOT/4 to/IN/ADP/to/prep/4 an/DT/DET/an/det/7 end/NN/NOUN/end/pobj/5 in/IN/ADP/in/prep/4 1866/CD/NUM/1866/pobj/8 ././PUNCT/./punct/4",
    ),
    (
        "The agreement with Canada will come to an end in 2030.",
        "in_force",
        "The/DT/DET/the/det/1 agreement/NN/NOUN/agreement/nsubj/5 with/IN/ADP/with/prep/1 Canada/NNP/PROPN/Canada/pobj/2 will/MD/AUX/will/aux/5 come/VB/VERB/come/ROOT/5 to/IN/ADP/to/prep/5 an/DT/DET/an/det/8 end/NN/NOUN/end/pobj/6 in/IN/ADP/in/prep/5 2030/CD/NUM/2030/pobj/9 ././PUNCT/./punct/5",
    ),
    (
        "We will not let the treaty come to an end.",
        "in_force",
        "We/PRP/PRON/we/nsubj/3 will/MD/AUX/will/aux/3 not/RB/PART/not/neg/3 let/VB/VERB/let/ROOT/3 the/DT/DET/the/det/5 treaty/NN/NOUN/treaty/nsubj/6 come/VB/VERB/come/ccomp/3 to/IN/ADP/to/prep/6 an/DT/DET/an/det/9 end/NN/NOUN/end/pobj/7 ././PUNCT/./punct/3",
    ),
    (
        "The treaty with Britain has been superseded by the new treaty.",
        "ended",
        "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubjpass/6 with/IN/ADP/with/prep/1 Britain/NNP/PROPN/Britain/pobj/2 has/VBZ/AUX/have/aux/6 been/VBN/AUX/be/auxpass/6 superseded/VBN/VERB/supersede/ROOT/6 by/IN/ADP/by/agent/6 the/DT/DET/the/det/10 new/JJ/ADJ/new/amod/10 treaty/NN/NOUN/treaty/pobj/7 ././PUNCT/./punct/6",
    ),
    (
        "The treaty with Britain will be superseded by the new treaty.",
        "in_force",
        "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubjpass/6 with/IN/ADP/with/prep/1 Britain/NNP/PROPN/Britain/pobj/2 will/MD/AUX/will/aux/6 be/VB/AUX/be/auxpass/6 superseded/VBN/VERB/supersede/ROOT/6 by/IN/ADP/by/agent/6 the/DT/DET/the/det/10 new/JJ/ADJ/new/amod/10 treaty/NN/NOUN/treaty/pobj/7 ././PUNCT/./punct/6",
    ),
    (
        "The treaty with Japan was not renewed and expired in January.",
        "ended",
        "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubjpass/6 with/IN/ADP/with/prep/1 Japan/NNP/PROPN/Japan/pobj/2 was/VBD/AUX/be/auxpass/6 not/RB/PART/not/neg/6 renewed/VBN/VERB/renew/ROOT/6 and/CC/CCONJ/and/cc/6 expired/VBN/VERB/expire/conj/6 in/IN/ADP/in/prep/8 January/NNP/PROPN/January/pobj/9 ././PUNCT/./punct/6",
    ),
    (
        "The treaty with Japan was not renewed.",
        "planned",
        "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubjpass/6 with/IN/ADP/with/prep/1 Japan/NNP/PROPN/Japan/pobj/2 was/VBD/AUX/be/auxpass/6 not/RB/PART/not/neg/6 renewed/VBN/VERB/renew/ROOT/6 ././PUNCT/./punct/6",
    ),
    # a later stage denied, with the text or terms said to be settled or agreed in a joined clause: agreed; talks
    # said to go on: in negotiation; nothing reached: planned
    (
        "No agreement has been concluded with Austria, but its terms have been settled.",
        "agreed",
        "No/DT/DET/no/det/1 agreement/NN/NOUN/agreement/nsubjpass/4 has/VBZ/AUX/have/aux/4 been/VBN/AUX/be/auxpass/4 concluded/VBN/VERB/conclude/ROOT/4 with/IN/ADP/with/prep/4 Austria/NNP/PROPN/Austria/pobj/5 ,/,/PUNCT/,/punct/4 but/CC/CCONJ/but/cc/4 its/PRP$/PRON/its/poss/10 terms/NNS/NOUN/term/nsubjpass/13 have/VBP/AUX/have/aux/13 been/VBN/AUX/be/auxpass/13 settled/VBN/VERB/settle/conj/4 ././PUNCT/./punct/13",
    ),
    (
        "No agreement has been concluded with Austria, and none is expected.",
        "planned",
        "No/DT/DET/no/det/1 agreement/NN/NOUN/agreement/nsubjpass/4 has/VBZ/AUX/have/aux/4 been/VBN/AUX/be/auxpass/4 concluded/VBN/VERB/conclude/ROOT/4 with/IN/ADP/with/prep/4 Austria/NNP/PROPN/Austria/pobj/5 ,/,/PUNCT/,/punct/4 and/CC/CCONJ/and/cc/4 none/NN/NOUN/none/nsubjpass/11 is/VBZ/AUX/be/auxpass/11 expected/VBN/VERB/expect/conj/4 ././PUNCT/./punct/11",
    ),
    (
        "The treaty has not been signed, but its text has been agreed.",
        "agreed",
        "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubjpass/5 has/VBZ/AUX/have/aux/5 not/RB/PART/not/neg/5 been/VBN/AUX/be/auxpass/5 signed/VBN/VERB/sign/ROOT/5 ,/,/PUNCT/,/punct/5 but/CC/CCONJ/but/cc/5 its/PRP$/PRON/its/poss/9 text/NN/NOUN/text/nsubjpass/12 has/VBZ/AUX/have/aux/12 been/VBN/AUX/be/auxpass/12 agreed/VBN/VERB/agree/conj/5 ././PUNCT/./punct/12",
    ),
    (
        "The treaty has not been signed, and negotiations continue.",
        "in_negotiation",
        "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubjpass/5 has/VBZ/AUX/have/aux/5 not/RB/PART/not/neg/5 been/VBN/AUX/be/auxpass/5 signed/VBN/VERB/sign/ROOT/5 ,/,/PUNCT/,/punct/5 and/CC/CCONJ/and/cc/5 negotiations/NNS/NOUN/negotiation/nsubj/9 continue/VBP/VERB/continue/conj/5 ././PUNCT/./punct/9",
    ),
    # a draft or proposed treaty the sides have agreed on, or whose form a joined clause settles, is agreed; one
    # only tabled or accepted is planned
    (
        "We have agreed with Moscow on the draft treaty.",
        "agreed",
        "We/PRP/PRON/we/nsubj/2 have/VBP/AUX/have/aux/2 agreed/VBN/VERB/agree/ROOT/2 with/IN/ADP/with/prep/2 Moscow/NNP/PROPN/Moscow/pobj/3 on/IN/ADP/on/prep/2 the/DT/DET/the/det/8 draft/NN/NOUN/draft/compound/8 treaty/NN/NOUN/treaty/pobj/5 ././PUNCT/./punct/2",
    ),
    (
        "We have tabled the draft treaty in Geneva.",
        "planned",
        "We/PRP/PRON/we/nsubj/2 have/VBP/AUX/have/aux/2 tabled/VBN/VERB/table/ROOT/2 the/DT/DET/the/det/5 draft/NN/NOUN/draft/compound/5 treaty/NN/NOUN/treaty/dobj/2 in/IN/ADP/in/prep/5 Geneva/NNP/PROPN/Geneva/pobj/6 ././PUNCT/./punct/2",
    ),
    (
        "Canada has accepted the proposed convention, and our negotiators have settled its form.",
        "agreed",
        "Canada/NNP/PROPN/Canada/nsubj/2 has/VBZ/AUX/have/aux/2 accepted/VBN/VERB/accept/ROOT/2 the/DT/DET/the/det/5 proposed/VBN/VERB/propose/amod/5 convention/NN/NOUN/convention/dobj/2 ,/,/PUNCT/,/punct/2 and/CC/CCONJ/and/cc/2 our/PRP$/PRON/our/poss/9 negotiators/NNS/NOUN/negotiator/nsubj/11 have/VBP/AUX/have/aux/11 settled/VBN/VERB/settle/conj/2 its/PRP$/PRON/its/poss/13 form/NN/NOUN/form/dobj/11 ././PUNCT/./punct/11",
    ),
    (
        "Canada has accepted the proposed convention.",
        "planned",
        "Canada/NNP/PROPN/Canada/nsubj/2 has/VBZ/AUX/have/aux/2 accepted/VBN/VERB/accept/ROOT/2 the/DT/DET/the/det/5 proposed/VBN/VERB/propose/amod/5 convention/NN/NOUN/convention/dobj/2 ././PUNCT/./punct/2",
    ),
    # walking away from (backing out of) an agreement ends it, outranking the clause that says it was reached;
    # refused, it stands
    (
        "Russia walked away from the treaty in 2002.",
        "ended",
        "Russia/NNP/PROPN/Russia/nsubj/1 walked/VBD/VERB/walk/ROOT/1 away/RB/ADV/away/advmod/1 from/IN/ADP/from/prep/2 the/DT/DET/the/det/5 treaty/NN/NOUN/treaty/pobj/3 in/IN/ADP/in/prep/1 2002/CD/NUM/2002/pobj/6 ././PUNCT/./punct/1",
    ),
    (
        "We will not walk away from the treaty.",
        "in_force",
        "We/PRP/PRON/we/nsubj/3 will/MD/AUX/will/aux/3 not/RB/PART/not/neg/3 walk/VB/VERB/walk/ROOT/3 away/RB/ADV/away/advmod/3 from/IN/ADP/from/prep/4 the/DT/DET/the/det/7 treaty/NN/NOUN/treaty/pobj/5 ././PUNCT/./punct/3",
    ),
    (
        "North Korea walked away from the agreement it had reached.",
        "ended",
        "North/NNP/PROPN/North/compound/1 Korea/NNP/PROPN/Korea/nsubj/2 walked/VBD/VERB/walk/ROOT/2 away/RB/ADV/away/advmod/2 from/IN/ADP/from/prep/3 the/DT/DET/the/det/6 agreement/NN/NOUN/agreement/pobj/4 it/PRP/PRON/it/nsubj/9 had/VBD/AUX/have/aux/9 reached/VBN/VERB/reach/relcl/6 ././PUNCT/./punct/2",
    ),
    (
        "The United States backed out of the deal in 2018.",
        "ended",
        "The/DT/DET/the/det/2 United/NNP/PROPN/United/compound/2 States/NNP/PROPN/States/nsubj/3 backed/VBD/VERB/back/ROOT/3 out/IN/ADP/out/prep/3 of/IN/ADP/of/prep/4 the/DT/DET/the/det/7 deal/NN/NOUN/deal/pobj/5 in/IN/ADP/in/prep/3 2018/CD/NUM/2018/pobj/8 ././PUNCT/./punct/3",
    ),
    # what a country has under a treaty, said with 'treaty' as a modifier, shows it in force; dropped, it ended
    (
        "We remain steadfast in our treaty commitments to Korea.",
        "in_force",
        "We/PRP/PRON/we/nsubj/1 remain/VBP/VERB/remain/ROOT/1 steadfast/JJ/ADJ/steadfast/acomp/1 in/IN/ADP/in/prep/2 our/PRP$/PRON/our/poss/6 treaty/NN/NOUN/treaty/compound/6 commitments/NNS/NOUN/commitment/pobj/3 to/IN/ADP/to/prep/1 Korea/NNP/PROPN/Korea/pobj/7 ././PUNCT/./punct/1",
    ),
    (
        "They abandoned their treaty commitments to Korea.",
        "ended",
        "They/PRP/PRON/they/nsubj/1 abandoned/VBD/VERB/abandon/ROOT/1 their/PRP$/PRON/their/poss/4 treaty/NN/NOUN/treaty/compound/4 commitments/NNS/NOUN/commitment/dobj/1 to/IN/ADP/to/prep/1 Korea/NNP/PROPN/Korea/pobj/5 ././PUNCT/./punct/1",
    ),
    # ready for (awaiting) signature: the text reached, not signed; to be ready later: planned; awaiting
    # ratification: signed
    (
        "The treaty with Japan is now ready for signature.",
        "agreed",
        "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubj/4 with/IN/ADP/with/prep/1 Japan/NNP/PROPN/Japan/pobj/2 is/VBZ/AUX/be/ROOT/4 now/RB/ADV/now/advmod/4 ready/JJ/ADJ/ready/acomp/4 for/IN/ADP/for/prep/6 signature/NN/NOUN/signature/pobj/7 ././PUNCT/./punct/4",
    ),
    (
        "The treaty with Japan will be ready for signature by June.",
        "planned",
        "The/DT/DET/the/det/1 treaty/NN/NOUN/treaty/nsubj/5 with/IN/ADP/with/prep/1 Japan/NNP/PROPN/Japan/pobj/2 will/MD/AUX/will/aux/5 be/VB/AUX/be/ROOT/5 ready/JJ/ADJ/ready/acomp/5 for/IN/ADP/for/prep/6 signature/NN/NOUN/signature/pobj/7 by/IN/ADP/by/prep/5 June/NNP/PROPN/June/pobj/9 ././PUNCT/./punct/5",
    ),
    (
        "The agreement with Mexico is awaiting signature.",
        "agreed",
        "The/DT/DET/the/det/1 agreement/NN/NOUN/agreement/nsubj/5 with/IN/ADP/with/prep/1 Mexico/NNP/PROPN/Mexico/pobj/2 is/VBZ/AUX/be/aux/5 awaiting/VBG/VERB/await/ROOT/5 signature/NN/NOUN/signature/dobj/5 ././PUNCT/./punct/5",
    ),
    (
        "The agreement with Mexico is awaiting ratification.",
        "signed",
        "The/DT/DET/the/det/1 agreement/NN/NOUN/agreement/nsubj/5 with/IN/ADP/with/prep/1 Mexico/NNP/PROPN/Mexico/pobj/2 is/VBZ/AUX/be/aux/5 awaiting/VBG/VERB/await/ROOT/5 ratification/NN/NOUN/ratification/dobj/5 ././PUNCT/./punct/5",
    ),
]


@pytest.mark.parametrize(("sentence", "status", "spec"), CASES, ids=[c[0] for c in CASES])
def test_status_rule_round9(sentence: str, status: str, spec: str) -> None:
    assert_status(sentence, status, spec)
