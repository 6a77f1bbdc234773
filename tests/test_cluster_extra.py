"""Cluster mode without its extra installed says how to install it from what a user has: presswatch is not on
PyPI, so the advice `pip install 'presswatch[cluster]'` found nothing there (and would install someone else's
package if one ever took the name). Run through the command line, with Celery or psycopg made unimportable."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest


@pytest.mark.parametrize(
    ("missing", "argv"),
    [
        (("celery", "kombu"), ["worker", "--queue", "index"]),
        (("psycopg", "psycopg_pool"), ["sources"]),
    ],
)
def test_without_the_cluster_extra_the_error_says_how_to_install_it(
    tmp_path: Path, missing: tuple[str, ...], argv: list[str]
) -> None:
    script = textwrap.dedent(
        f"""
        import sys
        for name in {missing!r}:
            sys.modules[name] = None
        from presswatch.cli import main
        sys.exit(main({argv!r}))
        """
    )
    env = {
        **os.environ,
        "PRESSWATCH_DATA_DIR": str(tmp_path),
        "PRESSWATCH_BROKER_URL": "amqp://guest:guest@127.0.0.1:9//",
        "PRESSWATCH_DATABASE_URL": "postgresql://127.0.0.1:9/presswatch",
        "PRESSWATCH_SEARCH_BACKEND": "elasticsearch",
    }
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120, check=False
    )
    assert result.returncode == 2, result.stderr[-2000:]
    assert "is not installed: install presswatch with its cluster extra" in result.stderr
    assert "pip install '.[cluster]' in the checkout" in result.stderr
    assert "'presswatch[cluster]'" not in result.stderr
