"""`newslint serve --workers N`: the listening socket uvicorn binds is marked as TCP, so that
asyncio turns Nagle's algorithm off on every connection (a latency fix, measured by
benchmarks/service_latency.py; here only the socket is checked, never a time)."""
from __future__ import annotations

import asyncio
import socket

from newslint.app.service import tcp_listener


def _uvicorn_like_listener() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)  # as uvicorn's Config.bind_socket makes it
    sock.bind(("127.0.0.1", 0))
    return sock


def _nodelay_of_a_connection(sock: socket.socket) -> int:
    """TCP_NODELAY of a connection that an asyncio server accepts on `sock`."""
    sock.listen()
    seen: list[int] = []

    async def main():
        async def handle(reader, writer):
            seen.append(writer.get_extra_info("socket").getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            writer.close()

        server = await asyncio.start_server(handle, sock=sock)
        async with server:
            _, writer = await asyncio.open_connection(*sock.getsockname()[:2])
            for _ in range(500):
                if seen:
                    break
                await asyncio.sleep(0.01)
            writer.close()

    asyncio.run(main())
    assert len(seen) == 1
    return seen[0]


def test_the_listener_says_it_is_tcp_and_keeps_its_port():
    raw = _uvicorn_like_listener()
    port = raw.getsockname()[1]
    assert raw.proto == 0
    sock = tcp_listener(raw)
    try:
        assert sock.proto == socket.IPPROTO_TCP
        assert sock.getsockname()[1] == port
    finally:
        sock.close()


def test_connections_accepted_on_it_have_nodelay():
    assert _nodelay_of_a_connection(tcp_listener(_uvicorn_like_listener())) != 0


def test_without_it_asyncio_leaves_nagle_on():
    """What the fix is for (if this starts failing, asyncio or uvicorn has fixed it upstream and
    tcp_listener can go)."""
    assert _nodelay_of_a_connection(_uvicorn_like_listener()) == 0
