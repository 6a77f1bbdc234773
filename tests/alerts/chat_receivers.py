"""Real HTTP receivers on loopback for Apprise's chat plugins (json://, ntfy://, mmost://: Mattermost's
incoming webhook, which takes Slack's `{"text": ...}` body at /hooks/<token>): each records what it is sent,
and where, and answers 200 with a JSON body, as those services do."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class ChatReceiver:
    port: int = 0
    bodies: list[bytes] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def received(self) -> list[str]:
        with self.lock:
            return [b.decode("utf-8") for b in self.bodies]


@contextmanager
def chat_receiver() -> Iterator[ChatReceiver]:
    state = ChatReceiver()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            with state.lock:
                state.bodies.append(body)
                state.paths.append(self.path)
            answer = b'{"id": "1", "event": "message"}'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, format: str, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.port = int(server.server_address[1])
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
