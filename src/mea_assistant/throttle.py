"""Failed sign-ins limited per client, as a plain ASGI middleware in front of the app's `/login` route.

With MEA_AUTH set, a password is all that stands between the network and the assistant, and the login route
answers as fast as it can be asked. After `limit` failures from one address within `window_s` seconds,
further attempts from that address are refused (HTTP 429, with Retry-After) until the oldest failure ages
out; other addresses are not affected, and a success clears the address's record. Behind a reverse proxy
on the same machine, uvicorn takes the client's address from X-Forwarded-For (it trusts 127.0.0.1 only).
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections import OrderedDict, deque
from typing import Any, Awaitable, Callable

WINDOW_S = 300.0
MAX_CLIENTS = 10_000  # addresses remembered at once; the oldest are forgotten first

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


class FailedLogins:
    """A sliding window of failed sign-ins per client address."""

    def __init__(self, limit: int, window_s: float = WINDOW_S, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.window_s = window_s
        self.clock = clock
        self._failures: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def wait_for(self, client: str) -> float:
        """Seconds before `client` may try again; 0 when it may now."""
        with self._lock:
            times = self._recent(client)
            if len(times) < self.limit:
                return 0.0
            return max(0.0, times[0] + self.window_s - self.clock())

    def failed(self, client: str) -> None:
        with self._lock:
            self._recent(client).append(self.clock())
            self._failures.move_to_end(client)
            while len(self._failures) > MAX_CLIENTS:
                self._failures.popitem(last=False)

    def succeeded(self, client: str) -> None:
        with self._lock:
            self._failures.pop(client, None)

    def _recent(self, client: str) -> deque[float]:
        times = self._failures.setdefault(client, deque())
        cutoff = self.clock() - self.window_s
        while times and times[0] <= cutoff:
            times.popleft()
        return times


class LoginThrottle:
    """ASGI middleware: refuses a POST to .../login from a client over its limit, and records the outcome
    (400 = wrong credentials, 200 = signed in) of every attempt it lets through."""

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]], failures: FailedLogins) -> None:
        self.app = app
        self.failures = failures

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope.get("type") != "http" or scope.get("method") != "POST" \
                or not str(scope.get("path", "")).rstrip("/").endswith("/login"):
            await self.app(scope, receive, send)
            return
        client = (scope.get("client") or ("unknown",))[0]
        wait = self.failures.wait_for(client)
        if wait > 0:
            await _refuse(send, math.ceil(wait))
            return
        status: dict[str, int] = {}

        async def watch(message: dict[str, Any]) -> None:
            if message.get("type") == "http.response.start":
                status["code"] = int(message.get("status", 0))
            await send(message)

        await self.app(scope, receive, watch)
        if status.get("code") == 400:
            self.failures.failed(client)
        elif status.get("code") == 200:
            self.failures.succeeded(client)


async def _refuse(send: Send, retry_after: int) -> None:
    body = json.dumps({"detail": f"Too many failed sign-ins from this address; try again in {retry_after} s."})
    await send({"type": "http.response.start", "status": 429,
                "headers": [(b"content-type", b"application/json"), (b"retry-after", str(retry_after).encode())]})
    await send({"type": "http.response.body", "body": body.encode()})
