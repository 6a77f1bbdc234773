"""The aliases file: read with clear errors, and applied to mentions, speakers and agreement parties."""

from __future__ import annotations

from pathlib import Path

import pytest

from presswatch.aliases import AliasesError, load_aliases
from presswatch.document import Agreement, Document, Mention, Quote

FILE = """
ignore = ["Council"]

[[entity]]
name = "Keir Starmer"
aliases = ["Starmer", "Sir Keir Starmer"]
role = "Prime Minister"

[[entity]]
name = "Côte d'Ivoire"
aliases = ["Ivory Coast"]
label = "GPE"
"""


def mention(text: str, label: str = "ORG", normalized: str | None = None) -> Mention:
    return Mention(text=text, label=label, normalized=normalized or text, start=0, end=len(text))


def document(**fields: object) -> Document:
    return Document.from_page(url="https://a.test/1", source="s", title="t", body="b", **fields)


def test_a_missing_file_is_no_aliases(tmp_path: Path) -> None:
    assert not load_aliases(tmp_path / "aliases.toml")
    assert not load_aliases(None)


def test_invalid_toml_and_unknown_labels_say_where(tmp_path: Path) -> None:
    path = tmp_path / "aliases.toml"
    path.write_text("[[entity]\nname = 1", encoding="utf-8")
    with pytest.raises(AliasesError, match=r"aliases\.toml: not valid TOML"):
        load_aliases(path)
    path.write_text('[[entity]]\nname = "X"\nlabel = "THING"\n', encoding="utf-8")
    with pytest.raises(AliasesError, match=r"entity\.0\.label"):
        load_aliases(path)


def test_merge_relabel_and_drop(tmp_path: Path) -> None:
    path = tmp_path / "aliases.toml"
    path.write_text(FILE, encoding="utf-8")
    aliases = load_aliases(path)
    doc = document(
        entities=(
            mention("Starmer", "PERSON"),
            mention("Ivory Coast", "ORG"),
            mention("the Council", "ORG", "Council"),
            mention("EU", "ORG", "European Union"),
        ),
        quotes=(Quote(text="We will act now.", speaker="Sir Keir Starmer", start=0, end=1),),
        agreements=(
            Agreement(text="", parties=("United Kingdom", "Ivory Coast"), status="signed", start=0, end=1),
        ),
    )
    fixed = aliases.apply(doc)
    assert [(m.label, m.normalized, m.code, m.role) for m in fixed.entities] == [
        ("PERSON", "Keir Starmer", None, "Prime Minister"),
        ("GPE", "Côte d'Ivoire", "CI", None),
        ("ORG", "European Union", None, None),
    ]
    assert (fixed.quotes[0].speaker, fixed.quotes[0].role) == ("Keir Starmer", "Prime Minister")
    assert fixed.agreements[0].parties == ("United Kingdom", "Côte d'Ivoire")
    assert aliases.apply(fixed) == fixed
