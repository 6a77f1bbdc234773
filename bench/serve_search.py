"""`/search` throughput of a real `presswatch serve` under wrk, 50 connections, 15-query mix, 3,500 documents.

The documents are `bench.corpus`'s (news-like bodies with entities, figures and agreements), indexed once into
SQLite. Each variant is a real `presswatch serve` over loopback (rate limit off, access log as configured);
wrk (Debian's `wrk`) runs the 15 queries round robin, and `/health` on the same server is the baseline (the
cost of HTTP alone). Variants run interleaved (A B A B ...), each `--rounds` times; medians are printed with
the load average and how many connections each worker process held (`ss`) beside each run. `--before DIR`
adds `presswatch serve` from another checkout (say `git worktree add /tmp/before main`) with the same worker
counts, the fair "today" figure. One command: `python bench/serve_search.py --before DIR --workers 2`.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import Generator
from search.sqlite import SQLiteBackend

DOCUMENTS = 3_500
CONNECTIONS = 50
# The mix: plain words (common and rare), phrases, OR, exclusion, prefix, filters, a date sort, facets on.
QUERIES = (
    "q=minister",
    "q=trade+agreement",
    "q=health+funding&source=dhsc",
    "q=defence&country=FR",
    'q="united+kingdom"',
    "q=border+OR+migration",
    "q=energy+-oil",
    "q=invest*",
    "country=DE&kind=press_release",
    "q=schools&sort=date",
    "q=budget&from=2025-06-01",
    "q=climate+change+policy",
    "q=police",
    "q=export&currency=GBP&min_amount=10000000",
    "q=prime+minister+visit",
)
_REQUESTS = re.compile(r"Requests/sec:\s+([\d.]+)")
_LATENCY = re.compile(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
_UNIT = {"us": 0.001, "ms": 1.0, "s": 1000.0}


@dataclass(frozen=True)
class Variant:
    name: str
    workers: int
    tree: Path | None = None  # another checkout's code (PYTHONPATH), else this one


@dataclass(frozen=True)
class Run:
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int
    load: float
    split: list[int]  # connections held by each server process, most first


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def build_index(data_dir: Path) -> None:
    backend = SQLiteBackend(path=data_dir / "index.sqlite3")
    try:
        documents = list(Generator().documents(DOCUMENTS))
        for start in range(0, len(documents), 500):
            backend.index(documents[start : start + 500])
    finally:
        backend.close()


def mix_script(folder: Path) -> Path:
    paths = ",".join('"/search?' + q.replace('"', "%22") + '"' for q in QUERIES)
    script = folder / "mix.lua"
    script.write_text(
        f"local paths = {{{paths}}}\nlocal i = 0\nrequest = function()\n  i = i + 1\n"
        '  return wrk.format("GET", paths[(i % #paths) + 1])\nend\n',
        encoding="utf-8",
    )
    return script


def start_server(variant: Variant, data_dir: Path, port: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "PRESSWATCH_DATA_DIR": str(data_dir),
        "PRESSWATCH_RATE_LIMIT_PER_MINUTE": "0",
    }
    if variant.tree is not None:
        env["PYTHONPATH"] = str(variant.tree)
    command = [sys.executable, "-m", "presswatch", "serve", "--port", str(port)]
    if variant.workers > 1:
        command += ["--workers", str(variant.workers)]
    server = subprocess.Popen(
        command,
        env=env,
        cwd=variant.tree or Path.cwd(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"presswatch serve ({variant.name}) exited with {server.returncode}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                for query in QUERIES:  # every query answers 200 before it is measured
                    answer = httpx.get(f"http://127.0.0.1:{port}/search?{query}", timeout=30)
                    if answer.status_code != 200:
                        raise SystemExit(f"{variant.name}: /search?{query} answered {answer.status_code}")
                return server
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    server.kill()
    raise SystemExit(f"presswatch serve ({variant.name}) did not answer within 60 s")


def connections_per_process(port: int) -> list[int]:
    """How many of the port's established connections each server process holds (`ss`; [] without it)."""
    try:
        out = subprocess.run(
            ["ss", "-tnp", "state", "established", f"( sport = :{port} )"], capture_output=True, text=True
        ).stdout
    except OSError:
        return []
    return sorted(Counter(re.findall(r"pid=(\d+)", out)).values(), reverse=True)


def wrk(url: str, *, seconds: int, script: Path | None) -> Run:
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency"]
    if script is not None:
        command += ["-s", str(script)]
    load = os.getloadavg()[0]
    with subprocess.Popen([*command, url], stdout=subprocess.PIPE, text=True) as running:
        time.sleep(min(2.0, seconds / 2))
        split = connections_per_process(int(url.rsplit(":", 1)[1].split("/")[0]))
        out, _ = running.communicate()
    if running.returncode != 0:
        raise SystemExit(f"wrk failed ({running.returncode}):\n{out}")
    rps = _REQUESTS.search(out)
    latency = {p: float(v) * _UNIT[u] for p, v, u in _LATENCY.findall(out)}
    if rps is None or "50" not in latency or "99" not in latency:
        raise SystemExit(f"cannot read wrk's output:\n{out}")
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return Run(
        float(rps.group(1)), latency["50"], latency["99"], int(errors.group(1)) if errors else 0, load, split
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument(
        "--before", type=Path, help="a checkout of the code to compare with (run with the same worker counts)"
    )
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (apt-get install wrk): the bench cannot run")
    variants = []
    for n in args.workers:
        workers = f"{n} worker{'s' if n > 1 else ''}"
        if args.before is not None:
            variants.append(Variant(f"before, {workers}", n, args.before.resolve()))
        variants.append(Variant(f"now, {workers}", n))
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder) / "data"
        build_index(data_dir)
        script = mix_script(Path(folder))
        search: dict[str, list[Run]] = {v.name: [] for v in variants}
        health: dict[str, list[Run]] = {v.name: [] for v in variants}
        for round_number in range(args.rounds):
            for variant in variants:
                port = free_port()
                server = start_server(variant, data_dir, port)
                try:
                    url = f"http://127.0.0.1:{port}"
                    health[variant.name].append(wrk(url + "/health", seconds=args.seconds // 2, script=None))
                    run = wrk(url, seconds=args.seconds, script=script)
                    search[variant.name].append(run)
                finally:
                    server.terminate()
                    server.wait(timeout=30)
                print(
                    f"round {round_number + 1} {variant.name:18s} /search {run.rps:7.1f} req/s "
                    f"p50 {run.p50_ms:7.1f} ms p99 {run.p99_ms:7.1f} ms non-2xx {run.errors} "
                    f"(load {run.load:.2f}); connections per worker {run.split}; "
                    f"/health {health[variant.name][-1].rps:7.1f} req/s",
                    flush=True,
                )
    print(
        f"\n## /search, {len(QUERIES)}-query mix, {CONNECTIONS} connections, {DOCUMENTS:,} documents (medians)"
    )
    first = variants[0].name
    for variant in variants:
        runs, base = search[variant.name], health[variant.name]
        rps = statistics.median(r.rps for r in runs)
        print(
            f"{variant.name:18s} {rps:7.1f} req/s  p50 {statistics.median(r.p50_ms for r in runs):7.1f} ms  "
            f"p99 {statistics.median(r.p99_ms for r in runs):7.1f} ms  "
            f"/health {statistics.median(r.rps for r in base):7.1f} req/s  "
            f"ratio to /health {rps / statistics.median(r.rps for r in base):.3f}  "
            f"ratio to {first} {rps / statistics.median(r.rps for r in search[first]):.2f}  "
            f"load {statistics.median(r.load for r in runs):.2f}"
        )


if __name__ == "__main__":
    main()
