"""Issue 16, point 17, as a user meets it: `presswatch alerts add` a figure watch, `presswatch ingest` two
texts through the real NLP, `presswatch alerts fired`: the road-repair budget in a text that also names the
Border Force does not fire the Border Force watch; the Border Force's own money does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROADS = (
    "Border Force recruits officers\n\nThe Border Force will recruit 300 new officers this year, the Home Office"
    " said. Separately, Kent County Council set aside £5 million for road repairs on the A2.\n"
)
BOATS = (
    "Border Force gets new boats\n\nThe Border Force will receive £10 million for new patrol boats, the Home"
    " Office said on Monday.\n"
)


def _presswatch(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRESSWATCH_DATA_DIR": str(data_dir)}
    done = subprocess.run(
        [sys.executable, "-m", "presswatch", *args], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done


def test_a_figure_watch_fires_for_the_entitys_figure_only(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    added = _presswatch(data_dir, "alerts", "add", "--entity", "Border Force", "--min-amount", "1000000")
    search_id = json.loads(added.stdout)["id"]
    for name, text in (("roads", ROADS), ("boats", BOATS)):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        _presswatch(
            data_dir, "ingest", str(tmp_path / f"{name}.txt"), "--url", f"https://www.gov.example/{name}"
        )
    fired = _presswatch(data_dir, "alerts", "fired", search_id).stdout
    assert "Border Force gets new boats" in fired and "figure:GBP:1e+07" in fired
    assert "Border Force recruits officers" not in fired, (
        "a council's road budget is not a Border Force figure"
    )
