"""sources.toml → the sources to crawl. Adding a feed is a few lines of TOML, no code."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, ValidationError

from presswatch.document import DocumentKind


class SourceError(ValueError):
    """sources.toml is missing or wrong; the message names the file and the entry."""


class Source(BaseModel):
    """One place to watch.

    ```toml
    [[source]]
    name = "home-office"            # shown in results and usable as a filter
    type = "feed"                   # RSS or Atom
    url = "https://www.gov.uk/government/organisations/home-office.atom"
    kind = "press_release"          # used where the page does not say what it is
    ```
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9._-]*$")
    type: Literal["feed"] = "feed"
    url: HttpUrl
    kind: DocumentKind = "news"
    max_items: int = Field(
        default=200, ge=1, description="Articles taken from the feed at most, newest first."
    )


def load_sources(path: Path) -> list[Source]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SourceError(f"{path}: no such sources file (set PRESSWATCH_SOURCES_FILE)") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SourceError(f"{path}: not valid TOML: {exc}") from exc
    entries = data.get("source", [])
    if not isinstance(entries, list) or not entries:
        raise SourceError(f"{path}: no [[source]] entries")
    sources: list[Source] = []
    for number, entry in enumerate(entries, start=1):
        try:
            sources.append(Source.model_validate(entry))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise SourceError(f"{path}: source #{number} ({where}): {first['msg']}") from None
    names = [s.name for s in sources]
    duplicated = sorted({n for n in names if names.count(n) > 1})
    if duplicated:
        raise SourceError(f"{path}: source names must be unique; repeated: {', '.join(duplicated)}")
    return sources
