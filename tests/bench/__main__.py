"""`make bench`: the site under load on loopback, beside two floors (README, "Benchmark").

1. Creates the benchmark database if missing (PostgreSQL), migrates it and fills it with
   `generate_content`, reusing what an earlier run generated with the same numbers.
2. Starts the site under gunicorn (sync workers, DEBUG off, persistent connections, Redis
   when reachable) and the floors (tests/bench/floor.py) the same way.
3. Loads each page with wrk (or a Python load generator without it) twice: "cold", where
   every request has a new URL and so misses any page cache, and "warm", the same URL
   again and again. Queries per page come from one instrumented request in this process.
4. Prints a table and writes it, with the raw numbers, under .bench/.

Settings come from BENCH_* variables (see `options()`).
"""

import argparse
import contextlib
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

from tests.bench import load
from tests.servers import Browser, Server

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / ".bench"
KEY_PREFIX = "newsroom-bench"
# Uncached pages' share of the template floor's requests per second, and cached pages'
# share of the pre-rendered floor's: the targets of issues 8 and 21 (every page 0.6 but the
# article, 0.75).
TARGETS = {
    "article": 0.75,
    "home": 0.6,
    "news list": 0.6,
    "tag page": 0.6,
    "project directory": 0.6,
    "project page": 0.6,
    "search": 0.6,
    "feed": 0.6,
    "API list": 0.6,
}
CACHED_TARGET = 0.9


def options():
    env = os.environ.get
    parser = argparse.ArgumentParser(prog="python -m tests.bench", description=__doc__)
    parser.add_argument(
        "--database",
        default=env("BENCH_DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/newsroom_bench",
    )
    parser.add_argument("--articles", type=int, default=int(env("BENCH_ARTICLES", 10_000)))
    parser.add_argument("--projects", type=int, default=int(env("BENCH_PROJECTS", 1_000)))
    parser.add_argument("--seed", type=int, default=int(env("BENCH_SEED", 1)))
    parser.add_argument("--seconds", type=int, default=int(env("BENCH_SECONDS", 6)))
    parser.add_argument("--connections", type=int, default=int(env("BENCH_CONNECTIONS", 4)))
    parser.add_argument("--workers", type=int, default=int(env("BENCH_WORKERS", 2)))
    return parser.parse_args()


def ensure_database(url):
    """CREATE DATABASE for a PostgreSQL URL whose database does not exist yet."""
    parts = urlsplit(url)
    if not parts.scheme.startswith("postgres"):
        return
    import psycopg

    name = parts.path.lstrip("/")
    maintenance = parts._replace(path="/postgres").geturl()
    with psycopg.connect(maintenance, autocommit=True) as db:
        if not db.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            db.execute(f'CREATE DATABASE "{name}"')
            print(f"Created the database {name}")


def reachable_redis():
    import redis

    url = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.RedisError:
        return None
    return url


def site_environment(args, redis_url):
    inherited = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "CACHE_"))}
    inherited.pop("REDIS_URL", None)
    env = {
        **inherited,
        "DEBUG": "false",
        "SECRET_KEY": "benchmark-only-secret-" + "b" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": args.database,
        "CONN_MAX_AGE": "600",
        "LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
    }
    if redis_url:
        env |= {"REDIS_URL": redis_url, "CACHE_KEY_PREFIX": KEY_PREFIX}
    return env


def prepare(args):
    """Migrate and fill the database (in this process, now configured as the site)."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from newsroom.demo import synthetic

    call_command("migrate", "--noinput", verbosity=0)
    have = synthetic.existing(args.seed)
    call_command(
        "generate_content",
        articles=args.articles,
        projects=args.projects,
        seed=args.seed,
        replace=have not in ((0, 0), (args.articles, args.projects)),
    )
    if connection.vendor == "postgresql":
        # Statistics and visibility maps as after any quiet night, whatever ran before.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def pages():
    """(name, path) of the pages measured, picked from the generated content."""
    from newsroom.models import Article, Tag

    article = (
        Article.objects.published()
        .filter(projects__is_published=True)
        .order_by("-publish_at", "pk")
        .first()
    )
    project = article.projects.published().order_by("pk").first()
    tag = Tag.objects.filter(slug="compressors").first() or Tag.objects.order_by("pk").first()
    return [
        ("home", "/en/"),
        ("news list", "/en/news/"),
        ("article", article.get_absolute_url()),
        ("tag page", tag.get_absolute_url()),
        ("project directory", "/en/projects/"),
        ("project page", project.get_absolute_url()),
        ("search", "/en/search/?q=compressors"),
        ("feed", "/en/news/feed.rss"),
        ("API list", "/api/v1/articles"),
    ]


def clear_page_cache():
    """Forget what the bench's requests put in the shared cache (its own keys only)."""
    from django.conf import settings
    from django.core.cache import cache

    if "redis" in settings.CACHES["default"]["BACKEND"].lower():
        client = cache._cache.get_client(write=True)
        for key in client.scan_iter(match=f"{KEY_PREFIX}:*", count=1000):
            client.unlink(key)
    else:
        cache.clear()  # local memory: this process's only; the servers' die with them


def instrumented(path):
    """Status, size, and queries of one request with the page cache cleared, then again."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    clear_page_cache()
    with CaptureQueriesContext(connection) as cold:
        response = client.get(path)
    with CaptureQueriesContext(connection) as warm:
        client.get(path)
    return response.status_code, len(response.content), len(cold), len(warm)


def page_cache_middleware():
    from django.conf import settings

    from newsroom import wsgi

    found = [m for m in settings.MIDDLEWARE if "cache" in m.lower()]
    if hasattr(wsgi, "django_application"):  # hits answered before Django (the warm rows)
        found.append("front door in newsroom/wsgi.py")
    return found


def hammer(port, path, seconds, connections, unique=False):
    if shutil.which("wrk"):
        script = Path(__file__).with_name("report.lua")
        result = subprocess.run(
            [
                "wrk",
                "-t1",
                f"-c{connections}",
                f"-d{seconds:g}s",
                "-s",
                str(script),
                f"http://127.0.0.1:{port}{path}",
            ],
            env={**os.environ, "BENCH_UNIQUE": "1" if unique else "0"},
            capture_output=True,
            text=True,
            check=True,
        )
        return json.loads(result.stdout.strip().splitlines()[-1])
    return load.run(port, path, seconds, connections, unique)


def rate(runs):
    return sum(run["requests"] for run in runs) / sum(run["seconds"] for run in runs)


def prime(port, path, times=12):
    """Warm `path` up, and check that it answers 2xx: under load only statuses of 400 or
    more are counted (see report.lua)."""
    for _ in range(times):
        status, _ = Browser(port).get(path)
        if not 200 <= status < 300:
            raise SystemExit(f"{path} answered {status}, not 2xx: nothing to measure")


SLICES = 3  # alternations of floor and page per row


def measure_row(args, site, floor, path, mode):
    """The page and its floor in turns (floor, page, floor, page...): other processes on the
    machine may take the CPU for a while, and then both see it."""
    floor_path = "/template/" if mode == "cold" else "/prerendered/"
    turn = max(1, round(args.seconds / SLICES))  # wrk takes whole seconds
    floors, pages = [], []
    for _ in range(SLICES):
        floors.append(hammer(floor.port, floor_path, max(1, turn // 2), args.connections))
        pages.append(hammer(site.port, path, turn, args.connections, unique=mode == "cold"))
    return {
        "rps": rate(pages),
        "p50_ms": statistics.median(run["p50_ms"] for run in pages),
        "p99_ms": max(run["p99_ms"] for run in pages),
        "failed": sum(run["non2xx"] + run["socket_errors"] for run in pages),
        "floor_rps": rate(floors),
        "floor_failed": sum(run["non2xx"] + run["socket_errors"] for run in floors),
        "slices": {"page": pages, "floor": floors},
    }


def measure(args, site, floor, measured):
    rows = []
    for name in ("template", "prerendered"):
        prime(floor.port, f"/{name}/")
    for name, path, status, *_ in measured:
        if status != 200:
            continue
        prime(site.port, path)
        for mode in ("cold", "warm"):
            row = measure_row(args, site, floor, path, mode)
            clear_page_cache()
            rows.append((name, mode, row))
            print(
                f"  {name:18} {mode}: {row['rps']:7.1f} requests/s, floor {row['floor_rps']:7.1f}",
                flush=True,
            )
    return sorted(rows, key=lambda row: row[1])  # the cold rows first


def table(args, rows, measured, environment):
    info = {name: rest for name, _, *rest in measured}
    lines = [
        "| Page | Cache | Requests/s | p50 ms | p99 ms | Queries | Non-2xx | KB "
        "| Floor requests/s | Ratio | Target |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|---|",
    ]
    for name, mode, n in rows:
        status, size, cold_queries, warm_queries = info[name]
        ratio = n["rps"] / n["floor_rps"]
        goal = TARGETS.get(name) if mode == "cold" else CACHED_TARGET
        if goal is None:
            verdict = ""
        elif mode == "warm" and not environment["page_cache"]:
            verdict = f"≥ {goal:.2f} with the page cache (not on this branch)"
        else:
            verdict = f"≥ {goal:.2f}: {'met' if ratio >= goal else 'not met'}"
        queries = cold_queries if mode == "cold" else warm_queries
        floor = "template" if mode == "cold" else "pre-rendered"
        lines.append(
            f"| {name} | {mode} | {n['rps']:.0f} | {n['p50_ms']:.1f} | {n['p99_ms']:.1f} "
            f"| {queries} | {n['failed']} | {size / 1024:.0f} "
            f"| {floor} {n['floor_rps']:.0f} | {ratio:.2f} | {verdict} |"
        )
    for name, path, status, *_ in measured:
        if status != 200:
            lines.append(
                f"| {name} | — | not measured: {path} answers {status} on this "
                "branch | | | | | | | | |"
            )
    floor_failures = sum(n["floor_failed"] for _, _, n in rows)
    header = [
        f"# Benchmark {environment['when']}",
        "",
        f"- commit {environment['commit']}; {environment['machine']}",
        f"- database {environment['database']}: {args.articles:,} articles, "
        f"{args.projects:,} projects (seed {args.seed})",
        f"- gunicorn, {args.workers} sync workers, DEBUG off; cache: {environment['cache']}; "
        f"page cache middleware: {environment['page_cache'] or 'none on this branch'}",
        f"- load: {environment['load']}, {args.connections} connections, {args.seconds:g} s "
        "per page, on loopback",
        "- cold: every request has a new URL, so it misses any page cache; warm: one URL repeated",
        f"- floor: tests/bench/floor.py, in {SLICES} turns with each page (floor, page, floor, "
        "page...; the floor for half as long); cold rows: a 31 KB template rendered per "
        "request, warm rows: the same page pre-rendered; ratio = page / floor; non-2xx or "
        f"failed floor requests: {floor_failures}",
        "- p50: the median of the turns' medians; p99: the highest of the turns' p99",
        "- queries: one instrumented request in process (cold: page cache cleared; warm: the "
        "request after it)",
        "- non-2xx: each page answered 2xx before its load; under load, wrk counts the "
        "statuses of 400 or more (report.lua)",
        "",
    ]
    return "\n".join(header + lines) + "\n"


def database_label(url):
    """The URL without its credentials."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.hostname or ''}{parts.path}"


def commit():
    result = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    dirty = subprocess.run(
        ["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True, check=False
    ).stdout.strip()
    return (result.stdout.strip() or "unknown") + ("+changes" if dirty else "")


def main():
    args = options()
    started = time.monotonic()
    ensure_database(args.database)
    redis_url = reachable_redis()
    env = site_environment(args, redis_url)
    os.environ.clear()
    os.environ.update(env)
    prepare(args)
    measured = []
    for name, path in pages():
        status, size, cold, warm = instrumented(path)
        measured.append((name, path, status, size, cold, warm))
    from django.db import connections

    connections.close_all()
    floor_env = {k: v for k, v in env.items() if k != "DJANGO_SETTINGS_MODULE"}
    site = Server(env, workers=args.workers, app="newsroom.wsgi")
    floor = Server(floor_env, workers=args.workers, app="tests.bench.floor")
    with contextlib.ExitStack() as stack:
        for server in (site, floor):
            stack.callback(server.stop)
        # A loaded machine may take a while to start the workers (BENCH_START_SECONDS).
        started = int(os.environ.get("BENCH_START_SECONDS", 120))
        site.wait(timeout=started)
        floor.wait(path="/template/", timeout=started)
        print(f"Measuring {len(measured)} pages, cold and warm, {args.seconds:g} s each")
        rows = measure(args, site, floor, measured)
    environment = {
        "when": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit(),
        "machine": f"{os.cpu_count()} CPUs, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}",
        "database": database_label(args.database),
        "cache": f"Redis ({redis_url})" if redis_url else "local memory (Redis unreachable)",
        "page_cache": ", ".join(page_cache_middleware()),
        "load": "wrk" if shutil.which("wrk") else "Python load generator (wrk not installed)",
    }
    report = table(args, rows, measured, environment)
    RESULTS.mkdir(exist_ok=True)
    stem = f"{datetime.datetime.now(datetime.UTC):%Y%m%d-%H%M%S}-{environment['commit']}"
    (RESULTS / f"{stem}.md").write_text(report)
    (RESULTS / "latest.md").write_text(report)
    raw = {
        "environment": environment,
        "options": vars(args),
        "pages": [{"page": n, "mode": m, **x} for n, m, x in rows],
        "measured": measured,
    }
    (RESULTS / f"{stem}.json").write_text(json.dumps(raw, indent=1, default=str))
    print()
    print(report)
    print(f"Written to .bench/{stem}.md ({time.monotonic() - started:.0f} s in all)")


if __name__ == "__main__":
    sys.exit(main())
