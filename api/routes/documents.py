"""GET /documents/{id}: one document with everything extracted from it, and the story it belongs to."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, HTTPException, status
from pydantic import BaseModel, Field

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
    responses={404: {"model": ErrorDetail, "description": "No document has this id"}},
)
def get_document(doc_id: str, backend: Backend) -> DocumentWithStory:
    document = backend.get(doc_id)
    if document is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail=f"no document with id {doc_id!r}")
    return DocumentWithStory.model_validate({**document.model_dump(), "story": _story(backend, document)})
