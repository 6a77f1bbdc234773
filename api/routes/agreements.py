"""GET /agreements: agreements by party, status and date, each with its evidence and document."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from pydantic import BaseModel
from starlette.status import HTTP_400_BAD_REQUEST

from api.deps import Backend, ErrorDetail
from api.filters import DocumentFilters
from api.flatten import DocumentRef, Found, flatten
from api.routes.search import normalize_entity
from presswatch.document import Agreement, AgreementStatus
from search.base import Hit, QueryError

router = APIRouter(tags=["agreements"])


class AgreementFound(BaseModel):
    agreement: Agreement
    document: DocumentRef


@router.get(
    "/agreements",
    response_model=Found[AgreementFound],
    summary="Agreements found in documents",
    responses={400: {"model": ErrorDetail, "description": "The query cannot be run as written; says why"}},
)
def agreements(
    backend: Backend,
    filters: DocumentFilters,
    party: Annotated[
        list[str] | None,
        Query(description="Parties it must include, each (repeatable; UK = United Kingdom)."),
    ] = None,
    status: Annotated[list[AgreementStatus] | None, Query(description="One of these statuses.")] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    cursor: Annotated[
        str | None, Query(max_length=2000, description="next_cursor of the previous page.")
    ] = None,
) -> Found[AgreementFound]:
    parties = tuple(normalize_entity(p) for p in party or ())
    statuses = tuple(status or ())
    query = filters.model_copy(update={"agreement_parties": parties, "agreement_status": statuses})

    def items_of(hit: Hit) -> list[AgreementFound]:
        document = DocumentRef.of(hit)
        return [
            AgreementFound(agreement=a, document=document)
            for a in hit.agreements
            if set(parties) <= set(a.parties) and (not statuses or a.status in statuses)
        ]

    try:
        return flatten(backend, query, items_of=items_of, limit=limit, cursor=cursor)
    except QueryError as exc:
        raise HTTPException(status_code=HTTP_400_BAD_REQUEST, detail=str(exc)) from exc
