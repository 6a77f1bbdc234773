"""The user's aliases applied to stored documents, on every backend of the contract suite, without the NLP."""

from __future__ import annotations

from presswatch.aliases import AliasEntry, Aliases
from search.aliases import apply_aliases
from search.base import Query, SearchBackend
from tests.search.test_contract import FLOODS, KOSOVO, backend  # noqa: F401  (the parametrised fixture)

ALIASES = Aliases(
    entity=(AliasEntry(name="Environment Agency (England)", aliases=("environment agency",), label="ORG"),),
    ignore=("Anna Novak",),
)


def test_documents_lists_every_stored_document(backend: SearchBackend) -> None:  # noqa: F811
    assert len({d.id for d in backend.documents(batch_size=2)}) == backend.count()


def test_aliases_rewrite_stored_entities_filters_and_facets(backend: SearchBackend) -> None:  # noqa: F811
    assert apply_aliases(backend, ALIASES, batch_size=2) == 2  # FLOODS (merged) and KOSOVO (a name dropped)
    floods = backend.get(FLOODS.id)
    assert floods is not None and floods.body == FLOODS.body
    assert [m.normalized for m in floods.entities] == ["Environment Agency (England)"]
    kosovo = backend.get(KOSOVO.id)
    assert kosovo is not None and "Anna Novak" not in {m.normalized for m in kosovo.entities}
    page = backend.search(Query(entities=("Environment Agency (England)",)))
    assert [h.id for h in page.hits] == [FLOODS.id]
    organisations = {f.value for f in backend.search(Query()).facets["organisation"]}
    assert "Environment Agency (England)" in organisations and "Environment Agency" not in organisations
    assert apply_aliases(backend, ALIASES) == 0, "a second run finds nothing left to change"
