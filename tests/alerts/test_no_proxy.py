"""Alert delivery connects straight to the address its network check saw: HTTP(S)_PROXY and ALL_PROXY in the
environment are ignored (a proxy would resolve the name, and connect, where the check cannot see), for webhooks
(httpx) and chat targets (Apprise, over requests), through `presswatch alerts deliver` with real loopback
receivers and a real loopback server standing in for a proxy."""

from __future__ import annotations

import time

from alerts.model import SavedSearchSpec
from alerts.service import AlertService
from presswatch.config import Settings
from search.sqlite import SQLiteBackend
from tests.alerts.chat_receivers import chat_receiver
from tests.alerts.conftest import receiving
from tests.alerts.helpers import doc, ingest, place
from tests.alerts.serving import deliver_once

UK = doc("uk", "A UK statement", "The United Kingdom said so.", entities=(place("United Kingdom", "GB"),))


PROXY_VARIABLES = ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy")


def test_a_webhook_and_a_chat_message_are_sent_directly_whatever_the_proxy_variables_say(
    alert_settings: Settings,
) -> None:
    backend = SQLiteBackend(path=alert_settings.sqlite_path)
    with receiving() as receiver, receiving() as proxy, chat_receiver() as chat:
        with AlertService.open(alert_settings, backend=backend) as service:
            service.create(
                owner="local", spec=SavedSearchSpec(kind="mention", entity="UK", webhook_url=receiver.url)
            )
            service.create(
                owner="local",
                spec=SavedSearchSpec(
                    kind="mention", entity="UK", apprise_urls=(f"json://127.0.0.1:{chat.port}/hook",)
                ),
            )
            ingest(service, backend, [UK])
        backend.close()
        proxy_url = proxy.url.removesuffix("/hook")
        proxies = dict.fromkeys(PROXY_VARIABLES, proxy_url)
        attempted = deliver_once(
            alert_settings.data_dir, as_of=time.time(), NO_PROXY="", no_proxy="", **proxies
        )
        assert attempted == 2
        assert proxy.attempts == 0, "a delivery went through the proxy"
        assert [r.json()["doc_id"] for r in receiver.accepted] == [UK.id]
        [message] = chat.received()
        assert "A UK statement" in message
