"""Articles written for one test into a folder the fixture newsroom serves (same page template as the demo)."""

from __future__ import annotations

from pathlib import Path


def write_article(
    folder: Path, *, slug: str, title: str, published: str, paragraphs: list[str], kind: str = "news"
) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    header = f"title: {title}\nkind: {kind}\npublished: {published}\nsummary: {paragraphs[0][:120]}\n"
    (folder / f"{slug}.txt").write_text(header + "\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
