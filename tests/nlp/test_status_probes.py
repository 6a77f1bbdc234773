"""Agreement status on the probe sentences of `tests/nlp/data/status_probes*.tsv` (written before the rules, in
the styles of many governments, wires and presidential addresses), through the real model and the rules alone:
where the extractor finds the probe's parties, it reads the probe's status. `bench/status_probes.py` prints
the batch's figures."""

from __future__ import annotations

from functools import lru_cache

import pytest

from bench.status_probes import Probe, found, read
from nlp.pipeline import Extractor

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
    # round 6: the treaty is read inside 'looking to a new treaty' (planned), not from the talks commenced
    "We have already commenced negotiations with Japan looking to a new treaty of commerce and navigation.",
    # round 7: 'is the foundation of' says it stands only through the noun's meaning ('is' says what it is)
    "The security treaty with Japan is the foundation of peace in Asia.",
    # round 7: 'will continue to cut' says it operates now, but a future 'continue' is read as what it will do
    "The EU-Japan Economic Partnership Agreement will continue to cut tariffs for European exporters.",
    # round 7b: commitments 'under the Compact' read it as operating; the probe's writer read the funding
    # still awaited as signed
    "The United States will continue to fulfill its commitments under the Compact with Palau, signed in 2023, "
    "once the Congress approves the funding.",
    # round 7e: 'the agreement ... reached with Japan' is read as pointing back (its 'with' hangs on the
    # participle), so the sentence's agreement is the treaty it 'will be turned into' (planned)
    "The agreement in principle reached with Japan will be turned into a full treaty next year.",
    # round 7e: the terms agreed are no agreement noun; the treaty 'to be signed' is planned
    "The terms agreed with Great Britain will be embodied in a treaty to be signed this summer.",
    # round 8: the treaty 'will be drafted' is read as a second agreement, in negotiation, beside the agreement
    # in principle reached (agreed)
    "Agreement in principle has been reached with Mexico, and a treaty will be drafted this spring.",
    # round 8: 'settled the terms of' is no concluding verb to the rules ('settle' also settles disputes), so the
    # treaty 'which will be signed' is planned
    "We have settled the terms of a new treaty with Panama, which will be signed in September.",
    # round 8c: 'an understanding' is no agreement noun to the rules, so 'arrived at' reaches nothing they read
    "India and Bangladesh have arrived at an understanding on the sharing of the Teesta waters.",
}


@lru_cache(maxsize=1)
def rules() -> Extractor:
    return Extractor(use_classifier=False)


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
