"""GET /documents/{id}/similar, and the query embedding that /search needs for mode=semantic|hybrid.

The encoder (presswatch/encoder.py: onnxruntime and a tokenizer, no spaCy) is built on the first semantic
or hybrid query and kept for the life of the process; text searches never load it.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, status
from pydantic import BaseModel, Field

from api.deps import Backend, ErrorDetail
from presswatch.document import DocumentKind
from presswatch.encoder import EncoderUnavailableError, encode_query
from search.base import DocumentNotFoundError, Hit, QueryError
from search.base import Query as SearchQuery
from search.vectors import SIMILAR_LIMIT_MAX

router = APIRouter(tags=["documents"])


class SimilarDocuments(BaseModel):
    """The documents nearest to one document by embedding (cosine), best first; itself left out."""

    id: str = Field(description="The document they are similar to.")
    hits: list[Hit]


def query_embedding(text: str) -> tuple[float, ...]:
    """The embedding of a query's text; a 400 that says why when there are no words or no encoder."""
    if not text.strip():
        raise HTTPException(
            status_code=status.HTTP_400_BAD_REQUEST, detail="semantic and hybrid search need words (q)"
        )
    try:
        return encode_query(text)
    except EncoderUnavailableError as exc:
        raise HTTPException(
            status_code=status.HTTP_400_BAD_REQUEST,
            detail="semantic and hybrid search are not available here: the sentence encoder is not installed",
        ) from exc


@router.get(
    "/documents/{doc_id}/similar",
    response_model=SimilarDocuments,
    summary="Documents similar to this one",
    responses={
        400: {"model": ErrorDetail, "description": "The document has no embedding, or the filters are wrong"},
        404: {"model": ErrorDetail, "description": "No document has this id"},
    },
)
def similar_documents(
    doc_id: str,
    backend: Backend,
    limit: Annotated[int, Query(ge=1, le=SIMILAR_LIMIT_MAX)] = 10,
    source: Annotated[list[str] | None, Query(description="Only these sources (repeatable).")] = None,
    kind: Annotated[list[DocumentKind] | None, Query(description="Only these kinds (repeatable).")] = None,
) -> SimilarDocuments:
    filters = SearchQuery(sources=tuple(source or ()), kinds=tuple(kind or ())) if source or kind else None
    try:
        hits = backend.similar(doc_id, limit=limit, filters=filters)
    except DocumentNotFoundError:
        raise HTTPException(
            status_code=status.HTTP_404_NOT_FOUND, detail=f"no document with id {doc_id!r}"
        ) from None
    except QueryError as exc:
        raise HTTPException(status_code=status.HTTP_400_BAD_REQUEST, detail=str(exc)) from exc
    return SimilarDocuments(id=doc_id, hits=hits)
