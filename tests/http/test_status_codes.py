"""GraphQL over HTTP, answer by answer: what a front-end developer's client sees for good and
bad requests, in both response media types (schema/view.py, gridlink/body_limit.py)."""

from __future__ import annotations

import httpx
import pytest

from tests.http.conftest import Service
from tests.support.auth import headers as auth

GQL = "application/graphql-response+json"
JSON = "application/json"
OVERVIEW = "{ nodeCounts { label count } }"


def post(
    service: Service, body: object, accept: str | None = None, **headers: str
) -> httpx.Response:
    if accept is not None:
        headers["accept"] = accept
    return httpx.post(service.url, json=body, headers={**auth(), **headers}, timeout=30)


def counts(response: httpx.Response) -> dict[str, int]:
    return {c["label"]: c["count"] for c in response.json()["data"]["nodeCounts"]}


def test_a_query_answers_in_the_type_the_client_asked_for(service: Service) -> None:
    modern = post(service, {"query": OVERVIEW}, accept=f"{GQL}, {JSON};q=0.9")
    assert modern.status_code == 200
    assert modern.headers["content-type"] == f"{GQL}; charset=utf-8"
    assert counts(modern)["District"] >= 1  # the seed dataset's 双滦区 at least

    legacy = post(service, {"query": OVERVIEW}, accept=JSON)
    assert legacy.status_code == 200
    assert legacy.headers["content-type"] == f"{JSON}; charset=utf-8"
    assert legacy.json() == modern.json()


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, JSON),  # no Accept: the legacy default
        ("*/*", JSON),
        ("application/*", JSON),
        (f"{JSON}, {GQL}", GQL),  # equal q: the spec's own type
        (f"{GQL};q=0.5, {JSON}", JSON),  # the client's weights win
        ("text/html, */*;q=0.1", JSON),
    ],
)
def test_accept_negotiation(service: Service, accept: str | None, expected: str) -> None:
    with httpx.Client(timeout=30) as client:
        request = client.build_request(
            "POST", service.url, json={"query": OVERVIEW}, headers=auth()
        )
        if accept is None:
            del request.headers["accept"]
        else:
            request.headers["accept"] = accept
        response = client.send(request)
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == expected


@pytest.mark.parametrize("accept", [GQL, JSON])
def test_no_credential_is_401_with_a_challenge_and_no_data(service: Service, accept: str) -> None:
    # The gate itself is schema/core/permissions.py; the view keeps its status and header.
    response = httpx.post(service.url, json={"query": OVERVIEW}, headers={"accept": accept})
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert response.headers["content-type"].startswith(accept)
    assert "data" not in response.json()

    bad = httpx.post(
        service.url, json={"query": OVERVIEW}, headers={"authorization": "Bearer nonsense"}
    )
    assert bad.status_code == 401
    assert bad.headers["www-authenticate"] == 'Bearer error="invalid_token"'
    assert bad.json()["errors"][0]["message"].startswith("Not authenticated")


def test_an_accept_header_that_allows_no_json_is_406(service: Service) -> None:
    response = post(service, {"query": OVERVIEW}, accept="text/csv")
    assert response.status_code == 406
    assert "text/csv" in response.json()["errors"][0]["message"]


@pytest.mark.parametrize(
    ("content_type", "status"),
    [
        ("text/plain", 415),
        ("application/x-www-form-urlencoded", 415),
        ("application/json; charset=latin1", 415),
        ("application/json; charset=utf-8", 200),
    ],
)
def test_a_post_body_must_be_json_in_utf8(service: Service, content_type: str, status: int) -> None:
    response = httpx.post(
        service.url,
        content=b'{"query": "{ nodeCounts { count } }"}',
        headers={"content-type": content_type, **auth()},
        timeout=30,
    )
    assert response.status_code == status
    if status == 415:
        assert "Content-Type: application/json" in response.json()["errors"][0]["message"]


def test_a_post_without_content_type_is_415(service: Service) -> None:
    response = httpx.post(
        service.url, content=b'{"query": "{ __typename }"}', headers=auth(), timeout=30
    )
    assert response.status_code == 415
    assert "none was given" in response.json()["errors"][0]["message"]


@pytest.mark.parametrize(
    ("query", "what"),
    [
        ("{ nodeCounts { label ", "parse"),
        ("{ nodeCount { label } }", "validation"),
        ("query Q($n: Int!) { nodeCounts { label } }", "variables"),
    ],
)
def test_request_errors_are_400_without_data_in_graphql_response_json(
    service: Service, query: str, what: str
) -> None:
    modern = post(service, {"query": query, "variables": {}}, accept=GQL)
    assert modern.status_code == 400, what
    assert "data" not in modern.json()
    assert modern.json()["errors"][0]["message"]

    # Legacy application/json clients read errors from a 200, as they always have.
    legacy = post(service, {"query": query, "variables": {}}, accept=JSON)
    assert legacy.status_code == 200, what
    assert "data" not in legacy.json()


def test_get_runs_queries_with_json_variables(service: Service) -> None:
    response = httpx.get(
        service.url,
        params={
            "query": "query T($name: String!) { __type(name: $name) { name } }",
            "variables": '{"name": "Query"}',
        },
        headers={"accept": GQL, **auth()},
        timeout=30,
    )
    assert response.status_code == 200
    assert response.json() == {"data": {"__type": {"name": "Query"}}}


def test_a_mutation_over_get_is_405_and_never_runs(service: Service) -> None:
    response = httpx.get(
        service.url, params={"query": "mutation { __typename }"}, headers={"accept": GQL, **auth()}
    )
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"


def test_other_methods_are_405(service: Service) -> None:
    response = httpx.put(service.url, json={"query": OVERVIEW}, headers=auth())
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, POST"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"", "empty"),
        (b'{"query": ', "not valid JSON"),
        (b'"{ __typename }"', "must be a JSON object"),
        (b'[{"query": "{ __typename }"}]', "Batched operations"),
        (b'{"variables": {}}', "no `query`"),
        (b'{"query": 7}', "`query` parameter must be a string"),
        (b'{"query": "{ __typename }", "operationName": ["Q"]}', "`operationName`"),
        (
            b'{"query": "{ __typename }", "variables": "x=1"}',
            "`variables` parameter must be an object",
        ),
        (b'{"query": "{ __typename }", "extensions": 0}', "`extensions`"),
    ],
)
def test_malformed_requests_are_400_naming_the_problem(
    service: Service, body: bytes, message: str
) -> None:
    response = httpx.post(
        service.url,
        content=body,
        headers={"content-type": JSON, "accept": GQL, **auth()},
        timeout=30,
    )
    assert response.status_code == 400
    assert response.headers["content-type"].startswith(GQL)
    assert message in response.json()["errors"][0]["message"]


def test_a_body_over_the_limit_is_413_whether_declared_or_streamed(service: Service) -> None:
    # The default limit is 1,000,000 bytes (GRIDLINK_MAX_BODY_BYTES).
    padding = " " * 1_000_001
    declared = httpx.post(
        service.url,
        content=f'{{"query": "{{ __typename }}"{padding}}}',
        headers={"content-type": JSON, **auth()},
    )
    assert declared.status_code == 413
    assert "1000000 bytes" in declared.json()["errors"][0]["message"]

    def chunks() -> object:
        yield b'{"query": "{ __typename }"'
        for _ in range(11):
            yield b" " * 100_000
        yield b"}"

    streamed = httpx.post(service.url, content=chunks(), headers={"content-type": JSON, **auth()})  # type: ignore[arg-type]
    assert "content-length" not in streamed.request.headers
    assert streamed.status_code == 413

    just_under = httpx.post(
        service.url,
        content='{"query": "{ __typename }"' + " " * 900_000 + "}",
        headers={"content-type": JSON, **auth()},
    )
    assert just_under.status_code == 200


def test_cors_lets_the_configured_origin_in_and_no_other(service: Service) -> None:
    preflight = {
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type, authorization",
    }
    allowed = httpx.options(
        service.url, headers={"origin": "http://coordinator-app.test", **preflight}
    )
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == "http://coordinator-app.test"
    assert "authorization" in allowed.headers["access-control-allow-headers"].lower()

    other = httpx.options(service.url, headers={"origin": "http://elsewhere.test", **preflight})
    assert other.status_code == 400
    assert "access-control-allow-origin" not in other.headers

    simple = post(service, {"query": OVERVIEW}, origin="http://coordinator-app.test")
    assert simple.headers["access-control-allow-origin"] == "http://coordinator-app.test"
