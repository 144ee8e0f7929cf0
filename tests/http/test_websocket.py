"""Subscriptions' WebSocket: graphql-transport-ws only, and from pages on allowed origins only."""

from __future__ import annotations

import json

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.typing import Origin, Subprotocol

from tests.http.conftest import APP_ORIGIN, Service

TRANSPORT_WS = Subprotocol("graphql-transport-ws")


def ws_url(service: Service) -> str:
    return service.url.replace("http://", "ws://")


async def test_graphql_transport_ws_is_spoken(service: Service) -> None:
    async with connect(ws_url(service), subprotocols=[TRANSPORT_WS]) as ws:
        assert ws.subprotocol == "graphql-transport-ws"
        await ws.send(json.dumps({"type": "connection_init"}))
        assert json.loads(await ws.recv())["type"] == "connection_ack"


async def test_the_legacy_graphql_ws_protocol_is_refused(service: Service) -> None:
    async with connect(ws_url(service), subprotocols=[Subprotocol("graphql-ws")]) as ws:
        assert ws.subprotocol is None
        with pytest.raises(ConnectionClosed) as closed:
            await ws.recv()
    assert closed.value.rcvd is not None
    assert closed.value.rcvd.code == 4406


async def test_a_page_on_the_configured_origin_may_connect(service: Service) -> None:
    async with connect(
        ws_url(service), subprotocols=[TRANSPORT_WS], origin=Origin(APP_ORIGIN)
    ) as ws:
        await ws.send(json.dumps({"type": "connection_init"}))
        assert json.loads(await ws.recv())["type"] == "connection_ack"


async def test_a_page_on_another_origin_is_refused_at_the_handshake(service: Service) -> None:
    with pytest.raises(InvalidStatus) as refused:
        async with connect(
            ws_url(service), subprotocols=[TRANSPORT_WS], origin=Origin("http://elsewhere.test")
        ):
            pass
    assert refused.value.response.status_code == 403
