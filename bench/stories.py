"""Story grouping on a generated set with known groups.

Each real article body of `../shared/eval/article-extraction` (181 pages, many languages) seeds a group:
the article itself (the "press release"), one to three reworded reports of it (a random 50-80% of its
sentences, about 10% of the words replaced, and an intro and an outro taken from 20 held-out articles, as an
outlet frames a release), and sometimes an exact copy. `StoryStore` (MinHash + LSH) is scored with pairwise
precision and recall against the known groups, next to the same grouping done with exact similarity of
every pair (no MinHash, no LSH), run here on the same documents; and the time per 1,000 documents.
"""

from __future__ import annotations

import json
import random
import re
import sys
import tempfile
from collections import defaultdict
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import EVAL, f1, report, timed
from crawlers.stories import MIN_WORDS, THRESHOLD, StoryStore, overlap, shingles, words

DATA = EVAL / "article-extraction"
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(" ".join(text.split())) if s]


def reworded(text: str, framing: list[str], vocabulary: list[str], rng: random.Random) -> str:
    own = sentences(text)
    share = rng.uniform(0.5, 0.8)
    kept = [s for s in own if rng.random() < share] or own[:1]
    tokens = " ".join(kept).split()
    tokens = [rng.choice(vocabulary) if rng.random() < 0.1 else t for t in tokens]
    intro = " ".join(rng.sample(framing, 2))
    outro = rng.choice(framing)
    return f"{intro}\n\n{' '.join(tokens)}\n\n{outro}"


def generate(rng: random.Random) -> list[tuple[str, str, int]]:
    """(doc_id, body, true group) for every generated article, shuffled."""
    truth = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    bodies = [e["articleBody"] for e in truth.values() if len(words(e["articleBody"])) >= 4 * MIN_WORDS]
    vocabulary = sorted({w for body in bodies for w in body.split()})
    # The outlets' own framing: sentences of articles held out of the set, so no report carries another
    # group's text (which would make the groups themselves wrong).
    held_out, bodies = bodies[:20], bodies[20:]
    framing = [s for body in held_out for s in sentences(body)]
    documents: list[tuple[str, str, int]] = []
    for group, body in enumerate(bodies):
        documents.append((f"g{group}-release", body, group))
        for n in range(rng.randint(1, 3)):
            documents.append((f"g{group}-report{n}", reworded(body, framing, vocabulary, rng), group))
        if rng.random() < 0.3:
            documents.append((f"g{group}-copy", body, group))
    rng.shuffle(documents)
    return documents


def pairs(groups: dict[str, object]) -> set[tuple[str, str]]:
    members: dict[object, list[str]] = defaultdict(list)
    for doc_id, group in groups.items():
        members[group].append(doc_id)
    return {tuple(sorted(pair)) for ids in members.values() for pair in combinations(ids, 2)}  # type: ignore[misc]


def exhaustive(documents: list[tuple[str, str, int]]) -> dict[str, object]:
    """The same rule without sketches: a document joins (and so merges) the stories of every earlier
    document it matches, similarity computed exactly from the shingle sets."""
    seen: list[tuple[str, set[bytes]]] = []
    story: dict[str, object] = {}
    for doc_id, body, _ in documents:
        mine = shingles(body)
        joined = set()
        for other_id, theirs in seen:
            jaccard = len(mine & theirs) / len(mine | theirs) if mine | theirs else 0.0
            if overlap(jaccard, len(mine), len(theirs)) >= THRESHOLD:
                joined.add(story[other_id])
        target = min(joined, key=str) if joined else doc_id
        for member, current in story.items():
            if current in joined:
                story[member] = target
        story[doc_id] = target
        seen.append((doc_id, mine))
    return story


def scores(predicted: dict[str, object], truth: dict[str, object]) -> tuple[float, float, float]:
    got, want = pairs(predicted), pairs(truth)
    precision = len(got & want) / len(got) if got else 1.0
    recall = len(got & want) / len(want) if want else 1.0
    return precision, recall, f1(precision, recall)


def main() -> None:
    documents = generate(random.Random(9))
    truth: dict[str, object] = {doc_id: group for doc_id, _, group in documents}
    with tempfile.TemporaryDirectory() as folder, StoryStore.in_data_dir(Path(folder)) as store:
        _, ours_time = timed(lambda: store.assign_all((doc_id, body) for doc_id, body, _ in documents))
        # Final stories: a later document may have merged earlier stories.
        ours: dict[str, object] = {doc_id: store.story_of(doc_id) for doc_id, _, _ in documents}
    base, base_time = timed(lambda: exhaustive(documents))
    p, r, f = scores(ours, truth)
    bp, br, bf = scores(base, truth)
    n = len(documents)
    report(
        f"story grouping, {n} generated articles in {len(set(truth.values()))} groups "
        "(baseline: exact similarity of every pair)",
        [
            ("pairwise precision", f"{p:.3f}", f"{bp:.3f}"),
            ("pairwise recall", f"{r:.3f}", f"{br:.3f}"),
            ("pairwise F1", f"{f:.3f}", f"{bf:.3f}"),
            ("seconds per 1,000 documents", f"{1000 * ours_time / n:.2f}", f"{1000 * base_time / n:.2f}"),
        ],
        ("time presswatch / exhaustive", ours_time / base_time),
    )


if __name__ == "__main__":
    main()
