"""GET /figures: money, counts and percentages, by entity, currency, value range and date."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel

from api.deps import Backend
from api.filters import BAD_QUERY, DocumentFilters, PageOfListing
from api.flatten import DocumentRef, Found, flatten
from presswatch.document import Figure, FigureKind
from search.base import Hit

router = APIRouter(tags=["figures"])


class FigureFound(BaseModel):
    figure: Figure
    document: DocumentRef


def figure_matches(
    figure: Figure,
    *,
    kind: FigureKind | None,
    currency: str | None,
    least: float | None,
    most: float | None,
) -> bool:
    """A money filter (currency or amounts) wants money; the value is the figure's (its lower end)."""
    wanted = kind or ("money" if currency or least is not None or most is not None else None)
    return (
        (wanted is None or figure.kind == wanted)
        and (currency is None or figure.currency == currency)
        and (least is None or figure.value >= least)
        and (most is None or figure.value <= most)
    )


@router.get(
    "/figures",
    response_model=Found[FigureFound],
    summary="Figures found in documents",
    responses=BAD_QUERY,
)
def figures(
    backend: Backend,
    filters: DocumentFilters,
    page: PageOfListing,
    figure_kind: Annotated[FigureKind | None, Query(description="money, count or percent.")] = None,
    currency: Annotated[
        str | None, Query(pattern="^[A-Za-z]{3}$", description="Money in this ISO 4217 currency.")
    ] = None,
    min_amount: Annotated[
        float | None, Query(ge=0, allow_inf_nan=False, description="Value at least.")
    ] = None,
    max_amount: Annotated[
        float | None, Query(ge=0, allow_inf_nan=False, description="Value at most.")
    ] = None,
) -> Found[FigureFound]:
    code = currency.upper() if currency else None
    money_filter = code is not None or min_amount is not None or max_amount is not None
    query = filters
    if money_filter and figure_kind in (None, "money"):
        query = filters.model_copy(
            update={"figure_currency": code, "figure_min": min_amount, "figure_max": max_amount}
        )

    def items_of(hit: Hit) -> list[FigureFound]:
        document = DocumentRef.of(hit)
        return [
            FigureFound(figure=f, document=document)
            for f in hit.figures
            if figure_matches(f, kind=figure_kind, currency=code, least=min_amount, most=max_amount)
        ]

    return flatten(backend, query, items_of=items_of, limit=page.limit, cursor=page.cursor)
