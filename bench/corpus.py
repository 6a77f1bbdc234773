"""Realistic generated documents for search benchmarks: news-like bodies, entities, figures, agreements.

Word frequencies come from real article text (the public evaluation set when it is there, else the demo
newsroom), so common words are as common as in news and rare ones as rare; entities are real countries
with their ISO codes, and made-up people and organisations. Seeded: the same corpus every run.
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import numpy as np

from bench.common import EVAL
from presswatch.demo.site import load_articles
from presswatch.document import Agreement, Document, Figure, Mention
from presswatch.gazetteer import countries

SOURCES = ("home-office", "fcdo", "dbt", "mod", "treasury", "dhsc", "defra", "reuters", "bbc", "guardian")
KINDS = ("press_release", "news", "speech", "statement")
CURRENCIES = ("GBP", "GBP", "GBP", "EUR", "USD", "INR")
STATUSES = ("planned", "in_negotiation", "signed", "in_force", "unknown")
FIRST = "Helen James Priya Tom Anna Omar Sarah David Lucy Raj Emma Ali Grace Chen Maria".split()
LAST = "Marsh Patel Okafor Smith Novak Kim Evans Haddad Brown Singh Walsh Costa Ito Berg".split()
ORGS = [
    f"{a} {b}"
    for a in ("National", "Royal", "Border", "Maritime", "Digital", "Energy", "Trade")
    for b in ("Agency", "Council", "Authority", "Institute", "Office", "Service", "Board")
]
_POOL_WORDS = 3_000_000
_WORD = re.compile(r"[A-Za-z][a-z]+")


def real_texts() -> list[str]:
    truth = EVAL / "article-extraction" / "ground-truth.json"
    if truth.exists():
        return [entry["articleBody"] for entry in json.loads(truth.read_text(encoding="utf-8")).values()]
    return [" ".join(article.paragraphs) for article in load_articles()]


class Generator:
    def __init__(self, *, seed: int = 2026) -> None:
        self.rng = random.Random(seed)
        counts = Counter(w.lower() for text in real_texts() for w in _WORD.findall(text))
        self.words = [w for w, _ in counts.most_common(20000)]
        # A long stream of words drawn by their real frequency; sentences are random windows of it.
        cumulative = np.cumsum([counts[w] for w in self.words], dtype=np.float64)
        draws = np.random.default_rng(seed).random(_POOL_WORDS) * cumulative[-1]
        self.pool = [self.words[i] for i in np.searchsorted(cumulative, draws, side="right")]
        self.places = [c for c in countries() if len(c.name) < 20]
        self.people = [f"{f} {last}" for f in FIRST for last in LAST]

    def sentence(self, extra: list[str]) -> str:
        length = self.rng.randint(12, 24)
        start = self.rng.randrange(len(self.pool) - length)
        words = self.pool[start : start + length]
        for name in extra:
            words.insert(self.rng.randrange(len(words)), name)
        return words[0].capitalize() + " " + " ".join(words[1:]) + "."

    def document(self, number: int) -> Document:
        rng = self.rng
        places = rng.sample(self.places, rng.randint(1, 4))
        people = rng.sample(self.people, rng.randint(0, 3))
        orgs = rng.sample(ORGS, rng.randint(0, 2))
        names = [p.name for p in places] + people + orgs
        sentences = [self.sentence(rng.sample(names, min(len(names), rng.randint(0, 2)))) for _ in range(32)]
        body = " ".join(sentences)
        money = [
            Figure(
                kind="money",
                text="",
                value=float(rng.choice((1, 2, 5, 10, 25, 75, 120, 400)) * 10**6),
                currency=rng.choice(CURRENCIES),
                start=0,
                end=0,
            )
            for _ in range(rng.randint(0, 3))
        ]
        agreements = []
        if len(places) >= 2 and rng.random() < 0.3:
            agreements.append(
                Agreement(
                    text="",
                    parties=tuple(p.name for p in places[:2]),
                    status=rng.choice(STATUSES),
                    start=0,
                    end=0,
                )
            )
        mentions = (
            [
                Mention(text=p.name, label="GPE", normalized=p.name, code=p.code, start=0, end=1)
                for p in places
            ]
            + [Mention(text=p, label="PERSON", normalized=p, start=0, end=1) for p in people]
            + [Mention(text=o, label="ORG", normalized=o, start=0, end=1) for o in orgs]
        )
        title = " ".join(rng.choices(self.words[50:3000], k=rng.randint(5, 9))).capitalize()
        title += f" with {places[0].name}"
        return Document.from_page(
            url=f"https://bench.example/{number}",
            source=rng.choice(SOURCES),
            kind=rng.choice(KINDS),
            title=title,
            body=body,
            published=datetime(2024, 1, 1, tzinfo=UTC) + timedelta(minutes=rng.randrange(60 * 24 * 900)),
            entities=tuple(mentions),
            figures=tuple(money),
            agreements=tuple(agreements),
        )

    def documents(self, count: int) -> Iterator[Document]:
        for number in range(count):
            yield self.document(number)


def export_releases(n: int, *, filler_sentences: int = 0) -> Iterator[Document]:
    """Uniform documents for export tests and benchmarks: one a minute, each with a money figure and a
    signed agreement; `filler_sentences` pads the body towards a real release's length."""
    start = datetime(2026, 1, 1, tzinfo=UTC)
    filler = " Ministers said the programme would support jobs across the country." * filler_sentences
    for i in range(n):
        body = f"The United Kingdom and Norway agreed to spend £{i}m on frigates, release {i}.{filler}"
        yield Document.from_page(
            url=f"https://gov.example/news/{i}",
            source="home-office",
            kind="press_release",
            title=f"Frigates release {i}",
            body=body,
            published=start + timedelta(minutes=i),
            figures=(Figure(kind="money", text=f"£{i}m", value=i * 1e6, currency="GBP", start=0, end=3),),
            agreements=(
                Agreement(
                    text=body[:80], parties=("United Kingdom", "Norway"), status="signed", start=0, end=10
                ),
            ),
        )
