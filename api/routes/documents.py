"""GET /documents/{id}: one document with everything extracted from it, and the story it belongs to."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, HTTPException, Request, Response, status
from pydantic import BaseModel, Field

from api.conditional import etag_of, not_modified
from api.deps import Backend, ErrorDetail
from presswatch.document import Document
from search.base import Query, SearchBackend

router = APIRouter(tags=["documents"])
STORY_DOCUMENTS = 20


class StoryDocument(BaseModel):
    """Another document of the same story."""

    id: str
    url: str
    source: str
    title: str
    published: datetime | None


class Story(BaseModel):
    """The documents that repeat one story: a press release and the reports of it."""

    id: str
    size: int = Field(description="Documents in the story, this one included.")
    documents: list[StoryDocument] = Field(
        description=f"The other documents of the story, newest first (at most {STORY_DOCUMENTS})."
    )


class DocumentWithStory(Document):
    story: Story | None = Field(default=None, description="Its story (see `story_id`), when it has one.")


def _story(backend: SearchBackend, document: Document) -> Story | None:
    if document.story_id is None:
        return None
    page = backend.search(
        Query(story_id=document.story_id, sort="date", limit=STORY_DOCUMENTS + 1, facets=False)
    )
    others = [hit for hit in page.hits if hit.id != document.id][:STORY_DOCUMENTS]
    size = max(page.total, len(others) + 1)
    return Story(
        id=document.story_id,
        size=size,
        documents=[
            StoryDocument(id=h.id, url=h.url, source=h.source, title=h.title, published=h.published)
            for h in others
        ],
    )


@router.get(
    "/documents/{doc_id}",
    response_model=DocumentWithStory,
    summary="Get a document by id",
    responses={
        200: {
            "headers": {
                "ETag": {
                    "description": "Send it back in If-None-Match to revalidate",
                    "schema": {"type": "string"},
                }
            }
        },
        304: {"description": "The document (and its story) is as the client's If-None-Match says: no body"},
        404: {"model": ErrorDetail, "description": "No document has this id"},
    },
)
def get_document(
    doc_id: str, backend: Backend, request: Request, response: Response
) -> DocumentWithStory | Response:
    """The document with its story, an ETag and `Cache-Control: private, no-cache`: a client that keeps
    documents revalidates each with If-None-Match and gets a bodiless 304 while it has not changed (a
    re-ingest or a new report of its story changes it). Private: with API keys, who may read it is per key."""
    document = backend.get(doc_id)
    if document is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail=f"no document with id {doc_id!r}")
    found = DocumentWithStory.model_validate({**document.model_dump(), "story": _story(backend, document)})
    # Cache-Control is the app's default (api/cache_control.py); the route adds only its validator
    etag = etag_of(found.model_dump_json().encode())
    if not_modified(request, etag=etag):
        return Response(status_code=status.HTTP_304_NOT_MODIFIED, headers={"ETag": etag})
    response.headers["ETag"] = etag
    return found
