"""A real SMTP server, a webhook receiver that checks signatures, and the real database
worker of the task queue, for the alerts tests."""

import asyncio
import email
import http.server
import json
import threading
from email import policy

import pytest
from aiosmtpd.controller import Controller
from django_tasks_db.management.commands.db_worker import Worker
from standardwebhooks import Webhook as Verifier
from standardwebhooks.exceptions import WebhookVerificationError

from tests.servers import free_port


def run_worker():
    """Run every task that is due now, in this process (so a frozen clock holds), with the
    library's own worker, as `manage.py db_worker --batch` does. Only in transactional
    tests: the worker closes a connection it finds inside a transaction."""
    Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    ).run()


class Inbox:
    """aiosmtpd's handler: keeps each message; `hold` an address to keep its first delivery
    waiting (the worker can then be killed in the middle of sending it)."""

    def __init__(self):
        self.messages = []
        self.hold = None
        self.held = threading.Event()
        self.release = threading.Event()

    async def handle_DATA(self, server, session, envelope):
        if self.hold in envelope.rcpt_tos and not self.held.is_set():
            self.held.set()
            await asyncio.get_running_loop().run_in_executor(None, self.release.wait, 60)
            return "451 Try again later"
        self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"

    def to(self, address):
        return [m for m in self.messages if m["To"] == address]


@pytest.fixture
def smtp_server(settings):
    """Django's SMTP backend pointed at a real SMTP server on the loopback."""
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.SITE_URL = "https://news.example.com"
    inbox.port = port
    yield inbox
    inbox.release.set()
    controller.stop()


class Receiver(http.server.ThreadingHTTPServer):
    """Keeps each POST with whether its Standard Webhooks signature verified; answers 500 to
    the first `failures` requests."""

    def __init__(self):
        super().__init__(("127.0.0.1", free_port()), ReceiverHandler)
        self.secret = None
        self.received = []
        self.failures = 0

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_address[1]}/hook"


class ReceiverHandler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        headers = {k.lower(): v for k, v in self.headers.items()}
        try:
            Verifier(self.server.secret).verify(body, headers)
            verified = True
        except WebhookVerificationError:
            verified = False
        self.server.received.append({"headers": headers, "body": json.loads(body), "ok": verified})
        failing = self.server.failures > 0
        self.server.failures -= 1
        self.send_response(500 if failing else 204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def webhook_receiver(settings):
    settings.WEBHOOKS_ALLOW_PRIVATE_TARGETS = True  # the receiver is on the loopback
    settings.SITE_URL = "https://news.example.com"
    server = Receiver()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
