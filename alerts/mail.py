"""The e-mail of one alert or a digest: RFC 5322 headers (Date, a stable Message-ID), a plain and an HTML part, readable
figures, and a link to where the alert is managed (paused or deleted).

Every text that reaches a header is on one line here, whatever is stored: a saved search's name is refused
with control characters on save, but a document's title comes from whatever site was crawled.
"""

from __future__ import annotations

import html
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime

from alerts.model import AlertPayload, DigestPayload, control_characters
from presswatch.document import Figure

SUBJECT_CHARS = 200


def one_line(text: str) -> str:
    """`text` with control characters and runs of whitespace made single spaces."""
    unsafe = {chr(int(code[2:], 16)) for code in control_characters(text)}
    return " ".join("".join(" " if c in unsafe else c for c in text).split())


def readable(figure: Figure) -> str:
    """'£75m (75,000,000 GBP)': the text as written, and the amount as the index holds it."""
    return f"{figure.text} ({figure.normalized})" if figure.text != figure.normalized else figure.text


def message_id(payload: AlertPayload, *, sender: str) -> str:
    """The same for every attempt of one alert to one address, so a mail client drops a resent copy."""
    domain = sender.rpartition("@")[2] or "localhost"
    return f"<alert-{payload.alert_id}.{payload.search_id}@{domain}>"


def alert_message(
    payload: AlertPayload, *, sender: str, recipient: str, manage_url: str, now: datetime | None = None
) -> EmailMessage:
    """The alert as an e-mail to `recipient`; `manage_url` is where its owner pauses or deletes it."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = recipient
    message["Subject"] = one_line(f"[presswatch] {payload.search_name}: {payload.title}")[:SUBJECT_CHARS]
    message["Date"] = format_datetime(now or datetime.now(UTC))
    message["Message-ID"] = message_id(payload, sender=sender)
    message["X-Presswatch-Alert"] = str(payload.alert_id)
    message.set_content(email_text(payload, manage_url=manage_url))
    message.add_alternative(email_html(payload, manage_url=manage_url), subtype="html")
    return message


def why_it_matched(payload: AlertPayload) -> list[str]:
    """Why it matched, in words (the e-mail's and the chat message's): the agreements and figures themselves,
    not their reason keys."""
    lines = [
        f"agreement ({a.status.replace('_', ' ')}): {', '.join(a.parties)}: {a.text}"
        for a in payload.agreements
    ]
    lines += [f"figure: {readable(f)}" + (f", {f.about}" if f.about else "") for f in payload.figures]
    for reason in payload.reasons:
        kind, _, detail = reason.partition(":")
        if kind == "mention":
            lines.append(f"mentions {detail}")
        elif kind == "story":
            lines.append(f"a new document in story {detail}")
        elif kind == "match":
            lines.append("matches the saved search")
        elif kind not in ("agreement", "figure") or not (payload.agreements or payload.figures):
            lines.append(reason)
    return lines


WHY_LINES = 5
"""The most reasons a chat message, or a digest for each of its documents, lists; the page has the others."""
WHY_CHARS = 200
"""The most of one reason it shows (an agreement's whole sentence can be long)."""


def why_in_brief(payload: AlertPayload) -> list[str]:
    """Why it matched, bounded: a release naming forty agreements listed all forty, a message longer than a
    chat service takes (Mattermost 4,000 characters, Pushover 1,024), which refused it until it died; a digest
    lists this for each of its documents."""
    why = why_it_matched(payload)
    lines = [_cut(one_line(line), WHY_CHARS) for line in why[:WHY_LINES]]
    if len(why) > WHY_LINES:
        lines.append(f"and {len(why) - WHY_LINES} more, on the page")
    return lines


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def also_reported(payload: AlertPayload) -> list[str]:
    """The story's other outlets matched so far, one line each ("source: title <url>")."""
    return [
        f"{o.source}: {one_line(o.title)} <{o.url}>" for o in payload.outlets if o.doc_id != payload.doc_id
    ]


def _also_html(payload: AlertPayload) -> str:
    """The story's other outlets as escaped, linked list items (empty when there are none)."""
    e = html.escape
    others = [o for o in payload.outlets if o.doc_id != payload.doc_id]
    return "".join(f'<li>{e(o.source)}: <a href="{e(o.url)}">{e(o.title or o.url)}</a></li>' for o in others)


def email_text(payload: AlertPayload, *, manage_url: str) -> str:
    lines = [payload.title, payload.url]
    if payload.published is not None:
        lines.append(f"Published {payload.published:%d %B %Y}")
    lines += ["", payload.summary, "", "Why it matched:"]
    lines += [f"  - {line}" for line in why_it_matched(payload)]
    if also_reported(payload):
        lines += ["", "Also reported by:", *(f"  - {line}" for line in also_reported(payload))]
    lines += ["", f"Alert “{payload.search_name}”: pause or delete it at {manage_url}"]
    return "\n".join(lines) + "\n"


def email_html(payload: AlertPayload, *, manage_url: str) -> str:
    """The HTML part; every text is escaped except the highlight, which the index already escaped and marked."""
    e = html.escape
    published = f"<p>Published {payload.published:%d %B %Y}</p>" if payload.published is not None else ""
    why = "".join(f"<li>{e(line)}</li>" for line in why_it_matched(payload))
    highlight = f"<blockquote>{payload.highlight}</blockquote>" if payload.highlight else ""
    also = _also_html(payload)
    return (
        "<!doctype html><html><body>"
        f'<h1><a href="{e(payload.url)}">{e(payload.title or payload.url)}</a></h1>{published}'
        f"<p>{e(payload.summary)}</p>{highlight}<h2>Why it matched</h2><ul>{why}</ul>"
        + (f"<h2>Also reported by</h2><ul>{also}</ul>" if also else "")
        + f'<p>Alert “{e(payload.search_name)}”: <a href="{e(manage_url)}">pause or delete it</a></p>'
        "</body></html>"
    )


def digest_message(
    digest: DigestPayload, *, sender: str, recipient: str, manage_url: str, now: datetime | None = None
) -> EmailMessage:
    """A digest as one e-mail (a plain and an HTML part): every document of the period, once, with its link and
    why it matched (bounded as a chat message's: a digest lists many)."""
    count = len(digest.alerts)
    message = EmailMessage()
    message["From"] = sender
    message["To"] = recipient
    subject = f"[presswatch] {digest.search_name}: {count} document{'s' * (count != 1)}"
    message["Subject"] = one_line(subject)[:SUBJECT_CHARS]
    message["Date"] = format_datetime(now or datetime.now(UTC))
    domain = sender.rpartition("@")[2] or "localhost"
    message["Message-ID"] = f"<digest-{digest.digest_id}.{digest.search_id}@{domain}>"
    message["X-Presswatch-Digest"] = str(digest.digest_id)
    lines = [
        "\n".join(
            [
                one_line(a.title),
                a.url,
                "Why it matched:",
                *(f"  - {line}" for line in why_in_brief(a)),
                *(f"also: {o}" for o in also_reported(a)),
                a.summary,
                "",
            ]
        )
        for a in digest.alerts
    ]
    lines.append(f"Alert “{digest.search_name}”: pause or delete it at {manage_url}")
    message.set_content("\n".join(lines) + "\n")
    message.add_alternative(digest_html(digest, manage_url=manage_url), subtype="html")
    return message


def digest_html(digest: DigestPayload, *, manage_url: str) -> str:
    """The digest's HTML part: each document's linked title, why it matched, its other outlets and summary; all
    escaped."""
    e = html.escape
    items = []
    for a in digest.alerts:
        also = _also_html(a)
        why = "".join(f"<li>{e(line)}</li>" for line in why_in_brief(a))
        items.append(
            f'<li><a href="{e(a.url)}">{e(one_line(a.title) or a.url)}</a><p>Why it matched:</p><ul>{why}</ul>'
            f"<p>{e(a.summary)}</p>" + (f"<p>Also reported by:</p><ul>{also}</ul>" if also else "") + "</li>"
        )
    return (
        f"<!doctype html><html><body><h1>{e(digest.search_name)}</h1><ol>{''.join(items)}</ol>"
        f'<p>Alert “{e(digest.search_name)}”: <a href="{e(manage_url)}">pause or delete it</a></p>'
        "</body></html>"
    )
