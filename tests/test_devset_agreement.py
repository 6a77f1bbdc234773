"""Inter-annotator agreement (bench/devset_agreement.py): the scorer's keys on both annotations, the set as reference."""

import json
from pathlib import Path

import pytest

from bench.devset_agreement import agreement, compared_fields, main, second_entries
from bench.devset_scoring import FIELDS


def _entry(id: str, split: str = "tune", **fields: object) -> dict[str, object]:
    empty: dict[str, object] = {
        "agreements": [],
        "figures": [],
        "people": [],
        "organisations": [],
        "countries": [],
        "quotes": [],
    }
    return {"id": id, "split": split, **empty, **fields}


def test_the_second_annotator_plays_the_extractor_and_the_set_the_gold() -> None:
    first = _entry(
        "a",
        organisations=["The Acme Trust", "Borduria Council"],
        people=[{"name": "Jo Doe", "role": "Mayor"}],
    )
    second = _entry(
        "a",
        organisations=["Acme Trust", "Freedonia Office", "Syldavia Bank"],
        people=[{"name": "Jo Doe", "role": None}],
    )
    scores = agreement([(first, second)], FIELDS)
    orgs = scores["organisations"]
    assert (orgs.tp, orgs.fp, orgs.fn) == (1, 2, 1)  # the leading "the" does not matter, as in the scorer
    assert orgs.precision == pytest.approx(1 / 3) and orgs.recall == pytest.approx(1 / 2)
    assert scores["people"].f1 == 1.0 and scores["people with roles"].f1 == 0.0


def test_status_is_compared_only_over_agreements_both_annotators_have() -> None:
    first = _entry("a", agreements=[{"parties": ["Ruritania", "Freedonia"], "status": "signed"}])
    second = _entry(
        "a",
        agreements=[
            {"parties": ["Ruritania", "Freedonia"], "status": "in_force"},
            {"parties": ["Ruritania", "Borduria"], "status": "planned"},
        ],
    )
    scores = agreement([(first, second)], FIELDS)
    status = scores["agreement status"]
    assert (status.tp, status.fp, status.fn) == (
        0,
        1,
        1,
    )  # Borduria's agreement is the parties' miss, not the status's
    assert scores["agreement parties"].precision == 0.5


def test_a_field_the_second_annotation_leaves_out_is_not_compared() -> None:
    partial: dict[str, list[object]] = {"agreements": [], "organisations": [], "people": []}
    names = [f.name for f in compared_fields([partial])]
    assert "organisations" in names and "people with roles" in names and "agreement status" in names
    assert not {"figures", "countries", "quotes", "money"} & set(names)


def test_the_command_prints_each_half_and_the_keys_in_disagreement(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reference = tmp_path / "annotations.json"
    reference.write_text(
        json.dumps(
            {
                "texts": [
                    _entry("t1", countries=["RU"], batch="b"),
                    _entry("h1", split="heldout", countries=["FR"], batch="b"),
                    _entry("other", countries=["DE"]),
                ]
            }
        ),
        encoding="utf-8",
    )
    second = tmp_path / "second.json"
    texts = {
        "t1": _entry("t1", countries=["RU", "UA"]),
        "h1": _entry("h1", countries=["FR"]),
        "other": _entry("other"),
    }
    second.write_text(json.dumps({"texts": texts}), encoding="utf-8")
    assert set(second_entries(second)) == {"t1", "h1", "other"}
    assert main([str(second), "--reference", str(reference), "--batch", "b", "--diff"]) == 0
    out = capsys.readouterr().out
    assert "tune: 1 texts" in out and "heldout: 1 texts" in out and "all: 2 texts" in out
    assert "| countries | 2 | 3 | 2 | 0.67 | 1.00 | 0.80 |" in out  # the batch's two texts, not "other"
    assert "t1 [countries] second only: ('UA',)" in out
    assert "other" not in out.split("all: 2 texts")[1]
