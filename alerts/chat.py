"""Chat targets through Apprise (Slack, Microsoft Teams, Discord, Telegram, ntfy, Matrix, a JSON webhook, ...):
an alert's Apprise URL is parsed on save and sent to by the delivery worker, under the webhooks' network rule.

The rule is applied where Apprise connects, not to the URL: a plugin's host is often a token (`slack://A/B/C`
posts to hooks.slack.com), so every address its sockets resolve to (`socket.getaddrinfo`, which requests and
smtplib both call) is checked while a chat message is sent, and the send is refused if any is not public. The
address checked is the one connected to, so a host that re-points between a check and the connection
(DNS rebinding) is covered as well. That hook sees only what resolves through Python's `socket.getaddrinfo`,
so only the chat services in `CHAT_PLUGINS`, which all post over HTTP(S) with requests, are accepted: others
deliver on this machine (`syslog://`, `dbus://`) or resolve their host where the hook cannot see it
(`rsyslog://` sends UDP to any address it is given). For the same reason no proxy is used: the requests
sessions a send makes ignore HTTP(S)_PROXY and ALL_PROXY (`trust_env` off, as for webhooks), since a proxy
would resolve and connect where the hook cannot see.
"""

from __future__ import annotations

import contextvars
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import parse_qsl, quote, urlsplit

import apprise
from apprise import OverflowMode

from alerts.mail import also_reported, one_line, why_in_brief
from alerts.model import AlertPayload, DigestPayload
from alerts.socket_deadline import ends_within
from alerts.targets import TargetRefusedError, checked_addresses, private_address_refused

# The Apprise plugin modules presswatch sends to: chat and push services that post over HTTP(S) with requests,
# so the network rule sees every address they connect to (tests/alerts/test_chat.py checks that they do).
CHAT_PLUGINS = frozenset(
    f"apprise.plugins.{name}"
    for name in (
        "slack",
        "workflows",  # Microsoft Teams (Power Automate workflows)
        "discord",
        "guilded",
        "telegram",
        "ntfy",
        "matrix.base",
        "mattermost",
        "rocketchat",
        "google_chat",
        "zulip",
        "webexteams",
        "gotify",
        "pushover",
        "pushbullet",
        "signal_api",
        "custom_json",
        "custom_form",
        "custom_xml",
    )
)


def _plugin(url: str) -> Any:
    """Apprise's plugin for `url`, or None when Apprise cannot read it (an unknown scheme, a missing token) or
    it is not one of CHAT_PLUGINS."""
    plugin = apprise.Apprise.instantiate(url, asset=_asset(), suppress_exceptions=True)
    return plugin if plugin is not None and type(plugin).__module__ in CHAT_PLUGINS else None


def _asset() -> apprise.AppriseAsset:
    # Sent in the calling thread (no Apprise thread pool), so the per-thread address check sees every socket.
    return apprise.AppriseAsset(async_mode=False)


def check_apprise_url(url: str) -> None:
    """Refuse a URL Apprise cannot parse (checked on save; the network rule is checked at send time)."""
    if _plugin(url) is None:
        raise TargetRefusedError(
            f"not a chat URL presswatch can send to: {shown(url)} (Slack, Teams workflows, Discord, Telegram,"
            " ntfy, Matrix, Mattermost, Rocket.Chat, Google Chat, Zulip, Webex, Gotify, Pushover, Pushbullet,"
            " Signal, json/form/xml webhooks, as Apprise URLs: see https://github.com/caronc/apprise/wiki)"
        )


def shown(url: str) -> str:
    """The URL with its secrets masked (Apprise's privacy form), for logs and errors others may read."""
    plugin = _plugin(url)
    if plugin is None:
        return url.split(":", 1)[0] + "://…"
    return str(plugin.url(privacy=True)).split("?", 1)[0]


def chat_title(payload: AlertPayload) -> str:
    return one_line(f"[presswatch] {payload.search_name}: {payload.title}")[:200]


def chat_body(payload: AlertPayload, *, site_url: str) -> str:
    """Plain text every chat renders: the title, the source's address, presswatch's page, why it matched (as
    the e-mail says it: a document the search matched before fires again only for a new reason, and that
    reason is what its reader needs), the story's other outlets, the summary."""
    lines = [
        payload.title,
        payload.url,
        f"In presswatch: {site_url}/ui/documents/{quote(payload.doc_id, safe='')}",
        "Why it matched:",
        *_why_lines(payload),
    ]
    also = [f"Also: {line}" for line in also_reported(payload)]
    return "\n".join([*lines, *also, "", payload.summary])


def _why_lines(payload: AlertPayload) -> list[str]:
    return [f"- {line}" for line in why_in_brief(payload)]


def digest_title(digest: DigestPayload) -> str:
    count = len(digest.alerts)
    return one_line(f"[presswatch] {digest.search_name}: {count} document{'s' * (count != 1)}")[:200]


def digest_body(digest: DigestPayload, *, site_url: str, room: int | None = None) -> str:
    """Every document of the digest, once: its title, the source's link, presswatch's page and why it matched
    (bounded as a single alert's is), as a single alert's message says them. With `room` (`room_for`), the
    documents that fit, newest first, and how many more there are, with the alerts page's address: cut by
    Apprise instead, a digest ended in the middle of a document and did not say what it left out."""
    blocks = [
        "\n".join(
            [
                a.title,
                a.url,
                f"In presswatch: {site_url}/ui/documents/{quote(a.doc_id, safe='')}",
                "Why it matched:",
                *_why_lines(a),
                *(f"Also: {line}" for line in also_reported(a)),
            ]
        )
        for a in digest.alerts
    ]
    whole = "\n\n".join(blocks)
    if room is None or len(whole) <= room:
        return whole
    kept: list[str] = []
    for number, block in enumerate(blocks):
        rest = f"\n\nand {len(blocks) - number - 1} more at {site_url}/ui/alerts"
        if len("\n\n".join([*kept, block])) + len(rest) > room:
            break
        kept.append(block)
    return "\n\n".join([*kept, f"and {len(blocks) - len(kept)} more at {site_url}/ui/alerts"])


def room_for(url: str, *, title: str) -> int | None:
    """How much body a message to `url` may have: its service's length (the plugin's `body_maxlen`), less the
    title where the service has no title of its own (Apprise puts it first in the body); None when the URL
    chooses its own overflow (`overflow=`) or is not one presswatch sends to."""
    plugin = _plugin(url)
    if plugin is None or _sets_overflow(url):
        return None
    room = int(plugin.body_maxlen)
    if plugin.title_maxlen <= 0 and title:
        room -= len(title) + 2  # "\r\n" after it
    return max(room, 0)


# "@channel", "@here", "@everyone", "<!channel>": a crawled title or summary must not ping a whole channel.
_MENTION = re.compile(r"(?<![^\s(\[{\"'“‘])@(?=\w)|<(?=[!@#])")  # @ opening a word; not in a link


def quiet(text: str) -> str:
    """`text` with every mention broken by a zero-width space after its sigil (`@\u200bchannel`), which
    reads the same; an e-mail address (`press@gov.uk`) or a link (`https://social.example/@press`) is left as it is."""
    return _MENTION.sub(lambda m: m.group() + "\u200b", text)


def send_chat(url: str, *, title: str, body: str, allow_private_networks: bool, timeout: float) -> None:
    """One message to one Apprise URL, its mentions made quiet (the text comes from crawled sites), sent within
    `timeout` seconds in all, connect and TLS handshake included (`alerts.socket_deadline`). Raises
    TargetRefusedError (a non-public address: not retried) or OSError (Apprise reported a failure, or the time
    ran out: retried)."""
    plugin = _plugin(url)
    if plugin is None:
        raise TargetRefusedError(f"not a chat URL presswatch can send to: {shown(url)}")
    if not _sets_overflow(url):
        plugin.overflow_mode = OverflowMode.TRUNCATE
    sender = apprise.Apprise(asset=_asset())
    sender.add(plugin)
    with (
        _without_proxies(),
        ends_within(timeout) as sent,
        checked_addresses(enabled=not allow_private_networks) as refused,
    ):
        ok = sender.notify(body=quiet(body), title=quiet(title))
    if refused:
        raise private_address_refused(f"chat target {shown(url)}", refused[0])
    if not ok and sent.over:
        raise OSError(f"timed out: {shown(url)} did not answer within {timeout:g} s")
    if not ok:
        raise OSError(f"Apprise could not deliver to {shown(url)}")


def _sets_overflow(url: str) -> bool:
    """Whether the URL chooses what Apprise does with a message longer than its service takes (`overflow=`).

    Without it presswatch cuts the message to the service's length (the plugin's `body_maxlen`, the title
    counted where the service has none): Apprise's own default sends it whole, which a small-limit service
    (Pushover 1,024 characters, Rocket.Chat 1,000, Discord 2,000, Mattermost 4,000) refuses, so the alert was
    retried until it died. The message's head (title, links, why it matched) is what stays."""
    return any(
        name.lower() == "overflow" for name, _ in parse_qsl(urlsplit(url).query, keep_blank_values=True)
    )


# Set while a chat message is sent: the requests sessions made meanwhile (in this context, and in Apprise's
# workers for it, which run in a copy of it) do not read the environment, so no proxy is used.
_sending: contextvars.ContextVar[bool] = contextvars.ContextVar("presswatch_chat_sending", default=False)
_wrap_lock = threading.Lock()
_wrapped = False


@contextmanager
def _without_proxies() -> Iterator[None]:
    _wrap_sessions()
    token = _sending.set(True)
    try:
        yield
    finally:
        _sending.reset(token)


def _wrap_sessions() -> None:
    """Wrap requests.Session's constructor once (at the first chat send, never at import): a session made
    while a chat message is sent gets `trust_env = False` (no proxy, .netrc or CA bundle from the
    environment); any other session is left as requests makes it.

    A wrap, because nothing supported reaches those sessions: Apprise's chat plugins (2.3) call
    `requests.request()` / `requests.post()`, each of which makes its own Session, and AppriseAsset has no
    session, proxy or trust_env option (its `utils.http.HTTPPolicySession`, which sets trust_env off, serves
    only attachments and a few plugins, none of CHAT_PLUGINS). tests/alerts/test_no_proxy.py sends through
    `presswatch alerts deliver` with the proxy variables set, so an Apprise or requests that stops calling
    this constructor fails there."""
    global _wrapped
    with _wrap_lock:
        if _wrapped:
            return
        import requests

        original = requests.Session.__init__

        def init(self: requests.Session, *args: Any, **kwargs: Any) -> None:
            original(self, *args, **kwargs)
            if _sending.get():
                self.trust_env = False

        requests.Session.__init__ = init  # type: ignore[method-assign]
        _wrapped = True
