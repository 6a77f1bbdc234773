"""JSON-LD objects of a page, read defensively: publishers' JSON-LD is often broken, and hostile pages make
it deep or huge on purpose."""

from __future__ import annotations

import json
from typing import Any

import lxml.html

_NESTED_KEYS = ("@graph", "mainEntity", "mainEntityOfPage")


def json_ld_objects(tree: lxml.html.HtmlElement) -> list[dict[str, Any]]:
    """Every JSON-LD object of the page, including those nested in `@graph` and `mainEntity`, in page order."""
    found: list[dict[str, Any]] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content() or "null", strict=False)
        except (ValueError, RecursionError):  # broken, too deep, or numbers past int's digit limit
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                found.append(item)
                for key in _NESTED_KEYS:
                    nested = item.get(key)
                    stack.extend(nested if isinstance(nested, list) else [nested])
    return found


def types_of(obj: dict[str, Any]) -> set[str]:
    """The `@type` names of a JSON-LD object (a string or a list; anything else in it is ignored)."""
    kind = obj.get("@type")
    if isinstance(kind, str):
        return {kind}
    return {k for k in kind if isinstance(k, str)} if isinstance(kind, list) else set()
