"""Queries that cannot match anything as written: every backend refuses them with the same reason."""

from __future__ import annotations

from search.base import Query, QueryError


def check_possible(query: Query) -> None:
    """Raise a `QueryError` that says why, when the filters contradict each other."""
    if query.published_from and query.published_to and query.published_from > query.published_to:
        raise QueryError("'from' is after 'to': no document can be published in that range")
    if query.figure_min is not None and query.figure_max is not None and query.figure_min > query.figure_max:
        raise QueryError("min_amount is more than max_amount: no figure can be in that range")
    if query.figure_currency is not None and not (
        len(query.figure_currency) == 3 and query.figure_currency.isalpha()
    ):
        raise QueryError(f"currency {query.figure_currency!r} is not an ISO 4217 code such as GBP or EUR")
    for code in query.countries:
        if not (len(code) == 2 and code.isalpha()):
            raise QueryError(f"country {code!r} is not an ISO 3166-1 alpha-2 code such as GB or RS")
