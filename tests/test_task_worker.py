"""The task queue's worker for real: `manage.py db_worker` processes, one of them killed
while it is sending a mail. Its task is redone exactly once and nobody gets two mails."""

import json
import signal
import subprocess
import sys
import time

import pytest
from django.db import connection

from tests import servers
from tests.alerts_scenario import READERS

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def stores(tmp_path):
    if connection.vendor == "postgresql":
        return {"DATABASE_URL": servers.postgresql_url()}
    stores = {"DATABASE_URL": f"sqlite:///{tmp_path / 'worker.sqlite3'}"}
    servers.manage("migrate", "--noinput", env=servers.environment(**stores))
    return stores


def worker(env):
    return subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--queue-name",
            "*",
            "--interval",
            "0.2",
            "--no-startup-delay",
            "--no-reload",
        ],
        cwd=servers.ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def wait_for(condition, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_a_killed_workers_task_is_redone_once_and_nobody_gets_two_mails(tmp_path, smtp_server):
    env = servers.environment(
        **stores(tmp_path),
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp_server.port),
        SITE_URL="https://news.example.com",
        ALERTS_SEND_LEASE_SECONDS="2",
        ALERTS_SWEEP_SECONDS="1",
    )
    shell = ["shell", "-c"]
    servers.manage(*shell, "from tests.alerts_scenario import prepare; prepare()", env=env)
    smtp_server.hold = "held@example.com"
    first = worker(env)
    try:
        assert smtp_server.held.wait(60), "the worker never reached the held mail"
        first.send_signal(signal.SIGKILL)  # dies in the middle of sending it
        first.wait(10)
    finally:
        first.kill()
    smtp_server.release.set()  # the dead connection's mail is refused, never delivered
    assert [m["To"] for m in smtp_server.messages] == ["first@example.com"]

    second = worker(env)
    try:
        assert wait_for(lambda: len(smtp_server.messages) == 3), smtp_server.messages
        time.sleep(3)  # longer than the lease and two sweeps: nothing is sent again
    finally:
        second.terminate()
        second.wait(20)
    assert sorted(m["To"] for m in smtp_server.messages) == sorted(READERS)
    output = servers.manage(*shell, "from tests.alerts_scenario import report; report()", env=env)
    rows = json.loads(output.split("REPORT ", 1)[1])
    assert {row["status"] for row in rows} == {"delivered"}
    attempts = {row["recipient"]: row["attempts"] for row in rows}
    assert attempts == {"first@example.com": 1, "held@example.com": 2, "third@example.com": 1}


def test_the_same_tasks_run_on_redis_through_rq(tmp_path, smtp_server):
    """Production's queue: the RQ backend of the Tasks API and `manage.py rqworker`."""
    redis = servers.redis_url().rsplit("/", 1)[0] + "/11"
    env = servers.environment(
        **stores(tmp_path),
        TASKS_BACKEND="django_tasks_rq.RQBackend",
        RQ_REDIS_URL=redis,
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp_server.port),
    )
    shell = ["shell", "-c"]
    servers.manage(*shell, "from tests.alerts_scenario import prepare; prepare()", env=env)
    servers.manage(
        "rqworker",
        "default",
        "--burst",
        "--with-scheduler",
        "--job-class",
        "django_tasks_rq.Job",
        env=env,
    )
    assert sorted(m["To"] for m in smtp_server.messages) == sorted(READERS)
    output = servers.manage(*shell, "from tests.alerts_scenario import report; report()", env=env)
    assert {row["status"] for row in json.loads(output.split("REPORT ", 1)[1])} == {"delivered"}
