"""GET /documents/{id}: one document with everything extracted from it."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, status

from api.deps import Backend, ErrorDetail
from presswatch.document import Document

router = APIRouter(tags=["documents"])


@router.get(
    "/documents/{doc_id}",
    response_model=Document,
    summary="Get a document by id",
    responses={404: {"model": ErrorDetail, "description": "No document has this id"}},
)
def get_document(doc_id: str, backend: Backend) -> Document:
    document = backend.get(doc_id)
    if document is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail=f"no document with id {doc_id!r}")
    return document
