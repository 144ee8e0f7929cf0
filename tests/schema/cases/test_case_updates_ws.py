"""caseUpdates over a real WebSocket (graphql-transport-ws) against running services.

A coordinator's dashboard subscribes in one connection; a grid worker's steps go through
another; each step arrives as an event. With two service processes the subscriber and the
mutation may sit on different ones (as behind a load balancer): the event still arrives,
through Neo4j's case-event log (docs/CASES.md).

The one-second bound is the issue's requirement, measured from the moment the mutation's
answer is back to the moment the event is received.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from gql import Client, GraphQLRequest
from gql.transport.websockets import WebsocketsTransport

from graph.database import Database
from schema.core.ids import to_global
from tests.conftest import free_port
from tests.support.auth import token

BIN = Path(sys.executable).parent
WITHIN_S = 1.0  # the issue: "arrives as an event in another within a second"
FIRST_EVENT_S = 10.0  # only a bound against hanging: the first event may come by replay

SUBSCRIBE = """subscription($scope: ID!, $after: Int) {
         caseUpdates(scopeId: $scope, after: $after) {
           logSeq
           event { action fromState toState actorId }
           case { externalId status version }
         }
       }"""
REPORT = """mutation($input: CaseReportInput!) { caseReport(input: $input) {
         case { id version } event { logSeq } errors { message } } }"""
STEP = """mutation($input: CaseStepInput!) { caseAccept(input: $input) {
         case { version } errors { message } } }"""
ASSIGN = """mutation($input: CaseAssignInput!) { caseAssign(input: $input) {
         case { version } errors { message } } }"""


def serve(uri: str, port: int) -> subprocess.Popen[str]:
    env = {**os.environ, "NEO4J_URI": uri, "NEO4J_USER": "neo4j", "NEO4J_PASSWORD": ""}
    return subprocess.Popen(
        [str(BIN / "gridlink"), "serve", "--port", str(port), "--no-seed"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
    )


def wait_ready(port: int, proc: subprocess.Popen[str], timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, "gridlink serve exited"
        try:
            if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    raise AssertionError("gridlink serve did not come up")


@pytest.fixture(scope="module")
def running(migrated: str) -> Iterator[list[int]]:
    """Two service processes on the test graph, started once for this module."""
    ports = [free_port(), free_port()]
    procs = [serve(migrated, p) for p in ports]
    try:
        for port, proc in zip(ports, procs, strict=True):
            wait_ready(port, proc)
        yield ports
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(timeout=30)


@pytest.fixture
def services(running: list[int], scene: Database) -> list[int]:
    """The two services, with the 双塔山 scene freshly built in their graph."""
    return running


def request(query: str, **variables: Any) -> GraphQLRequest:
    return GraphQLRequest(query, variable_values=variables)


def client(port: int, bearer: str) -> Client:
    transport = WebsocketsTransport(
        url=f"ws://127.0.0.1:{port}/graphql",
        headers={"Authorization": f"Bearer {bearer}"},
        subprotocols=[WebsocketsTransport.GRAPHQLWS_SUBPROTOCOL],
    )
    return Client(transport=transport)


async def next_update(updates: AsyncIterator[dict[str, Any]], within: float) -> dict[str, Any]:
    out: dict[str, Any] = (await asyncio.wait_for(anext(updates), within))["caseUpdates"]
    return out


async def watch_and_step(subscriber_port: int, actor_port: int) -> None:
    dashboard = token("coordinator", "c-yuxiangyuan", "p-chen")
    worker = token("grid_worker", "g-yx-1", "p-wang")
    async with client(actor_port, worker) as steps, client(subscriber_port, dashboard) as watch:
        reported = await steps.execute(
            request(
                REPORT,
                input={
                    "title": "楼道堆物",
                    "kind": "REPORT",
                    "severity": 1,
                    "placeId": to_global("Building", "b-yx-3"),
                },
            )
        )
        case = reported["caseReport"]["case"]
        seen = reported["caseReport"]["event"]["logSeq"]
        updates = watch.subscribe(
            request(SUBSCRIBE, scope=to_global("Community", "c-yuxiangyuan"), after=seen)
        )
        # Sent before the subscription is surely live: it comes live or by replay.
        accepted = await steps.execute(request(STEP, input={"id": case["id"], "version": 0}))
        assert accepted["caseAccept"]["errors"] == []
        first = await next_update(updates, FIRST_EVENT_S)
        assert first["event"] == {
            "action": "ACCEPT",
            "fromState": "REPORTED",
            "toState": "ACCEPTED",
            "actorId": "p-wang",
        }
        assert first["case"]["version"] == 1 and first["logSeq"] == seen + 1

        # The subscription is live now: the next step must arrive within a second.
        handler = to_global("Person", "p-wang")
        assigned = await steps.execute(
            request(ASSIGN, input={"id": case["id"], "version": 1, "handlerIds": [handler]})
        )
        sent = time.monotonic()
        assert assigned["caseAssign"]["errors"] == []
        second = await next_update(updates, WITHIN_S)
        took = time.monotonic() - sent
        print(f"event arrived {took * 1000:.0f} ms after the mutation answered")
        assert second["event"]["action"] == "ASSIGN"
        assert (second["case"]["status"], second["case"]["version"]) == ("ASSIGNED", 2)
        await updates.aclose()


async def test_a_step_in_one_connection_arrives_in_another(services: list[int]) -> None:
    await watch_and_step(services[0], services[0])


async def test_a_step_on_another_process_arrives_too(services: list[int]) -> None:
    await watch_and_step(services[0], services[1])


async def test_a_place_outside_the_viewers_scope_is_refused(services: list[int]) -> None:
    other_town = token("coordinator", "s-xidi", "xidi-town")
    async with client(services[0], other_town) as watch:
        updates = watch.subscribe(
            request(SUBSCRIBE, scope=to_global("Community", "c-yuxiangyuan"), after=None)
        )
        with pytest.raises(Exception, match="scopeId"):
            await asyncio.wait_for(anext(updates), FIRST_EVENT_S)
