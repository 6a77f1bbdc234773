"""Agreement status on the probe sentences of `tests/nlp/data/status_probes*.tsv` (written before the rules, in
the styles of many governments, wires and presidential addresses), through the real model and the rules alone:
where the extractor finds the probe's parties, it reads the probe's status. `bench/status_probes.py` prints
the batch's figures."""

from __future__ import annotations

import pytest

from bench.status_probes import Probe, found, read
from tests.nlp.agreement_cases import rules

# Probes the rules still get wrong, kept in the batch so the figure stays honest.
KNOWN_MISSES = {
    # 'signed copies of an MoU': the participle is on the copies, not on the agreement
    "India and Oman exchanged signed copies of an MoU on maritime cooperation in Muscat.",
    # its parties are found since the parties' round 4 (the 'with Panama' of a 'Since ...' clause); the status
    # rules read the ratification as 'signed'
    "Since the ratification of the canal treaties with Panama, relations between our two countries have never "
    "been better.",
    # 'is a reality' says it stands only through the noun's meaning
    "Today the St. Lawrence Seaway agreement with Canada is a reality, and ships from every nation sail into "
    "the heart of our continent.",
    # round 4: the parser reads 'arrangement' as the sentence's verb
    "The fisheries arrangement with Great Britain lapsed at the close of the season.",
    # round 7b: commitments 'under the Compact' read it as operating; the probe's writer read the funding
    # still awaited as signed
    "The United States will continue to fulfill its commitments under the Compact with Palau, signed in 2023, "
    "once the Congress approves the funding.",
    # round 8c: 'an understanding' is no agreement noun to the rules, so 'arrived at' reaches nothing they read
    "India and Bangladesh have arrived at an understanding on the sharing of the Teesta waters.",
    # round 9: the writer read a new agreement 'to be drafted' as planned; the rules read drafting as working on
    # it ('will draft a memorandum', in negotiation), the line the annotation guide's 'committed to develop' draws
    "A new agreement with Japan on textiles will be drafted this spring.",
    # round 9b: the writer read the peace treaty the agreed framework 'will lead to' as agreed; the rules read a
    # treaty still to come as planned (the writer's reading is the doubtful one)
    "The framework we agreed at Camp David with Egypt and Israel will lead to a peace treaty this year.",
    # parties round 9: found now (the Soviet Union's signature); the status rules read seeking a signature on a
    # treaty as negotiating it, where the writer read it as planned
    "We will seek the Soviet Union's signature on a treaty banning chemical weapons next year.",
    # round 13c: a parties miss the status is scored through: the Paris Agreement, named by its own name and no
    # side, takes the sides of the sentence before (New Zealand and Chile) and its 'binds' reads in force
    "New Zealand and Chile signed a Digital Economy Partnership Agreement with Singapore in 2020. The Paris "
    "Agreement, by contrast, binds nearly every nation.",
    # round 14: offers exchanged 'on' an agreement (not 'for' it) are not read as talks on it
    "Singapore and Peru exchanged initial market access offers on a free trade agreement.",
}


PROBES = read()


@pytest.mark.parametrize("probe", PROBES, ids=[f"{p.style}:{p.sentence[:50]}" for p in PROBES])
def test_probe_status(probe: Probe) -> None:
    statuses = {status for parties, status in found(rules(), probe) if parties == probe.parties}
    if not statuses:
        pytest.skip("parties not found: the parties field's error, not the status's")
    if probe.sentence in KNOWN_MISSES:
        assert statuses != {probe.status}, "a known miss now passes: take it off KNOWN_MISSES"
        return
    assert statuses == {probe.status}
