"""GET /agreements: agreements by party, status and date, each with its evidence and document."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel

from api.deps import Backend
from api.filters import (
    BAD_QUERY,
    MAX_VALUES,
    DocumentFilters,
    FilterValue,
    PageOfListing,
    normalize_entity,
)
from api.flatten import DocumentRef, Found, flatten
from presswatch.document import Agreement, AgreementStatus
from search.base import Hit
from search.base import Query as SearchQuery

router = APIRouter(tags=["agreements"])


class AgreementFound(BaseModel):
    agreement: Agreement
    document: DocumentRef


def agreements_found(hit: Hit, query: SearchQuery) -> list[AgreementFound]:
    """The agreements of a document that the query's party and status filters ask for (also the page's)."""
    parties, statuses = set(query.agreement_parties), query.agreement_status
    document = DocumentRef.of(hit)
    return [
        AgreementFound(agreement=a, document=document)
        for a in hit.agreements
        if parties <= set(a.parties) and (not statuses or a.status in statuses)
    ]


@router.get(
    "/agreements",
    response_model=Found[AgreementFound],
    summary="Agreements found in documents",
    responses=BAD_QUERY,
)
def agreements(
    backend: Backend,
    filters: DocumentFilters,
    page: PageOfListing,
    party: Annotated[
        list[FilterValue] | None,
        Query(
            max_length=MAX_VALUES,
            description="Parties it must include, each (repeatable; UK = United Kingdom).",
        ),
    ] = None,
    status: Annotated[
        list[AgreementStatus] | None, Query(max_length=MAX_VALUES, description="One of these statuses.")
    ] = None,
) -> Found[AgreementFound]:
    query = filters.model_copy(
        update={
            "agreement_parties": tuple(normalize_entity(p) for p in party or ()),
            "agreement_status": tuple(status or ()),
        }
    )
    return flatten(
        backend,
        query,
        items_of=lambda hit: agreements_found(hit, query),
        limit=page.limit,
        cursor=page.cursor,
    )
