"""Organisations on written probe texts in the styles of many outlets and governments.

    python bench/organisation_probes.py [--batch N] [--errors]

`bench/data/organisation_probes.json` holds short texts written for presswatch (not taken from any text),
annotated as `bench/devset/GUIDE.md` says. Each batch was written before the rules it probes and scored once;
the figure is the development set's organisations field (`bench/devset_scoring.py`).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.devset_scoring import FIELDS
from bench.probes import probe_texts, run

PROBES = Path(__file__).resolve().parent / "data" / "organisation_probes.json"
_FIELDS = [f for f in FIELDS if f.name == "organisations"]


def entries(batch: int | None) -> list[dict[str, Any]]:
    """The probe texts as development-set entries (organisations only)."""
    return [
        {"id": t["id"], "text": t["text"], "url": t["url"], "organisations": t["organisations"]}
        for t in probe_texts(PROBES, batch)
    ]


def main() -> None:
    run(__doc__.splitlines()[0], PROBES, entries, _FIELDS)


if __name__ == "__main__":
    main()
