"""One contract for every alerts store (`alerts.store.AlertStore`): what the service, the delivery worker and the
API rely on, run against the SQLite file and a real PostgreSQL (tests/postgres_server.py).

Two store objects on one database are two matchers or two deliverers (their own connections), as two
processes or machines would be: duplicate matches, concurrent claims and concurrent digests are run with
both at once, released together by a barrier.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import pytest

from alerts.model import AlertPayload, Outlet, SavedSearch, SavedSearchSpec
from alerts.store import AlertStore, NewAlert, delivery_counts, open_alert_store
from presswatch.config import Settings

STORES = ["sqlite", "postgres"]
HOOK = ("webhook", "http://127.0.0.1:9/hook")
MAIL = ("email", "me@example.test")


@dataclass
class Stores:
    """The settings naming one store, and `open()` for another handle on it (another matcher or deliverer)."""

    settings: Settings
    opened: list[AlertStore] = field(default_factory=list)

    def open(self) -> AlertStore:
        store = open_alert_store(self.settings)
        self.opened.append(store)
        return store


@pytest.fixture(params=STORES)
def stores(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Stores]:
    if request.param == "postgres":
        url: str = request.getfixturevalue("postgres_url")
        settings = Settings(data_dir=tmp_path, database_url=url)
    else:
        settings = Settings(data_dir=tmp_path)
    made = Stores(settings=settings)
    yield made
    for store in made.opened:
        store.close()


@pytest.fixture
def store(stores: Stores) -> AlertStore:
    return stores.open()


def saved(
    search_id: str, *, owner: str = "o", paused: bool = False, delivery: str = "immediate"
) -> SavedSearch:
    return SavedSearch(
        id=search_id,
        owner=owner,
        spec=SavedSearchSpec(kind="mention", entity="United Kingdom", delivery=delivery),  # type: ignore[arg-type]
        paused=paused,
        created=datetime(2026, 6, 16, 9, tzinfo=UTC),
        secret=f"secret-{search_id}",
    )


def new_alert(
    search_id: str,
    doc_id: str,
    *reasons: str,
    channels: tuple[tuple[str, str], ...] = (HOOK,),
    story_id: str | None = None,
    awaits_digest: bool = False,
) -> NewAlert:
    payload = AlertPayload(
        alert_id=0,
        search_id=search_id,
        search_name="UK",
        doc_id=doc_id,
        url=f"https://gov.example/{doc_id}",
        title=f"Title of {doc_id}",
        source="home-office",
        kind="news",
        published=None,
        summary="",
        reasons=reasons,
        matched_at=datetime(2026, 6, 16, 10, tzinfo=UTC),
        story_id=story_id,
        outlets=(
            Outlet(doc_id=doc_id, source="home-office", url=f"https://gov.example/{doc_id}", title=doc_id),
        )
        if story_id
        else (),
    )
    return NewAlert(
        search_id=search_id,
        doc_id=doc_id,
        reasons=reasons,
        payload=payload,
        channels=channels,
        story_id=story_id,
        awaits_digest=awaits_digest,
    )


def at_once(*work: Callable[[], object]) -> list[object]:
    """Run each callable in its own thread, all released together; their results in order."""
    barrier = threading.Barrier(len(work))

    def released(job: Callable[[], object]) -> object:
        barrier.wait(timeout=30)
        return job()

    with ThreadPoolExecutor(max_workers=len(work)) as pool:
        return [f.result(timeout=120) for f in [pool.submit(released, job) for job in work]]


# saved searches


def test_saved_searches_by_owner_state_and_version(store: AlertStore) -> None:
    version = store.searches_version()
    store.add(saved("a"))
    store.add(saved("b", owner="p", paused=True))
    assert store.searches_version() != version
    assert [s.id for s in store.searches()] == ["a", "b"]
    assert [s.id for s in store.searches(owner="p")] == ["b"]
    assert [s.id for s in store.searches(active_only=True)] == ["a"]
    assert store.get("a") == saved("a") and store.get("nope") is None
    version = store.searches_version()
    assert store.set_paused("b", paused=False) and not store.set_paused("nope", paused=True)
    assert store.searches_version() != version
    assert [s.id for s in store.searches(active_only=True)] == ["a", "b"]


def test_removing_a_search_removes_its_alerts_deliveries_and_fired_reasons(store: AlertStore) -> None:
    store.add(saved("a"))
    store.add(saved("b"))
    store.record([new_alert("a", "d1", "r"), new_alert("b", "d1", "r")], matched={})
    version = store.searches_version()
    assert store.remove("a") and not store.remove("a")
    assert store.searches_version() != version
    assert store.get("a") is None and store.alerts_of("a") == [] and store.count_alerts("a") == 0
    assert [d.search_id for d in store.deliveries()] == ["b"]
    assert store.fired_reasons([("a", "d1"), ("b", "d1")]) == {("b", "d1"): {"r"}}
    assert store.record([new_alert("a", "d2", "r")], matched={}) == []  # deleted while it was matched


# matching: exactly once


def test_pending_matches_are_forgotten_only_when_matched_as_queued(store: AlertStore) -> None:
    store.queue_for_matching(["d1", "d2"])
    pending = store.pending_matches(doc_ids=["d1", "d2", "d3"])
    assert set(pending) == {"d1", "d2"}
    assert store.pending_matches(older_than=0.0) == {}
    assert set(store.pending_matches(older_than=pending["d1"] + 1)) == {"d1", "d2"}
    store.queue_for_matching(
        ["d2"]
    )  # queued again (a redelivered batch) after it was read: matched again later
    store.record([], matched=pending)
    assert set(store.pending_matches(doc_ids=["d1", "d2"])) == {"d2"}


def test_an_alert_fires_once_per_pair_and_again_only_for_a_new_reason(store: AlertStore) -> None:
    store.add(saved("a"))
    [first] = store.record([new_alert("a", "d1", "mention:UK")], matched={})
    assert store.record([new_alert("a", "d1", "mention:UK")], matched={}) == []
    [second] = store.record([new_alert("a", "d1", "mention:UK", "figure:GBP")], matched={})
    assert second != first
    assert store.fired_reasons([("a", "d1"), ("a", "d2")]) == {("a", "d1"): {"mention:UK", "figure:GBP"}}
    assert store.record([new_alert("a", "d1", "figure:GBP")], matched={}) == []  # reasons only grow
    assert [a.alert_id for a in store.alerts_of("a")] == [second, first]
    assert [a.alert_id for a in store.alerts_of("a", before=second)] == [first]  # the page after `second`
    assert [a.alert_id for a in store.alerts_of("a", limit=1)] == [second]
    assert store.count_alerts("a") == 2
    assert len(store.deliveries()) == 2


def test_a_duplicate_match_from_a_second_matcher_adds_no_second_alert(stores: Stores) -> None:
    """Two matchers (their own connections) record the same batch at once, as two index workers do with a
    redelivered batch: each pair fires once, with one delivery per channel, and the batch leaves the queue."""
    first, second = stores.open(), stores.open()
    first.add(saved("a"))
    docs = [f"d{i:02}" for i in range(30)]
    first.queue_for_matching(docs)
    pending = first.pending_matches(doc_ids=docs)
    batch = [new_alert("a", d, "mention:UK", channels=(HOOK, MAIL)) for d in docs]
    for _ in range(3):
        at_once(lambda: first.record(batch, matched=pending), lambda: second.record(batch, matched=pending))
    assert first.count_alerts("a") == 30
    assert sorted(a.doc_id for a in first.alerts_of("a", limit=100)) == docs
    assert len(first.deliveries(limit=1000)) == 60
    assert first.pending_matches(doc_ids=docs) == {}
    # A new reason for pairs that have fired (their rows exist): still once per pair, not once per matcher.
    grown = [new_alert("a", d, "mention:UK", "figure:GBP", channels=(HOOK,)) for d in docs]
    for _ in range(3):
        at_once(lambda: first.record(grown, matched={}), lambda: second.record(grown, matched={}))
    assert first.count_alerts("a") == 60
    assert len(first.deliveries(limit=1000)) == 90
    assert set(map(frozenset, first.fired_reasons(("a", d) for d in docs).values())) == {
        frozenset({"mention:UK", "figure:GBP"})
    }


def test_copies_of_one_story_matched_at_once_make_one_alert_with_every_outlet(stores: Stores) -> None:
    first, second = stores.open(), stores.open()
    first.add(saved("a"))
    stories = [f"story-{n}" for n in range(10)]
    for story in stories:  # two workers each match one copy of the story at once
        copies = [new_alert("a", f"{story}-copy{i}", "mention:UK", story_id=story) for i in range(2)]
        at_once(partial(first.record, copies[:1], matched={}), partial(second.record, copies[1:], matched={}))
    alerts = first.alerts_of("a", limit=100)
    assert sorted(a.story_id or "" for a in alerts) == stories
    assert all(
        sorted(o.doc_id for o in a.outlets) == [f"{a.story_id}-copy0", f"{a.story_id}-copy1"] for a in alerts
    )
    assert len(first.deliveries(limit=100)) == 10
    assert first.record([new_alert("a", "story-0-copy1", "mention:UK", story_id="story-0")], matched={}) == []
    assert first.alerts_of("a", limit=100) == alerts  # each outlet once


def test_a_document_of_a_story_fires_again_for_a_reason_new_to_it(store: AlertStore) -> None:
    """The story rule holds copies arriving; a document the search matched before (the story's first, or an
    outlet) that comes back with a new reason, an agreement planned and then signed, fires on its own."""
    store.add(saved("a"))
    planned, signed = "agreement:Kosovo+United Kingdom:planned", "agreement:Kosovo+United Kingdom:signed"
    [first] = store.record([new_alert("a", "release", planned, story_id="s")], matched={})
    assert store.record([new_alert("a", "report", planned, story_id="s")], matched={}) == []  # a copy
    [again] = store.record([new_alert("a", "release", planned, signed, story_id="s")], matched={})
    [copy_again] = store.record([new_alert("a", "report", planned, signed, story_id="s")], matched={})
    assert [a.alert_id for a in store.alerts_of("a")] == [copy_again, again, first]
    assert [o.doc_id for o in store.alerts_of("a")[-1].outlets] == ["release", "report"]
    assert store.record([new_alert("a", "release", signed, story_id="s")], matched={}) == []
    assert len(store.deliveries()) == 3


# delivery: claims, leases, outcomes


def test_two_deliverers_claiming_at_once_never_both_get_a_row(stores: Stores) -> None:
    store = stores.open()
    store.add(saved("a"))
    store.record([new_alert("a", f"d{i:02}", "r", channels=(HOOK, MAIL)) for i in range(40)], matched={})
    one, two = stores.open(), stores.open()
    now = 1e10  # a clock past every row's next_at: all due
    for _ in range(3):  # rounds: each deliverer sees every due row, then both claim all of them at once
        seen = [d.id for d in one.due(now=now, limit=1000)]
        claims = at_once(
            partial(one.claim_many, seen, now=now, lease=60), partial(two.claim_many, seen, now=now, lease=60)
        )
        mine, theirs = claims
        assert isinstance(mine, set) and isinstance(theirs, set)
        assert not mine & theirs
        assert mine | theirs == set(seen)
        now += 61  # every lease ends: the rows are due again, claimed again, still never twice
    assert {d.attempts for d in store.deliveries(limit=1000)} == {3}


def test_a_killed_deliverers_rows_return_when_their_lease_ends(store: AlertStore) -> None:
    store.add(saved("a"))
    store.record([new_alert("a", "d1", "r")], matched={})
    [row] = store.due(now=1e10)
    assert row.payload and row.secret == "secret-a" and row.channel == "webhook" and row.attempts == 0
    t = row.first_at + 5
    assert store.claim_many([row.id], now=t, lease=30) == {row.id}
    assert store.claim_many([row.id], now=t, lease=30) == set()  # held
    assert store.due(now=t + 29) == []
    [back] = store.due(now=t + 31)  # its deliverer died without a word
    assert back.id == row.id and back.attempts == 1 and back.first_at == t  # the retry window started at t
    assert store.claim_many([row.id], now=t + 31, lease=30) == {row.id}


def test_outcomes_delivered_retried_dead_lettered_and_retried_again(store: AlertStore) -> None:
    store.add(saved("a", owner="o"))
    store.record([new_alert("a", "d1", "r", channels=(HOOK, MAIL))], matched={})
    hook, mail = sorted(store.due(now=1e10), key=lambda d: d.channel, reverse=True)
    assert store.claim_many([hook.id, mail.id], now=1e10, lease=10) == {hook.id, mail.id}
    store.finish_many([(hook.id, None, None), (mail.id, "refused", 1e10 + 100)])
    assert [d.id for d in store.due(now=1e10 + 99)] == []
    assert [d.id for d in store.due(now=1e10 + 101)] == [mail.id]
    store.finish_many([(mail.id, "refused again", None)])
    [dead] = store.deliveries(owner="o", state="dead")
    assert (dead.id, dead.last_error, dead.doc_id, dead.title) == (
        mail.id,
        "refused again",
        "d1",
        "Title of d1",
    )
    assert dead.url == "https://gov.example/d1" and dead.attempted_at is not None
    assert [d.state for d in store.deliveries(owner="o")] == ["dead", "delivered"]
    assert store.deliveries(owner="p") == []
    assert store.delivery_owner(mail.id) == "o" and store.delivery_owner(10**9) is None
    assert store.retry_dead(mail.id) and not store.retry_dead(mail.id) and not store.retry_dead(hook.id)
    [again] = store.due(now=1e10)
    assert again.id == mail.id and again.attempts == 0


def test_delivery_counts_by_channel_and_outcome(stores: Stores) -> None:
    assert delivery_counts(stores.settings) == {}  # no store yet: nothing, and nothing created
    store = stores.open()
    store.add(saved("a"))
    store.record([new_alert("a", "d1", "r", channels=(HOOK, MAIL)), new_alert("a", "d2", "r")], matched={})
    rows = {(d.channel, d.alert_id): d.id for d in store.due(now=1e10)}
    done, failed = [i for (channel, _), i in sorted(rows.items()) if channel == "webhook"]
    store.finish_many([(done, None, None), (failed, "503", 1e10)])
    assert delivery_counts(stores.settings) == {
        ("webhook", "delivered"): 1,
        ("webhook", "failed"): 1,
        ("email", "pending"): 1,
    }


# digests


def test_a_digest_gathers_the_waiting_alerts_once_even_when_two_deliverers_close_it(stores: Stores) -> None:
    first, second = stores.open(), stores.open()
    search = saved("a", delivery="hourly")
    first.add(search)
    first.record([new_alert("a", f"d{i}", "r", awaits_digest=True) for i in range(3)], matched={})
    assert first.due(now=1e10) == [] and first.awaiting_digest() == ["a"]
    before = 1e10
    made = at_once(
        lambda: first.queue_digest(search, before=before, period=3600, channels=[HOOK]),
        lambda: second.queue_digest(search, before=before, period=3600, channels=[HOOK]),
    )
    [digest_id] = [m for m in made if m is not None]
    assert first.awaiting_digest() == []
    [row] = first.due(now=1e10)
    assert row.digest_id == digest_id and row.payload.count('"doc_id"') == 3
    assert first.queue_digest(search, before=before, period=3600, channels=[HOOK]) is None


# wake-ups


def test_a_deliverer_hears_an_alert_queued_through_another_store(stores: Stores) -> None:
    deliverer, matcher = stores.open(), stores.open()
    matcher.add(saved("a"))
    woken = deliverer.listen()
    try:
        woken.clear()
        matcher.record([new_alert("a", "d1", "r")], matched={})
        assert woken.wait(timeout=30), "the deliverer was not woken"
    finally:
        deliverer.forget(woken)
