"""The seed article, through the real NLP pipeline once, fires "new agreement involving Kosovo" and not
"... Albania" (that agreement is an existing one), on both backends."""

from __future__ import annotations

from alerts.model import SavedSearchSpec
from alerts.service import AlertService
from crawlers.indexer import Indexer
from nlp.pipeline import Extractor
from presswatch.document import Document
from search.base import SearchBackend
from tests.conftest import SHARED_EVAL, require_shared

SEED = SHARED_EVAL / "seed" / "article.txt"


class _Enriched(Extractor):
    """The session's real extractor, run once for the module: the second backend reuses its result."""

    def __init__(self, real: Extractor, cache: dict[str, Document]) -> None:
        self._real = real
        self._cache = cache

    def enrich_many(self, documents):  # type: ignore[no-untyped-def,override]
        for document in documents:
            if document.id not in self._cache:
                [self._cache[document.id]] = self._real.enrich_many([document])
            yield self._cache[document.id]


_CACHE: dict[str, Document] = {}


def test_seed_fires_kosovo_and_not_albania(
    extractor: Extractor, service: AlertService, backend: SearchBackend
) -> None:
    require_shared(SEED)
    kosovo = service.create(owner="o", spec=SavedSearchSpec(kind="agreement", party="Kosovo"))
    albania = service.create(owner="o", spec=SavedSearchSpec(kind="agreement", party="Albania"))
    article = Document.from_page(
        url="https://example.test/seed", source="seed", title="", body=SEED.read_text(encoding="utf-8")
    )
    indexer = Indexer(
        backend=backend, extractor=_Enriched(extractor, _CACHE), max_nlp_chars=100_000, listener=service
    )
    [result] = list(indexer.process([article]))
    assert result.outcome == "indexed_new"
    [alert] = service.alerts(owner="o", search_id=kosovo.id)
    assert alert.doc_id == article.id
    assert any("Kosovo" in a.parties and a.status == "planned" for a in alert.agreements)
    assert all(reason.startswith("agreement:") and "Kosovo" in reason for reason in alert.reasons)
    assert service.alerts(owner="o", search_id=albania.id) == []
