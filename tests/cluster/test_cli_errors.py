"""The cluster commands say what is missing in one line and exit 2, before they connect to anything."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def _run(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("PRESSWATCH_")}
    return subprocess.run(
        [sys.executable, "-m", "presswatch", *args],
        env={**clean, "PRESSWATCH_DATA_DIR": str(tmp_path), **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (["worker", "--queue", "index"], {}, "PRESSWATCH_BROKER_URL is not set"),
        (["scheduler"], {}, "PRESSWATCH_BROKER_URL is not set"),
        (["quarantine", "list"], {}, "PRESSWATCH_BROKER_URL is not set"),
        (
            ["worker", "--queue", "crawl"],
            {"PRESSWATCH_BROKER_URL": "amqp://127.0.0.1:9//"},
            "needs PRESSWATCH_DATABASE_URL",
        ),
        (
            ["worker", "--queue", "index"],
            {
                "PRESSWATCH_BROKER_URL": "amqp://127.0.0.1:9//",
                "PRESSWATCH_DATABASE_URL": "postgresql://x@127.0.0.1:9/x",
            },
            "index workers write to Elasticsearch",
        ),
        (["worker", "--queue", "index", "--concurrency", "0"], {}, "from 1 to 64"),
        (["quarantine", "replay"], {"PRESSWATCH_BROKER_URL": "amqp://127.0.0.1:9//"}, "--id ID"),
    ],
)
def test_a_cluster_command_without_what_it_needs_says_so(
    tmp_path: Path, args: list[str], env: dict[str, str], message: str
) -> None:
    result = _run(tmp_path, *args, **env)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr
