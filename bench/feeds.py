"""The feed reader against feedparser's own test corpus (`../shared/eval/feeds-feedparser`).

Each corpus file states in an `Expect:` line what feedparser should make of it (a Python expression over its
result). The clauses about entries' links, titles and dates are evaluated on presswatch's `parse_feed` output
(mapped to feedparser's key names) and on feedparser's own result, in the same run. Also printed: files whose
read raised anything but `FeedError`, the time per file, and every clause presswatch does not meet, with the
reason where the deviation is deliberate.
"""

from __future__ import annotations

import ast
import io
import json
import re
import sys
import time
import warnings
from dataclasses import dataclass, field
from datetime import UTC
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import feedparser

from bench.common import EVAL, report, timed
from crawlers.feeds import FeedError, FeedItem, plain_text, read_feed

DATA = EVAL / "feeds-feedparser"
# feedparser's harness serves each file from here, which matters for relative links and xml:base.
BASE = "http://127.0.0.1:8097/tests/"
_EXPECT = re.compile(r"^\s*Expect:\s*(.+?)\s*(?:-->)?\s*$", re.MULTILINE)
CATEGORIES = {
    "link": "links",
    "title": "titles",
    "title_detail": "titles",
    "published_parsed": "dates",
    "updated_parsed": "dates",
    "created_parsed": "dates",
    "issued_parsed": "dates",
    "modified_parsed": "dates",
    "date_parsed": "dates",
}
# Expectations presswatch does not follow on purpose, by the key they test.
DELIBERATE = {
    "title": "a title is plain text (tags dropped, entities decoded), so titles are compared as text",
    "entries without a link": "read (titles and dates are measured on `read_feed`) but not crawled by `parse_feed`",
    "link (not http)": "only http(s) links are article links (an Atom <id> or a tag:/urn: guid is not fetched)",
}


@dataclass
class Tally:
    ours: int = 0
    base: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)


def expectation(path: Path) -> str | None:
    head = path.read_bytes()[:4000].decode("utf-8", "replace")
    if path.suffix == ".json":
        match = re.search(r"Expect:\s*(.+?)\s*-->", head)
        return match.group(1) if match else None
    match = _EXPECT.search(head)
    return match.group(1) if match else None


def clauses(expression: str) -> list[ast.expr]:
    try:
        tree = ast.parse(expression, mode="eval").body
    except SyntaxError:
        return []
    return list(tree.values) if isinstance(tree, ast.BoolOp) and isinstance(tree.op, ast.And) else [tree]


def entry_key(clause: ast.expr) -> tuple[str, int] | None:
    """('link', 0) for `entries[0]['link'] == ...`, None for clauses about anything else."""
    if not isinstance(clause, ast.Compare):
        return None
    node: ast.expr = clause.left
    keys: list[object] = []
    while isinstance(node, ast.Subscript):
        if isinstance(node.slice, ast.Constant):
            keys.append(node.slice.value)
        node = node.value
    if not (isinstance(node, ast.Name) and node.id == "entries" and len(keys) >= 2):
        return None
    index, key = keys[-1], keys[-2]
    if not isinstance(index, int) or not isinstance(key, str) or key not in CATEGORIES:
        return None
    if key == "title_detail" and keys[-3:-2] != ["value"]:
        return None  # the title's type, language or xml:base, not its text
    return key, index


def title_as_text(clause: ast.expr, names: dict[str, Any]) -> bool:
    """A title clause read as plain text: our titles drop markup and decode entities on purpose."""
    assert isinstance(clause, ast.Compare)
    expected = clause.comparators[-1]
    if not (isinstance(expected, ast.Constant) and isinstance(expected.value, str)):
        return holds(clause, names)
    try:
        got = eval(compile(ast.Expression(clause.left), "<expect>", "eval"), {"__builtins__": {}}, names)
    except Exception:
        return False
    return str(got) in (expected.value, plain_text(expected.value, html=True) or "")


def as_feedparser(entries: list[FeedItem]) -> list[dict[str, Any]]:
    """Our entries under feedparser's key names, so the corpus' expressions can read them."""
    mapped = []
    for entry in entries:
        published = (*entry.published.astimezone(UTC).timetuple()[:8], 0) if entry.published else None
        updated = (*entry.updated.astimezone(UTC).timetuple()[:8], 0) if entry.updated else None
        mapped.append(
            {
                "link": entry.url,
                "title": entry.title or "",
                "title_detail": {"value": entry.title or ""},
                "published_parsed": published,
                "created_parsed": published,
                "issued_parsed": published,
                "date_parsed": published,
                "updated_parsed": updated,
                "modified_parsed": updated,
            }
        )
    return mapped


def holds(clause: ast.expr, names: dict[str, Any]) -> bool:
    try:
        code = compile(ast.Expression(clause), "<expect>", "eval")
        return bool(eval(code, {"__builtins__": {}}, names))  # the corpus' own test expressions
    except Exception:
        return False


def main() -> None:
    files = sorted(
        p for p in DATA.rglob("*") if p.is_file() and p.suffix in (".xml", ".json", ".rdf", ".atom")
    )
    tallies: dict[str, Tally] = {"links": Tally(), "titles": Tally(), "dates": Tally()}
    escaped: list[str] = []
    refused = 0
    ours_time = base_time = 0.0
    for path in files:
        body = path.read_bytes()
        url = BASE + path.relative_to(DATA).as_posix()
        start = time.perf_counter()
        try:
            ours = read_feed(body, base_url=url)
        except FeedError:
            ours, refused = [], refused + 1
        except Exception as exc:
            ours = []
            escaped.append(f"{path.relative_to(DATA)}: {type(exc).__name__}: {exc}")
        ours_time += time.perf_counter() - start
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            base, elapsed = timed(
                lambda body=body, url=url: feedparser.parse(
                    io.BytesIO(body), response_headers={"content-location": url}
                )
            )
        base_time += elapsed
        expression = expectation(path)
        if not expression:
            continue
        names_ours = {"entries": as_feedparser(ours), "json": json}
        names_base = {**base, "json": json}
        for clause in clauses(expression):
            found = entry_key(clause)
            if found is None:
                continue
            key, _index = found
            tally = tallies[CATEGORIES[key]]
            tally.total += 1
            tally.base += holds(clause, names_base)
            check = title_as_text if CATEGORIES[key] == "titles" else holds
            if check(clause, names_ours):
                tally.ours += 1
            else:
                tally.misses.append(f"{path.relative_to(DATA)}: {ast.unparse(clause)}")
    n = len(files)
    rows = [
        (f"{name} ({t.total} clauses)", f"{t.ours}/{t.total}", f"{t.base}/{t.total}")
        for name, t in tallies.items()
    ]
    rows += [
        ("exceptions escaping", str(len(escaped)), "-"),
        ("files refused as not a feed", str(refused), "-"),
        ("ms per file", f"{1000 * ours_time / n:.2f}", f"{1000 * base_time / n:.2f}"),
    ]
    met = sum(t.ours for t in tallies.values())
    base_met = sum(t.base for t in tallies.values())
    report(
        f"feed reader on {n} files of feedparser's corpus (baseline: feedparser.parse)",
        rows,
        ("Expect clauses met, presswatch / feedparser", met / base_met),
    )
    for line in escaped:
        print(f"ESCAPED {line}")
    print("\nexpectations not met (deliberate deviations:")
    for key, why in DELIBERATE.items():
        print(f"  {key}: {why}")
    print(")")
    for name, tally in tallies.items():
        for miss in tally.misses:
            print(f"  [{name}] {miss}")


if __name__ == "__main__":
    main()
