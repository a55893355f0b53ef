"""`make bench-large`: the pages that grow with the number of articles, at 100,000 of them
(README, "Benchmark"; issue 21). Not part of `make bench`: generating the data takes minutes.

1. Creates the database if missing (PostgreSQL, `BENCH_LARGE_DATABASE_URL`, by default
   newsroom_big), migrates it, and fills it with `generate_content` (100,000 articles and
   1,000 projects) unless that seed's content is already there: the generation is then
   timed and reported.
2. In this process, set up as a worker is (newsroom/wsgi.py: its start-up objects kept out
   of garbage collection), with Django's test client and the page cache off, times each request
   (a first request is made and thrown away, then the median of BENCH_LARGE_REPEAT more):
   the search for 50 title words (p95), the API's deep page, the sitemap index and a
   5,000-URL sitemap page, the admin's plain list and search, the CSV export, and the
   public pages with their query counts.
3. Prints a table and writes it, with the raw numbers, under .bench/ (large-*.md/json).
"""

import argparse
import collections
import datetime
import json
import math
import os
import re
import statistics
import sys
import time

from tests.bench.__main__ import RESULTS, commit, database_label, ensure_database, pages

GOALS = {  # ms, from the issue
    "search p95": 50,
    "API deep page": 40,
    "sitemap index": 100,
    "sitemap page (5,000 URLs)": 100,
    "admin search": 200,
    "CSV export": 300,
    "generation": 180_000,
}
WORDS = 50


def options():
    env = os.environ.get
    parser = argparse.ArgumentParser(prog="python -m tests.bench.large", description=__doc__)
    parser.add_argument(
        "--database",
        default=env("BENCH_LARGE_DATABASE_URL")
        or "postgres://postgres@127.0.0.1:5432/newsroom_big",
    )
    parser.add_argument("--articles", type=int, default=int(env("BENCH_ARTICLES", 100_000)))
    parser.add_argument("--projects", type=int, default=int(env("BENCH_PROJECTS", 1_000)))
    parser.add_argument("--seed", type=int, default=int(env("BENCH_SEED", 1)))
    parser.add_argument("--repeat", type=int, default=int(env("BENCH_LARGE_REPEAT", 5)))
    return parser.parse_args()


def configure(args):
    os.environ.update(
        {
            "DATABASE_URL": args.database,
            "DEBUG": "false",
            "SECRET_KEY": "benchmark-only-secret-" + "b" * 40,
            "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
            "SECURE_SSL_REDIRECT": "false",
            "ADMIN_HTTPS_ONLY": "false",  # the test client speaks plain HTTP
            "LOG_LEVEL": "WARNING",
            "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        }
    )
    for name in ("REDIS_URL", "CACHE_DIR"):
        os.environ.pop(name, None)  # local memory: nothing shared with a running site
    import django

    django.setup()


def prepare(args):
    """Migrate; generate unless there; the generation's seconds, or None if reused."""
    from django.core.management import call_command
    from django.db import connection

    from newsroom.demo import synthetic

    call_command("migrate", "--noinput", verbosity=0)
    have = synthetic.existing(args.seed)
    if have == (args.articles, args.projects):
        return None
    started = time.monotonic()
    call_command(
        "generate_content",
        articles=args.articles,
        projects=args.projects,
        seed=args.seed,
        replace=have != (0, 0),
    )
    seconds = time.monotonic() - started
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    return seconds


def timed(client, path, repeat, **extra):
    """(status, median ms, SQL ms of the last request, queries of the last request)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path, **extra)  # connections, caches of compiled templates and the like
    times = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(path, **extra)
            b"".join(response) if response.streaming else response.content
            times.append((time.perf_counter() - started) * 1000)
    sql = sum(float(q["time"]) for q in queries.captured_queries) * 1000
    return response.status_code, statistics.median(times), sql, len(queries)


def title_words(count):
    """`count` words from published titles, spread from the most to the least common."""
    from newsroom.models import Article

    titles = Article.objects.published().order_by("pk").values_list("title", flat=True)
    counts = collections.Counter(
        w for t in titles[:5000] for w in re.findall(r"[a-z]{4,}", t.lower())
    )
    ranked = [w for w, _ in counts.most_common()]
    step = max(1, len(ranked) // count)
    return ranked[::step][:count]


def p95(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(0.95 * len(ordered)) - 1)]


def staff_client():
    from django.contrib.auth import get_user_model
    from django.test import Client

    user, _ = get_user_model().objects.get_or_create(
        username="bench-large-admin", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client()
    client.force_login(user)
    return client


def measure(args):
    from django.test import Client
    from django.urls import reverse

    from newsroom.models import Article

    client, rows = Client(), []

    def row(name, path, client=client, repeat=args.repeat, note=""):
        status, ms, sql, queries = timed(client, path, repeat)
        rows.append({"measure": name, "path": path, "status": status, "ms": ms, "sql_ms": sql,
                     "queries": queries, "goal": GOALS.get(name), "note": note})  # fmt: skip

    searches = [timed(client, f"/en/search/?q={w}", 1) for w in title_words(WORDS)]
    times = [ms for _, ms, _, _ in searches]
    rows.append({"measure": "search p95", "path": f"/en/search/?q=… ({len(times)} title words)",
                 "status": max(s for s, *_ in searches), "ms": p95(times), "sql_ms": None,
                 "queries": max(q for *_, q in searches), "goal": GOALS["search p95"],
                 "note": f"median {statistics.median(times):.0f} ms"})  # fmt: skip
    count = Article.objects.published().count()
    last = max(1, math.ceil(count / 20))
    row("API deep page", f"/api/v1/articles?page={last * 2 // 3}", note=f"of {last} pages")
    row("API last page", f"/api/v1/articles?page={last}")
    row("sitemap index", reverse("sitemap_index"))
    row("sitemap page (5,000 URLs)", reverse("sitemap_section", args=["articles"]) + "?p=2")
    admin = staff_client()
    changelist = reverse("admin:newsroom_article_changelist")
    row("admin list", changelist, client=admin)
    row("admin search", f"{changelist}?q=compressor", client=admin)
    row("CSV export", reverse("projects_export_csv"))
    for name, path in pages():
        row(f"page: {name}", path, repeat=max(1, args.repeat // 2))
    return rows, count


def table(rows, generation, count, environment):
    lines = [
        f"# Large bench: {count:,} published articles",
        "",
        *(f"- {key}: {value}" for key, value in environment.items()),
        "",
        "Test client in one process, page cache off; median of the repeated requests "
        "(search: p95 over one request per word). Timings on a shared machine: compare runs "
        "of the same machine only.",
        "",
        "| measure | status | ms | SQL ms | queries | goal ms | path / note |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        sql = "" if r["sql_ms"] is None else f"{r['sql_ms']:.0f}"
        goal = "" if r["goal"] is None else f"< {r['goal']}"
        where = f"{r['path']} {r['note']}".strip()
        lines.append(
            f"| {r['measure']} | {r['status']} | {r['ms']:.0f} | {sql} | {r['queries']} "
            f"| {goal} | {where} |"
        )
    made = "reused (generated before)" if generation is None else f"{generation:.0f} s"
    lines += ["", f"Generation: {made} (goal: under {GOALS['generation'] // 1000} s)."]
    return "\n".join(lines) + "\n"


def main():
    args = options()
    ensure_database(args.database)
    configure(args)
    from django.conf import settings
    from django.test.utils import override_settings

    generation = prepare(args)
    from newsroom.core.collector import settle

    settle()  # as a worker does once it has loaded the site (newsroom/wsgi.py)
    middleware = [m for m in settings.MIDDLEWARE if m != "newsroom.cache.PageCacheMiddleware"]
    with override_settings(MIDDLEWARE=middleware):
        rows, count = measure(args)
    environment = {
        "when": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit(),
        "database": database_label(args.database),
        "machine": f"{os.cpu_count()} CPUs",
    }
    report = table(rows, generation, count, environment)
    RESULTS.mkdir(exist_ok=True)
    stem = f"large-{datetime.datetime.now(datetime.UTC):%Y%m%d-%H%M%S}-{environment['commit']}"
    (RESULTS / f"{stem}.md").write_text(report)
    (RESULTS / "large-latest.md").write_text(report)
    raw = {"environment": environment, "options": vars(args), "generation_s": generation,
           "rows": rows}  # fmt: skip
    (RESULTS / f"{stem}.json").write_text(json.dumps(raw, indent=1, default=str))
    print(report)
    print(f"Written to .bench/{stem}.md")


if __name__ == "__main__":
    sys.exit(main())
