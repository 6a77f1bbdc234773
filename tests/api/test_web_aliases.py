"""Issue 20, item 7: merging and hiding names from the page (POST /ui/aliases), over a copy of the demo index.
Merges made one after another keep each other (a merge into a spelling goes to its entity; a merged entity's
spellings move with it), and a name with control characters is refused with the file left as it was."""

from __future__ import annotations

import html
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.app import create_app
from presswatch.aliases import load_aliases
from presswatch.config import Settings

KEY = {"X-API-Key": "editor", "Origin": "http://testserver"}  # a writer's form post from the page


@pytest.fixture
def writable(demo_index: Settings, tmp_path: Path) -> Settings:
    data = tmp_path / "data"
    shutil.copytree(demo_index.data_dir, data)
    return demo_index.model_copy(update={"data_dir": data, "api_keys": [SecretStr("editor")]})


@pytest.fixture
def client(writable: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(writable)) as opened:
        yield opened


def post(client: TestClient, **form: str) -> str:
    """The page a merge or hide leads to (its redirect's target)."""
    answer = client.post("/ui/aliases", data=form, headers=KEY, follow_redirects=False)
    assert answer.status_code == 303, answer.text
    return str(answer.headers["location"])


def documents_naming(client: TestClient, name: str) -> int:
    found = client.get("/search", params={"entity": name, "limit": 1}, headers=KEY)
    assert found.status_code == 200, found.text
    return int(found.json()["total"])


def test_a_merge_into_a_spelling_goes_to_its_entity(client: TestClient, writable: Settings) -> None:
    assert documents_naming(client, "Pristina") and documents_naming(client, "Western Balkans")
    post(client, action="merge", name="Pristina", into="Kosovo")
    landed = post(client, action="merge", name="Western Balkans", into="Pristina")
    assert landed.startswith("/ui/entities/Kosovo?")
    aliases = load_aliases(writable.aliases_path)
    for spelling in ("Pristina", "Western Balkans", "Kosovo"):
        entry = aliases.lookup(spelling)
        assert entry is not None and entry.name == "Kosovo", (spelling, entry)
    assert documents_naming(client, "Pristina") == documents_naming(client, "Western Balkans") == 0


def test_a_name_merged_into_a_hidden_one_is_hidden_too(client: TestClient, writable: Settings) -> None:
    """Hiding a name hides the entity: a spelling merged into it afterwards must not bring it back."""
    assert documents_naming(client, "Pristina") and documents_naming(client, "Kosovo")
    post(client, action="hide", name="Kosovo")
    assert documents_naming(client, "Kosovo") == 0
    post(client, action="merge", name="Pristina", into="Kosovo")
    assert documents_naming(client, "Kosovo") == documents_naming(client, "Pristina") == 0


def test_a_merged_entity_brings_its_spellings(client: TestClient, writable: Settings) -> None:
    post(client, action="merge", name="Oliver Grant", into="Tom Ashworth")
    assert documents_naming(client, "Oliver Grant") == 0 < documents_naming(client, "Tom Ashworth")
    post(client, action="merge", name="Tom Ashworth", into="Sarah Lind")
    aliases = load_aliases(writable.aliases_path)
    for spelling in ("Oliver Grant", "Tom Ashworth"):
        entry = aliases.lookup(spelling)
        assert entry is not None and entry.name == "Sarah Lind", (spelling, entry)
        assert documents_naming(client, spelling) == 0
    assert [e.name for e in aliases.entity] == ["Sarah Lind"]
    again = client.post(
        "/ui/aliases", data={"action": "merge", "name": "Sarah Lind", "into": "Oliver Grant"}, headers=KEY
    )
    assert again.status_code == 400 and "a spelling of Sarah Lind already" in again.text


@pytest.mark.parametrize("name", ["Foo\nBar", "Council\x00", "Tab\there"])
def test_a_name_with_control_characters_is_refused(client: TestClient, writable: Settings, name: str) -> None:
    for form in ({"action": "hide", "name": name}, {"action": "merge", "name": "Kosovo", "into": name}):
        answer = client.post("/ui/aliases", data=form, headers=KEY)
        assert answer.status_code == 400 and "control characters" in answer.text, answer.text
    assert not writable.aliases_path.exists()


def test_only_the_pages_own_note_is_shown(client: TestClient) -> None:
    """The note after a merge is shown; words a link from elsewhere puts in `done` are not (they were, in the
    page's status box: "Your key expired: sign in again at ...")."""
    landed = post(client, action="hide", name="European Union")
    shown = client.get(landed, headers=KEY)
    assert '<p class="done" role="status">European Union hidden: ' in shown.text
    phishing = "Your key has expired: sign in again at https://evil.example/presswatch"
    for page in ("/", "/ui/entities/Kosovo"):
        for forged in ({"done": phishing}, {"done": phishing, "done_mac": "0" * 32}):
            answer = client.get(page, params=forged, headers=KEY)
            assert answer.status_code == 200 and 'class="done"' not in answer.text, page
            assert phishing not in html.unescape(answer.text), page  # (links may carry it, encoded)
