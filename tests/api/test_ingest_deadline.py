"""POST /ingest of a URL has one deadline, PRESSWATCH_DOWNLOAD_TIMEOUT, for the whole fetch: resolving names,
robots.txt and every redirect share it. With a deadline per request, a chain of five redirects each answered
just inside the timeout held an API worker for six timeouts (robots.txt one more), and a name the resolver
never answers held it for as long as `getaddrinfo` liked."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from crawlers.ingest import PageIngester
from presswatch.config import Settings
from tests.api.ingest_settings import WRITER_KEY as KEY
from tests.api.ingest_settings import fetching
from tests.fixture_site import FixtureSite, Reply

TIMEOUT = 1.5
STEP = 0.6  # each answer well inside the timeout; five of them are not
HOPS = 5


@pytest.fixture
def quick(settings: Settings) -> Settings:
    return fetching(settings, download_timeout=TIMEOUT)


def _slowly(reply: Reply) -> Callable[[], Reply]:
    def answer() -> Reply:
        time.sleep(STEP)
        return reply

    return answer


def _post(settings: Settings, url: str, ingester: PageIngester) -> tuple[float, int, str]:
    with TestClient(create_app(settings, ingester=ingester)) as client:
        started = time.monotonic()
        response = client.post("/ingest", json={"url": url}, headers=KEY)
        return time.monotonic() - started, response.status_code, response.json()["detail"]


def test_slow_robots_txt_and_redirects_share_one_download_timeout(quick: Settings) -> None:
    routes = {
        f"/hop{n}": _slowly(Reply(b"", "text/html", 302, {"Location": f"/hop{n + 1}"})) for n in range(HOPS)
    }
    routes["/robots.txt"] = _slowly(Reply(b"User-agent: *\nAllow: /\n", "text/plain", 200))
    site = FixtureSite(extra_routes=routes).start()
    try:
        elapsed, status, detail = _post(quick, site.base_url + "/hop0", PageIngester(quick))
    finally:
        site.close()
    assert elapsed < TIMEOUT + 1.0, f"{elapsed:.1f}s: {detail}"
    assert status == 502, detail
    assert "timeout" in detail.lower(), detail
    assert f"/hop{HOPS}" not in site.requests, site.requests


def test_a_name_that_never_resolves_is_given_up_at_the_download_timeout(quick: Settings) -> None:
    def unanswered(host: str, port: int) -> list[str]:
        time.sleep(TIMEOUT * 4)  # a resolver that does not answer; getaddrinfo has no timeout of its own
        return ["127.0.0.1"]

    elapsed, status, detail = _post(
        quick, "http://slow-dns.example/story", PageIngester(quick, resolve=unanswered)
    )
    assert elapsed < TIMEOUT + 1.0, f"{elapsed:.1f}s: {detail}"
    assert status == 502, detail
    assert "cannot resolve slow-dns.example: no answer within the download timeout" in detail


def test_names_that_never_resolve_hold_a_bounded_number_of_threads(quick: Settings) -> None:
    """Each lookup the fetch stopped waiting for keeps its thread until getaddrinfo gives up, which a resolver
    that does not answer may never do: one thread per request, without bound (a client with a key could pile
    up thousands). At most MAX_RESOLVING wait at once; past that a fetch says the resolver is not answering."""
    from crawlers.fetch import MAX_RESOLVING

    stuck = threading.Event()

    def unanswered(host: str, port: int) -> list[str]:
        stuck.wait(60)
        return ["127.0.0.1"]

    # A second each, so that a loaded machine still reaches the resolver before the deadline: the first
    # MAX_RESOLVING requests go eight at a time, so the test waits about MAX_RESOLVING / 8 seconds.
    patient = quick.model_copy(update={"download_timeout": 1.0})
    before = _lookup_threads()
    try:
        with TestClient(create_app(patient, ingester=PageIngester(patient, resolve=unanswered))) as client:

            def post(n: int) -> str:
                answer = client.post("/ingest", json={"url": f"http://stuck-{n}.example/"}, headers=KEY)
                return str(answer.json()["detail"])

            with ThreadPoolExecutor(max_workers=8) as pool:
                first = list(pool.map(post, range(MAX_RESOLVING)))
            # Twenty more, one by one: any of the first that ran out of time before its lookup left a slot
            # for one of these, so the last is refused however loaded the machine was.
            details = first + [post(MAX_RESOLVING + n) for n in range(20)]
            waiting = _lookup_threads() - before
    finally:
        stuck.set()
    assert waiting <= MAX_RESOLVING, f"{waiting} lookup threads for {len(details)} requests"
    assert any("no answer within the download timeout" in d for d in first), first[0]
    assert f"{MAX_RESOLVING} name lookups are still waiting for the resolver" in details[-1], details[-1]


def _lookup_threads() -> int:
    """The name lookups `crawlers.fetch` is waiting for (its threads' names), not the server's worker threads."""
    return sum(t.name.startswith("resolve ") for t in threading.enumerate())
