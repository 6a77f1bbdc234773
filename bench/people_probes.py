"""People, their roles and quote speakers on written probe texts in the styles of many governments and outlets.

    python bench/people_probes.py [--batch N] [--errors]

`bench/data/people_probes.json` holds short texts written for presswatch (not taken from any text), annotated
as `bench/devset/GUIDE.md` says. Each batch was written before the rules it probes and scored once; the
figures are the development set's (`bench/devset_scoring.py`): people, people with roles, quotes.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.devset_scoring import FIELDS
from bench.probes import probe_texts, run

PROBES = Path(__file__).resolve().parent / "data" / "people_probes.json"
_FIELDS = [f for f in FIELDS if f.name in ("people", "people with roles", "quotes")]


def entries(batch: int | None) -> list[dict[str, Any]]:
    """The probe texts as development-set entries (people and quotes only)."""
    return [
        {
            "id": t["id"],
            "text": t["text"],
            "people": [{"name": name, "role": role} for name, role in t["people"]],
            "quotes": [{"speaker": speaker, "starts": starts} for speaker, starts in t["quotes"]],
        }
        for t in probe_texts(PROBES, batch)
    ]


def main() -> None:
    run(__doc__.splitlines()[0], PROBES, entries, _FIELDS)


if __name__ == "__main__":
    main()
