"""Request ids on every answer, and who may open a subscription, over real HTTP and WebSockets."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest
from gql import Client, GraphQLRequest
from gql.transport.exceptions import TransportConnectionFailed, TransportQueryError
from gql.transport.websockets import WebsocketsTransport
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from websockets.exceptions import ConnectionClosedError

from schema.core.errors import RequestIds
from schema.core.ids import to_global
from tests.conftest import wipe
from tests.security.conftest import Service
from tests.security.scenes import build_two_grids
from tests.support.auth import token

GENERATED = re.compile(r"[0-9a-f]{16}")


@pytest.fixture(scope="module")
def scene(service: Service, migrated: str) -> Service:
    wipe(migrated)
    build_two_grids(migrated)
    return service


def test_a_clients_own_request_id_comes_back_and_a_forged_one_is_replaced(scene: Service) -> None:
    health = f"http://127.0.0.1:{scene.port}/healthz"
    assert httpx.get(health, headers={"x-request-id": "trace-42.a_b"}).headers["x-request-id"] == (
        "trace-42.a_b"
    )
    forged = httpx.get(health, headers={"x-request-id": ("200 OK user=admin " * 5).strip()})
    assert GENERATED.fullmatch(forged.headers["x-request-id"])
    # Refusals carry one too: a 401 without a token, a 400 for a body that is not JSON.
    refused = httpx.post(scene.url, json={"query": "{ nodeCounts { label } }"})
    assert refused.status_code == 401 and GENERATED.fullmatch(refused.headers["x-request-id"])
    broken = scene.client.post(
        scene.url,
        content=b"{",
        headers={"content-type": "application/json", "authorization": f"Bearer {token()}"},
    )
    assert broken.status_code == 400 and GENERATED.fullmatch(broken.headers["x-request-id"])


async def test_an_unhandled_fault_is_a_json_500_naming_only_the_request_id() -> None:
    async def boom(_: Request) -> PlainTextResponse:
        raise RuntimeError("MATCH (n:Secret) -- internal detail")

    app = Starlette(routes=[Route("/boom", boom)], middleware=[Middleware(RequestIds)])
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        response = await client.get("/boom", headers={"x-request-id": "req-7"})
    assert response.status_code == 500
    assert response.headers["x-request-id"] == "req-7"
    assert response.json() == {"errors": [{"message": "Internal error (request id req-7)."}]}


SUBSCRIBE = """subscription($scope: ID!) {
  caseUpdates(scopeId: $scope) { logSeq case { externalId } } }"""


async def first_update(
    service: Service,
    headers: dict[str, str] | None,
    scope: str,
    init_payload: dict[str, Any] | None = None,
) -> dict[str, Any] | None:
    transport = WebsocketsTransport(
        url=f"ws://127.0.0.1:{service.port}/graphql",
        headers=headers or {},
        subprotocols=[WebsocketsTransport.GRAPHQLWS_SUBPROTOCOL],
        init_payload=init_payload or {},
    )
    async with Client(transport=transport) as session:
        request = GraphQLRequest(
            SUBSCRIBE, variable_values={"scope": to_global("Community", scope)}
        )
        async for update in session.subscribe(request):
            return update
    return None


async def test_an_anonymous_subscription_is_refused(scene: Service) -> None:
    with pytest.raises(TransportQueryError, match="Not authenticated"):
        await first_update(scene, None, "c-1")


async def closing(
    scene: Service, headers: dict[str, str] | None, payload: Any = None
) -> tuple[int, str]:
    """The code and reason the service closes the socket with, subscribing to c-1."""
    with pytest.raises((TransportConnectionFailed, ConnectionClosedError)) as refused:
        await first_update(scene, headers, "c-1", init_payload=payload)
    closed = (
        refused.value
        if isinstance(refused.value, ConnectionClosedError)
        else refused.value.__cause__
    )
    assert isinstance(closed, ConnectionClosedError)
    assert closed.rcvd is not None
    return closed.rcvd.code, closed.rcvd.reason


async def test_a_bad_token_closes_the_socket_with_4401_and_the_reason(scene: Service) -> None:
    closed = await closing(scene, {"Authorization": "Bearer not-a-token"})
    assert closed == (4401, "the bearer token is not a JWT")


async def test_a_subscription_outside_the_viewers_places_is_refused(scene: Service) -> None:
    worker = {"Authorization": f"Bearer {token('grid_worker', 'g-1', 'p-w')}"}
    with pytest.raises(TransportQueryError, match="no place"):
        await first_update(scene, worker, "c-2")


# Browsers cannot set headers on a WebSocket: they send the credential in connection_init.


async def test_a_token_in_connection_init_is_the_viewer(scene: Service) -> None:
    # Without the payload this is anonymous ("Not authenticated"); with it, the grid worker
    # of g-1 is refused a community she has no place in, as with the header above.
    worker = {"authorization": f"Bearer {token('grid_worker', 'g-1', 'p-w')}"}
    with pytest.raises(TransportQueryError, match="no place"):
        await first_update(scene, None, "c-2", init_payload=worker)


async def _refused_at_init(scene: Service, headers: dict[str, str] | None, payload: Any) -> None:
    # 4403: graphql-transport-ws's code for a refused connection_init.
    assert await closing(scene, headers, payload) == (4403, "Forbidden")


async def test_a_bad_token_in_connection_init_closes_the_socket(scene: Service) -> None:
    await _refused_at_init(scene, None, {"Authorization": "Bearer not-a-token"})


async def test_a_credential_that_is_not_a_string_closes_the_socket(scene: Service) -> None:
    await _refused_at_init(scene, None, {"authorization": ["Bearer", token()]})


async def test_a_second_credential_in_connection_init_closes_the_socket(scene: Service) -> None:
    header = {"Authorization": f"Bearer {token()}"}
    await _refused_at_init(scene, header, {"authorization": f"Bearer {token()}"})
