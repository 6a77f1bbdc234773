"""A kind or an agreement status the page has no such value for (a hand-edited or old link: `kind=press-release`,
`status=in force`) is a 400 that says which values there are, on the search page, the agreements page, the
export and the alert form, as GET /search's 422 is: it used to be dropped while its chip still showed, so
every document was listed under "kind: press-release" and "Alert me" saved a search without it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from presswatch.config import Settings


@pytest.fixture(scope="module")
def client(demo_index: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(demo_index), headers={"Origin": "http://testserver"}) as client:
        yield client


@pytest.mark.parametrize(
    ("params", "says"),
    [
        ({"kind": "press-release"}, "kind &#39;press-release&#39; is not one of press_release, news"),
        ({"party": "UK", "status": "in force"}, "status &#39;in force&#39; is not one of planned"),
    ],
)
def test_an_unknown_kind_or_status_says_why_on_every_page(
    client: TestClient, params: dict[str, str], says: str
) -> None:
    for path in ("/", "/ui/agreements"):
        page = client.get(path, params=params)
        assert page.status_code == 400 and says in page.text, path
    plain = says.replace("&#39;", "'")
    for path in ("/ui/export", "/ui/agreements/export"):
        exported = client.get(path, params={**params, "format": "csv"})
        assert exported.status_code == 400 and plain in exported.text, path


def test_the_alert_form_saves_no_search_without_the_kind_asked_for(client: TestClient) -> None:
    made = client.post(
        "/ui/alerts", data={"q": "Kosovo", "kind": "press-release", "name": "releases on Kosovo"}
    )
    assert made.status_code == 400 and "is not one of" in made.text
    assert not [a for a in client.get("/alerts").json() if a["spec"]["name"] == "releases on Kosovo"]


def test_the_forms_any_and_a_known_value_still_filter(client: TestClient) -> None:
    assert client.get("/", params={"kind": "", "status": ""}).status_code == 200
    page = client.get("/", params={"kind": "speech"})
    speeches = client.get("/search", params={"kind": "speech", "limit": 100}).json()["total"]
    assert page.status_code == 200 and f"{speeches} documents" in page.text
