"""Bulk ingest with the NLP pool: `presswatch ingest --jsonl` of the 181 real article bodies, one worker
against a pool, end to end (start-up, model loading, NLP, stories, index writes and alert matching).

    python bench/ingest_throughput.py [--rounds 3] [--workers 2]

Each run is a fresh `presswatch ingest` process into a new data folder; one worker
(`PRESSWATCH_NLP_WORKERS=1`, the baseline) and the pool are interleaved (A B A B ...) and the figure is the
median. Beside each run: the load average at its end (the machine may be shared), its process tree's CPU
seconds, and until its last document was indexed the cores it kept busy (on average and per tenth) and the
cores its threads wanted (running, or runnable and waiting: on a shared machine an overstatement of what a
quiet one would keep busy, but a pool that never wants fewer than the cores never waited for its writer).
One worker runs the encoder on a thread beside spaCy, so it already keeps more than one core busy; the
bench prints the ceiling that sets on the pool's ratio. A run that does not index every body stops the bench.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import EVAL, cpu_until, last_indexed, run_watched


def write_bodies(path: Path) -> tuple[int, int]:
    """The evaluation set's bodies as JSON Lines (in a temporary folder): (documents, words)."""
    truth_file = EVAL / "article-extraction" / "ground-truth.json"
    if not truth_file.exists():
        sys.exit(f"the evaluation data is missing ({truth_file}): cannot run")
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    with path.open("w", encoding="utf-8") as out:
        for entry in truth.values():
            out.write(
                json.dumps({"url": entry["url"], "text": entry["articleBody"], "source": "bench"}) + "\n"
            )
    return len(truth), sum(len(e["articleBody"].split()) for e in truth.values())


@dataclass(frozen=True)
class Run:
    seconds: float
    cpu: float
    busy: list[float]
    wanted: list[float]
    wanting: float  # cores its threads wanted on average
    load: float

    @property
    def cores(self) -> float:
        """Cores kept busy on average over the run."""
        return self.cpu / self.seconds


def tenths(figures: list[float]) -> str:
    return " ".join(f"{b:.1f}" for b in figures)


def run(path: Path, *, workers: int, folder: Path, documents: int) -> Run:
    data_dir = Path(tempfile.mkdtemp(dir=folder))
    env = {**os.environ, "PRESSWATCH_DATA_DIR": str(data_dir), "PRESSWATCH_NLP_WORKERS": str(workers)}
    watched = run_watched([sys.executable, "-m", "presswatch", "ingest", "--jsonl", str(path)], env=env)
    result = watched.result
    if result.returncode != 0 or f"indexed new {documents}" not in result.stdout:
        sys.exit(
            f"ingest with {workers} worker(s) failed (exit {result.returncode}):\n{result.stderr[-3000:]}"
        )
    last = min(last_indexed(data_dir) - watched.started + 1, watched.seconds)  # indexed_at is to the second
    return Run(
        seconds=watched.seconds,
        cpu=watched.cpu,
        busy=watched.busy(until=last),
        wanted=watched.wanted(until=last),
        wanting=cpu_until(watched.wanted_samples, last) / last,
        load=os.getloadavg()[0],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="the pool's size")
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "bodies.jsonl"
        documents, words = write_bodies(path)
        print(f"## bulk ingest of {documents} bodies ({words:,} words), {cores} cores", flush=True)
        runs: dict[int, list[Run]] = {1: [], args.workers: []}
        for round_ in range(1, args.rounds + 1):
            for workers in runs:
                result = run(path, workers=workers, folder=folder, documents=documents)
                runs[workers].append(result)
                print(
                    f"round {round_}, {workers} worker(s): {words / result.seconds:6,.0f} words/s"
                    f" ({result.seconds:.1f} s, load average {result.load:.1f}); {result.cpu:.0f} CPU s,"
                    f" cores busy {result.cores:.2f} on average, per tenth {tenths(result.busy)};"
                    f" cores wanted {result.wanting:.2f}, per tenth {tenths(result.wanted)}",
                    flush=True,
                )

    def rate(workers: int) -> float:
        return statistics.median(words / r.seconds for r in runs[workers])

    def median(workers: int, measure: str) -> float:
        return statistics.median(getattr(r, measure) for r in runs[workers])

    load = statistics.median(r.load for rs in runs.values() for r in rs)
    print(f"\nmedians (load average {load:.1f}):")
    for workers in runs:
        print(
            f"  {workers} worker(s): {rate(workers):6,.0f} words/s, {median(workers, 'cpu'):.0f} CPU s,"
            f" {median(workers, 'cores'):.2f} cores busy and {median(workers, 'wanting'):.2f} wanted on average"
        )
    print(f"ratio, pool of {args.workers} / one worker: {rate(args.workers) / rate(1):.2f}")
    # One worker already runs its encoder on a thread beside spaCy, so it keeps more than one core busy: a
    # pool that used no more CPU than it and kept every core busy would be this much faster, and no more.
    # On a shared machine a run gets a share of the cores, not the cores it could use: no ceiling then.
    pool_cores = min(cores, args.workers)
    if median(1, "cores") > 0.9:
        print(
            f"ceiling of that ratio on {pool_cores} cores: {pool_cores / median(1, 'cores'):.2f}"
            " (cores / cores one worker keeps busy)"
        )
    else:
        print(
            f"no ceiling: one worker got {median(1, 'cores'):.2f} of a core (the machine is shared), so the"
            " wall-clock ratio says little; compare CPU s and cores wanted"
        )


if __name__ == "__main__":
    main()
