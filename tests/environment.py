"""Loaded by pytest before Django starts (see pyproject.toml): the test run's environment.

Tests run with DEBUG off, as production does; only the secret is a throwaway. Every run
has a read replica that mirrors the test database (settings: TEST MIRROR), so the whole
suite goes through the replica router as a deployment with DATABASE_REPLICA_URL does.
"""

import os
from pathlib import Path

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-that-is-long-enough-for-django-checks")
os.environ["DEBUG"] = "false"
os.environ["SECURE_SSL_REDIRECT"] = "false"
# Views are tested without the page cache; tests/test_page_cache.py turns it on to test it.
os.environ["PAGE_CACHE_SECONDS"] = "0"
os.environ["ADMIN_HTTPS_ONLY"] = "false"  # the test client speaks HTTP; test_security turns it on
os.environ.setdefault(
    "DATABASE_REPLICA_URL",
    os.environ.get("DATABASE_URL") or f"sqlite:///{Path(__file__).parent.parent / 'db.sqlite3'}",
)
