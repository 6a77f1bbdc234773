"""Matching on both backends: each saved search runs over exactly the new batch; a pair fires once per reason."""

from __future__ import annotations

from alerts.model import SavedSearchSpec
from alerts.service import AlertService
from search.base import Query, SearchBackend
from tests.alerts.helpers import agreement, doc, ingest, money, place

KOSOVO = doc(
    "kosovo-deal",
    "UK and Kosovo plan a returns deal",
    "The United Kingdom will sign a deal with Kosovo on returns, worth £20 million.",
    entities=(place("United Kingdom", "GB"), place("Kosovo", "XK")),
    agreements=(agreement("planned", "United Kingdom", "Kosovo"),),
    figures=(money(20e6),),
)
ALBANIA = doc(
    "albania-deal",
    "UK and Albania renew cooperation",
    "The existing agreement between the United Kingdom and Albania on smuggling stays in force.",
    entities=(place("United Kingdom", "GB"), place("Albania", "AL")),
    agreements=(agreement("in_force", "United Kingdom", "Albania"),),
)
FLOODS = doc(
    "floods", "Flood defences", "Money for flood defences in Yorkshire: £5 million.", figures=(money(5e6),)
)


def watch(service: AlertService, **spec: object) -> str:
    return service.create(owner="o", spec=SavedSearchSpec(**spec)).id  # type: ignore[arg-type]


def fired(service: AlertService, search_id: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(a.doc_id, a.reasons) for a in service.alerts(owner="o", search_id=search_id)]


def test_agreement_watch_fires_for_a_new_agreement_with_its_reason(
    service: AlertService, backend: SearchBackend
) -> None:
    kosovo = watch(service, kind="agreement", party="Kosovo")
    albania = watch(service, kind="agreement", party="Albania")
    assert ingest(service, backend, [KOSOVO, ALBANIA, FLOODS]) == 1
    [alert] = service.alerts(owner="o", search_id=kosovo)
    assert alert.doc_id == KOSOVO.id
    assert alert.reasons == ("agreement:Kosovo+United Kingdom:planned",)
    assert [a.parties for a in alert.agreements] == [("United Kingdom", "Kosovo")]
    assert "Kosovo" in alert.summary
    assert fired(service, albania) == [], "an agreement in force is not a new one"


def test_a_watch_for_new_agreements_includes_one_agreed_but_not_yet_signed(
    service: AlertService, backend: SearchBackend
) -> None:
    kosovo = watch(service, kind="agreement", party="Kosovo")
    signed_only = watch(service, kind="agreement", party="Kosovo", statuses=("signed",))
    agreed = KOSOVO.model_copy(update={"agreements": (agreement("agreed", "United Kingdom", "Kosovo"),)})
    ingest(service, backend, [agreed])
    assert fired(service, kosovo) == [(KOSOVO.id, ("agreement:Kosovo+United Kingdom:agreed",))]
    assert fired(service, signed_only) == []


def test_each_search_runs_over_the_new_batch_only(service: AlertService, backend: SearchBackend) -> None:
    backend.index([FLOODS])  # indexed before the search was saved, and not part of the next batch
    search = watch(service, query=Query(text="flood defences"))
    assert ingest(service, backend, [KOSOVO]) == 0
    later = doc("floods-2", "More flood defences", "Flood defences for Hull.")
    ingest(service, backend, [later])
    [alert] = service.alerts(owner="o", search_id=search)
    assert alert.doc_id == later.id
    assert "<mark>" in alert.highlight


def test_a_pair_fires_once_and_again_only_for_a_new_reason(
    service: AlertService, backend: SearchBackend
) -> None:
    search = watch(service, kind="agreement", party="Kosovo", statuses=("planned", "signed"))
    ingest(service, backend, [KOSOVO])
    ingest(service, backend, [KOSOVO])  # re-ingested unchanged
    reworded = KOSOVO.model_copy(update={"body": KOSOVO.body + " Talks start in June."})
    ingest(service, backend, [reworded])  # changed, but for the same reason
    assert len(fired(service, search)) == 1
    signed = KOSOVO.model_copy(update={"agreements": (agreement("signed", "United Kingdom", "Kosovo"),)})
    ingest(service, backend, [signed])
    assert [reasons for _, reasons in fired(service, search)] == [
        ("agreement:Kosovo+United Kingdom:signed",),
        ("agreement:Kosovo+United Kingdom:planned",),
    ]


def test_figure_mention_and_story_watches(service: AlertService, backend: SearchBackend) -> None:
    big = watch(service, kind="figure", entity="Kosovo", currency="GBP", min_amount=10e6)
    too_big = watch(service, kind="figure", entity="Kosovo", currency="GBP", min_amount=50e6)
    mention = watch(service, kind="mention", entity="Albania")
    in_story = doc("kosovo-2", "Kosovo deal: more", "More on the deal with Kosovo.", story_id="story-k")
    story = watch(service, kind="story", story_id="story-k")
    ingest(service, backend, [KOSOVO, ALBANIA, FLOODS, in_story])
    assert fired(service, big) == [(KOSOVO.id, ("figure:GBP:2e+07",))]
    assert fired(service, too_big) == []
    assert fired(service, mention) == [(ALBANIA.id, ("mention:Albania",))]
    assert fired(service, story) == [(in_story.id, ("story:story-k",))]


def test_a_paused_search_is_silent_and_a_resumed_one_fires(
    service: AlertService, backend: SearchBackend
) -> None:
    search = watch(service, kind="mention", entity="UK")  # canonicalised to United Kingdom
    service.pause(owner="o", search_id=search)
    ingest(service, backend, [KOSOVO])
    assert fired(service, search) == []
    service.resume(owner="o", search_id=search)
    ingest(service, backend, [ALBANIA])
    assert fired(service, search) == [(ALBANIA.id, ("mention:United Kingdom",))]


def test_ids_left_by_a_crash_between_indexing_and_matching_are_matched_later(
    service: AlertService, backend: SearchBackend
) -> None:
    search = watch(service, kind="agreement", party="Kosovo")
    ingest(service, backend, [KOSOVO], match=False)  # the process died after the write, before matching
    assert service.match_pending(grace=60) == 0, "a recent id may still be being written: wait"
    assert service.match_pending(grace=0) == 1
    assert service.match_pending(grace=0) == 0
    ingest(service, backend, [KOSOVO])
    assert len(fired(service, search)) == 1
