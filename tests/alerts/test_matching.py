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
    earlier = doc("kosovo-1", "Kosovo deal", "A deal with Kosovo is near.", story_id="story-k")
    ingest(service, backend, [earlier])  # a story is watched once the index holds one of its documents
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


def _placed(body: str, text: str, **fields: object) -> dict[str, object]:
    start = body.index(text)
    return {"start": start, "end": start + len(text), "text": text, **fields}


def test_a_figure_watch_fires_only_for_figures_about_its_entity(
    service: AlertService, backend: SearchBackend
) -> None:
    """Issue 16, point 17: a road-repair budget in a text that also names the Border Force is not a Border
    Force figure; one in the same sentence, or one the extractor says is about it, is."""
    from presswatch.document import Figure, Mention

    def article(slug: str, body: str, figure: str, value: float, about: str | None = None) -> object:
        force = Mention(**_placed(body, "Border Force", label="ORG", normalized="Border Force"))  # type: ignore[arg-type]
        money = Figure(**_placed(body, figure, kind="money", value=value, currency="GBP", about=about))  # type: ignore[arg-type]
        return doc(slug, slug, body, entities=(force,), figures=(money,))

    elsewhere = article(
        "roads",
        "The Border Force will hire 300 officers this year. Separately, the council set aside £5 million "
        "for road repairs.",
        "£5 million",
        5e6,
        about="road repairs",
    )
    same_sentence = article(
        "boats",
        "The council met on Monday. The Border Force gets £10 million for new boats.",
        "£10 million",
        1e7,
    )
    said_about = article(
        "cutters",
        "The Border Force is short of boats.\n\nFunding: £2 million has been found.",
        "£2 million",
        2e6,
        about="new cutters for the Border Force",
    )
    search = watch(service, kind="figure", entity="Border Force", currency="GBP", min_amount=1e6)
    ingest(service, backend, [elsewhere, same_sentence, said_about])  # type: ignore[list-item]
    assert sorted(fired(service, search)) == sorted(
        [(same_sentence.id, ("figure:GBP:1e+07",)), (said_about.id, ("figure:GBP:2e+06",))]  # type: ignore[attr-defined]
    )
