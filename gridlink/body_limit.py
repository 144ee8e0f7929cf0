"""Refuse request bodies over `settings.max_body_bytes` with a clear 413, before they are read.

A declared Content-Length over the limit is refused at once; a body without one (chunked) is
counted as it arrives and refused the moment it passes the limit, so a client cannot make the
service buffer an unbounded body either way.
"""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class BodyTooLarge(Exception):
    pass


class BodyLimit:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None:
            try:
                length = int(declared)
            except ValueError:
                await self.refuse(
                    send, 400, f"Content-Length {declared.decode()!r} is not a number."
                )
                return
            if length > self.max_bytes:
                await self.refuse(send, 413, self.too_large(length))
                return

        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if started:
                raise
            await self.refuse(send, 413, self.too_large(None))

    def too_large(self, length: int | None) -> str:
        size = f"is {length} bytes" if length is not None else "passed the limit"
        return (
            f"The request body {size}; at most {self.max_bytes} bytes are accepted "
            "(GRIDLINK_MAX_BODY_BYTES)."
        )

    @staticmethod
    async def refuse(send: Send, status: int, message: str) -> None:
        body = json.dumps({"errors": [{"message": message}]}).encode("utf-8")
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-type", b"application/json; charset=utf-8"),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
