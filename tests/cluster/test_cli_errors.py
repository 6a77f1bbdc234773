"""The cluster commands say what is missing in one line and exit 2, before they connect to anything."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cluster.processes import run_cli


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
    result = run_cli(tmp_path, *args, **env)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr
