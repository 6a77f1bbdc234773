"""schemathesis with every check against a running `presswatch demo`: the API does what its schema says."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.demo_process import free_port, running_demo

EXAMPLES_PER_OPERATION = 40  # bounded, so CI spends about a minute here


@pytest.mark.slow
def test_schemathesis_finds_nothing_against_the_demo(tmp_path: Path) -> None:
    port = free_port()
    env = {
        **os.environ,
        "PRESSWATCH_DATA_DIR": str(tmp_path / "data"),
        "PRESSWATCH_CRAWL_START_DELAY": "0",
        "PRESSWATCH_CRAWL_ALLOW_PRIVATE_NETWORKS": "true",
    }
    command = [sys.executable, "-m", "presswatch"]
    with running_demo(command, port=port, env=env, log_path=tmp_path / "demo.log"):
        run = subprocess.run(
            [
                str(Path(sys.executable).with_name("schemathesis")),
                "--config-file",
                str(Path(__file__).with_name("schemathesis.toml")),
                "run",
                f"http://127.0.0.1:{port}/openapi.json",
                "--max-examples",
                str(EXAMPLES_PER_OPERATION),
                "--seed",
                "20260612",
                "--workers",
                "1",
            ],
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
            cwd=tmp_path,
        )
        assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]


def test_the_config_runs_every_check() -> None:
    """The run above passes no `--checks` (it would outrank the config's one per-operation exception), so the
    config itself must leave every registered check on."""
    from schemathesis.checks import CHECKS, load_all_checks
    from schemathesis.config import SchemathesisConfig

    load_all_checks()
    config = SchemathesisConfig.from_path(str(Path(__file__).with_name("schemathesis.toml")))
    checks = config.projects.get_default().checks_config_for()
    names = CHECKS.get_all_names()
    assert "negative_data_rejection" in names
    assert [name for name in names if not checks.get_by_name(name=name).enabled] == []
