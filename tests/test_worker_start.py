"""A worker loads the whole site when it starts (newsroom/wsgi.py), not in its first request,
and then sets what it keeps for its life aside from garbage collection
(newsroom/core/collector.py)."""

import secrets
import subprocess
import sys

from newsroom.core.collector import ALLOCATIONS
from tests.servers import ROOT, environment

PROBE = """
import gc, sys
import newsroom.wsgi
print(gc.get_freeze_count(), gc.get_threshold()[0], "newsroom.urls" in sys.modules, "newsroom.api.v1" in sys.modules)
"""


def started_worker(tmp_path):
    env = environment(
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}", SECRET_KEY=secrets.token_urlsafe(40)
    )
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    frozen, young, urls, api = result.stdout.split()
    return int(frozen), int(young), urls == "True", api == "True"


def test_a_worker_loads_the_urlconf_and_freezes_what_it_keeps(tmp_path):
    frozen, young, urls, api = started_worker(tmp_path)
    assert urls and api
    assert frozen > 50_000  # the modules, models and patterns of the whole site
    assert young == ALLOCATIONS != 700  # Python's default
