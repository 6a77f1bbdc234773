"""The user's corrections to entities: merge spellings into one entity, relabel one, or drop one.

A TOML file (by default `<data dir>/aliases.toml`, or `PRESSWATCH_ALIASES_FILE`) that a user edits by hand:

    ignore = ["Council", "Department"]      # names that are never entities

    [[entity]]
    name = "Keir Starmer"                   # the one name the index stores
    aliases = ["Starmer", "Keir Rodney Starmer"]
    label = "PERSON"                        # optional: correct the label as well
    role = "Prime Minister"                 # optional

    [[entity]]
    name = "English Channel"
    aliases = ["Channel", "La Manche"]
    label = "LOC"

A mention, a quote's speaker or an agreement party whose name (or text, as written) is one of an entry's
names, compared without case or accents, becomes that entry's entity. It is applied when a document is
extracted and, to documents already stored, by `presswatch reindex` — without running the NLP again.
It lives in the core so that the command line can apply it without loading spaCy.
"""

from __future__ import annotations

import json
import tomllib
import unicodedata
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

from presswatch.document import Document, EntityLabel, Mention
from presswatch.gazetteer import country


class AliasesError(ValueError):
    """The aliases file cannot be used; the message names the file and what is wrong."""


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", " ".join(text.split()).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class AliasEntry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(min_length=1)
    aliases: tuple[str, ...] = ()
    label: EntityLabel | None = None
    role: str | None = None
    code: str | None = Field(default=None, pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2, for GPE.")


class Aliases(BaseModel):
    """Every entry of an aliases file, looked up by any of its names."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    entity: tuple[AliasEntry, ...] = ()
    ignore: tuple[str, ...] = ()
    _names: dict[str, AliasEntry] | None = PrivateAttr(default=None)

    def _index(self) -> dict[str, AliasEntry]:
        if self._names is None:
            self._names = {_fold(n): e for e in self.entity for n in (e.name, *e.aliases)}
        return self._names

    def lookup(self, *names: str) -> AliasEntry | None:
        index = self._index()
        for name in names:
            if (entry := index.get(_fold(name))) is not None:
                return entry
        return None

    def ignored(self, *names: str) -> bool:
        dropped = {_fold(n) for n in self.ignore}
        return any(_fold(n) in dropped for n in names)

    def __bool__(self) -> bool:
        return bool(self.entity or self.ignore)

    def apply_to_mention(self, mention: Mention) -> Mention | None:
        """The mention as the user wants it, or None when the user drops it."""
        if mention.label == "DATE":
            return mention
        if self.ignored(mention.normalized, mention.text):
            return None
        entry = self.lookup(mention.normalized, mention.text)
        if entry is None:
            return mention
        if self.ignored(entry.name):  # a spelling of a hidden entity is hidden with it
            return None
        label = entry.label or mention.label
        code = entry.code or (mention.code if label == mention.label else None)
        if label == "GPE" and code is None and (place := country(entry.name)) is not None:
            code = place.code
        return mention.model_copy(
            update={
                "normalized": entry.name,
                "label": label,
                "code": code if label == "GPE" else None,
                "role": entry.role or mention.role,
            }
        )

    def apply(self, document: Document) -> Document:
        """The document with its entities, quote speakers and agreement parties corrected."""
        if not self:
            return document
        entities = tuple(m for m in (self.apply_to_mention(m) for m in document.entities) if m is not None)
        quotes = tuple(
            q.model_copy(update={"speaker": entry.name, "role": entry.role or q.role})
            if q.speaker and (entry := self.lookup(q.speaker)) is not None
            else q
            for q in document.quotes
        )
        agreements = tuple(
            a.model_copy(
                update={
                    "parties": tuple(
                        dict.fromkeys((e.name if (e := self.lookup(p)) else p) for p in a.parties)
                    )
                }
            )
            for a in document.agreements
        )
        return document.model_copy(update={"entities": entities, "quotes": quotes, "agreements": agreements})


def load_aliases(path: Path | None) -> Aliases:
    """The aliases in `path`; none when there is no path or no file there. A file that is not valid TOML or
    has an unknown key or label raises `AliasesError` saying where."""
    if path is None or not path.is_file():
        return Aliases()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise AliasesError(f"{path}: not valid TOML: {exc}") from None
    try:
        return Aliases.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors(include_url=False)
        )
        raise AliasesError(f"{path}: {problems}") from None


def _toml_string(text: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's (quote, backslash, control characters as \\uXXXX)."""
    return json.dumps(text, ensure_ascii=False)


def dump_aliases(aliases: Aliases) -> str:
    """The aliases as a TOML file in the shape the module docstring shows (what `load_aliases` reads)."""
    lines = ["# Entity corrections: see presswatch/aliases.py. Written by the web page's merge and hide too."]
    lines.append("ignore = [" + ", ".join(_toml_string(n) for n in aliases.ignore) + "]")
    for entry in aliases.entity:
        lines += ["", "[[entity]]", f"name = {_toml_string(entry.name)}"]
        lines.append("aliases = [" + ", ".join(_toml_string(n) for n in entry.aliases) + "]")
        for key in ("label", "role", "code"):
            if (value := getattr(entry, key)) is not None:
                lines.append(f"{key} = {_toml_string(value)}")
    return "\n".join(lines) + "\n"


def save_aliases(path: Path, aliases: Aliases) -> None:
    """Writes the file whole and then swaps it in, so a reader never sees half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(dump_aliases(aliases), encoding="utf-8")
    partial.replace(path)


def merge_target(aliases: Aliases, into: str) -> str:
    """The name a merge into `into` ends at: the entity `into` is already a spelling of, else `into`."""
    entry = aliases.lookup(into)
    return entry.name if entry is not None else into


def merged(aliases: Aliases, name: str, into: str) -> Aliases:
    """The aliases with `name` one more spelling of `into` (and of nothing else, nor ignored).

    `into` is followed to the entity it already names (merging into a spelling merges into its entity,
    instead of a second entry that takes the spelling from it), and when `name` is an entity of the file,
    its spellings move with it, so no earlier merge comes undone."""
    target = merge_target(aliases, into)
    folded = _fold(name)
    if folded == _fold(target):
        return aliases
    moving = next((e for e in aliases.entity if _fold(e.name) == folded), None)
    arriving = (name, *(moving.aliases if moving is not None else ()))
    gone = {_fold(n) for n in arriving}
    entries = []
    added = False
    for entry in aliases.entity:
        if entry is moving:
            continue
        kept = tuple(a for a in entry.aliases if _fold(a) not in gone)
        if _fold(entry.name) == _fold(target):
            kept, added = (*kept, *arriving), True
        entries.append(entry.model_copy(update={"aliases": kept}))
    if not added:
        carried = moving.model_dump(include={"label", "role", "code"}) if moving is not None else {}
        entries.append(AliasEntry(name=target, aliases=arriving, **carried))
    ignore = tuple(n for n in aliases.ignore if _fold(n) not in gone)
    return Aliases(entity=tuple(entries), ignore=ignore)


def hidden(aliases: Aliases, name: str) -> Aliases:
    """The aliases with `name` never an entity (left out of facets and entity lists)."""
    if aliases.ignored(name):
        return aliases
    return Aliases(entity=aliases.entity, ignore=(*aliases.ignore, name))
