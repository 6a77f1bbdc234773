"""Language detection on small fixtures in the languages of the newsrooms we watch, and on real pages."""

from __future__ import annotations

import gzip
import json

import pytest

from crawlers.dates import page_tree
from crawlers.language import detect_language
from tests.conftest import SHARED_EVAL, require_shared

DATES = SHARED_EVAL / "dates-htmldate"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The Home Secretary announced new agreements with Serbia, North Macedonia and Kosovo today."),
        (
            "de",
            "Die Bundesregierung hat am Dienstag neue Abkommen mit Serbien und Nordmazedonien unterzeichnet.",
        ),
        ("fr", "Le gouvernement a annoncé mardi de nouveaux accords avec la Serbie et la Macédoine du Nord."),
        ("sr", "Влада Републике Србије усвојила је данас нови закон о граничној безбедности и сарадњи."),
        ("sq", "Qeveria e Kosovës miratoi sot marrëveshjen e re për bashkëpunim me Mbretërinë e Bashkuar."),
        ("es", "El Gobierno ha aprobado hoy un nuevo acuerdo de cooperación con el Reino Unido."),
    ],
)
def test_languages_of_the_newsrooms_we_watch(language: str, text: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize("text", ["", "2026", "£75m", "OK!"])
def test_too_little_text_has_no_language(text: str) -> None:
    assert detect_language(text) is None


def test_real_german_and_english_pages() -> None:
    require_shared(DATES)
    gold = json.loads((DATES / "gold.json").read_text(encoding="utf-8"))
    checked = correct = 0
    for entry in list({e["file"]: e for e in gold.values()}.values())[:300]:
        tree = page_tree(gzip.decompress((DATES / "html" / f"{entry['file']}.gz").read_bytes()))
        declared = (tree.get("lang") or "")[:2].lower() if tree is not None else ""
        if tree is None or declared not in ("de", "en"):
            continue
        text = " ".join(" ".join(p.text_content().split()) for p in tree.iter("p"))
        if len(text) < 500:
            continue
        checked += 1
        correct += detect_language(text) == declared
    assert checked > 100
    assert correct / checked > 0.9
