"""docker-compose.yml: valid under the Compose specification, and the Elasticsearch profile runs the API and
the crawler on the same server version and settings as the test suite's (no Docker engine is needed)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import compose_spec
import pytest
import yaml

from presswatch.config import Settings
from tests.elastic_server import VERSION

COMPOSE_FILE = Path(__file__).resolve().parent.parent / "docker-compose.yml"


def validated(text: str) -> dict[str, Any]:
    """The file with YAML anchors and merge keys resolved, after the Compose spec's validation."""
    data = yaml.safe_load(text)
    plain = {key: value for key, value in data.items() if not key.startswith("x-")}
    compose_spec.PyCompose.from_json(json.dumps(plain)).validate()
    return plain


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return validated(COMPOSE_FILE.read_text(encoding="utf-8"))


def in_profile(compose: dict[str, Any], profile: str) -> dict[str, dict[str, Any]]:
    return {name: s for name, s in compose["services"].items() if profile in s.get("profiles", ())}


def test_the_validation_refuses_what_the_spec_forbids() -> None:
    text = COMPOSE_FILE.read_text(encoding="utf-8")
    with pytest.raises(ValueError, match="sometimes"):
        validated(text.replace("restart: unless-stopped", "restart: sometimes"))
    with pytest.raises(ValueError, match="profile"):
        validated(text.replace("profiles:", "profile:"))


def test_one_profile_runs_the_api_and_the_crawler_on_elasticsearch(compose: dict[str, Any]) -> None:
    services = in_profile(compose, "elasticsearch")
    commands = {" ".join(s["command"]) for s in services.values() if "command" in s}
    assert any("presswatch serve" in c for c in commands) and any("presswatch watch" in c for c in commands)
    for name, service in services.items():
        if name == "elasticsearch":
            continue
        assert service["environment"]["PRESSWATCH_SEARCH_BACKEND"] == "elasticsearch"
        assert service["environment"]["PRESSWATCH_ELASTICSEARCH_URL"] == "http://elasticsearch:9200"
        assert service["depends_on"]["elasticsearch"]["condition"] == "service_healthy"
    sqlite = in_profile(compose, "sqlite")
    assert {s["environment"]["PRESSWATCH_SEARCH_BACKEND"] for s in sqlite.values()} == {"sqlite"}


def test_elasticsearch_is_the_version_and_settings_the_tests_run(compose: dict[str, Any]) -> None:
    server = compose["services"]["elasticsearch"]
    assert server["image"].endswith(f"/elasticsearch:{VERSION}")
    assert server["environment"]["discovery.type"] == "single-node"
    assert server["environment"]["xpack.security.enabled"] == "false"
    assert "-Xmx512m" in server["environment"]["ES_JAVA_OPTS"]


def test_every_presswatch_variable_it_sets_is_a_setting(
    compose: dict[str, Any], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)  # no .env of the developer's
    for name, service in compose["services"].items():
        environment = {k: str(v) for k, v in service.get("environment", {}).items()}
        ours = {k: v for k, v in environment.items() if k.startswith("PRESSWATCH_")}
        if "build" not in service:  # a server (Elasticsearch, PostgreSQL, RabbitMQ), not presswatch
            assert not ours, name
            continue
        known = {f"PRESSWATCH_{field.upper()}" for field in Settings.model_fields}
        assert set(ours) <= known, f"{name} sets variables presswatch does not read: {set(ours) - known}"
        for key, value in ours.items():
            monkeypatch.setenv(key, value)
        settings = Settings()
        assert settings.search_backend == ours["PRESSWATCH_SEARCH_BACKEND"]
        assert str(settings.data_dir) == ours["PRESSWATCH_DATA_DIR"]
        for key in ours:
            monkeypatch.delenv(key)


def test_the_api_is_published_on_loopback_only(compose: dict[str, Any]) -> None:
    """Without keys anyone who reaches the port may create webhooks: the default reaches this machine only."""
    apis = {name: s for name, s in compose["services"].items() if "serve" in s.get("command", ())}
    assert set(apis) == {"api", "api-es", "api-cluster"}
    for name, service in apis.items():
        for published in service["ports"]:
            assert str(published).startswith("127.0.0.1:"), (name, published)


def test_the_cluster_profile_runs_every_part_of_cluster_mode_on_its_servers(compose: dict[str, Any]) -> None:
    services = in_profile(compose, "cluster")
    assert {"postgres", "rabbitmq", "elasticsearch"} <= set(services)
    commands = {name: " ".join(s.get("command", ())) for name, s in services.items()}
    for wanted in (
        "presswatch scheduler",
        "presswatch worker --queue crawl",
        "presswatch worker --queue index",
        "presswatch alerts deliver",
        "presswatch serve",
    ):
        assert any(c.startswith(wanted) for c in commands.values()), wanted
    for name, service in services.items():
        if "build" not in service:
            continue
        environment = service["environment"]
        assert environment["PRESSWATCH_DATABASE_URL"].startswith("postgresql://"), name
        assert environment["PRESSWATCH_BROKER_URL"].startswith("amqp://"), name
        assert environment["PRESSWATCH_ELASTICSEARCH_URL"] == "http://elasticsearch:9200", name
        assert {"postgres", "rabbitmq", "elasticsearch"} <= set(service["depends_on"]), name
    for name in ("scheduler", "crawl-worker", "index-worker"):
        assert services[name]["deploy"]["replicas"] >= 2, name
