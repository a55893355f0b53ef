"""`make bench-memory`: a worker's resident memory under the page mix, and cold start
(README, "Benchmark").

On the benchmark's database and settings (tests/bench/__main__.py prepares them):

1. Cold start: gunicorn is started and asked for the home page until it answers 200; the
   time from the start to that answer, and the latency of the request that got it (the
   first a worker serves: it loads what Django loads lazily).
2. Memory: MEMORY_REQUESTS (20,000) requests of the benchmark's pages in turn, each at a new
   URL so that every one is rendered (none is a page-cache hit), two connections at a time.
   Every worker's resident set (VmRSS) is read at every tenth of the run; the first
   reading, after 10 % of the requests (warm-up), is compared with the last.
   Targets: within 5 % of it, and under 100 MB a worker.

Settings: BENCH_DATABASE_URL, BENCH_WORKERS (2), MEMORY_REQUESTS.
"""

import datetime
import http.client
import json
import os
import sys
import threading
import time
from pathlib import Path

from tests.bench.__main__ import (
    RESULTS,
    commit,
    ensure_database,
    options,
    pages,
    prepare,
    reachable_redis,
    site_environment,
)
from tests.servers import Server

GROWTH_TARGET = 0.05
RSS_TARGET_MB = 100
SAMPLES = 10


def workers_of(master):
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return [int(pid) for pid in children]


def rss_mb(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def get(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path, headers={"Host": "127.0.0.1"})
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def cold_start(env, workers):
    """(seconds from gunicorn's start to the first 200 of the home page, that request's
    latency in seconds), and the running server."""
    started = time.perf_counter()
    server = Server(env, workers=workers)
    deadline = started + 180
    while time.perf_counter() < deadline:
        if server.process.poll() is not None:
            raise SystemExit(f"gunicorn stopped:\n{server.output()}")
        asked = time.perf_counter()
        try:
            if get(server.port, "/en/") == 200:
                answered = time.perf_counter()
                return answered - started, answered - asked, server
        except OSError:
            time.sleep(0.02)  # not listening yet
    server.stop()
    raise SystemExit("gunicorn did not answer within 180 seconds")


def load(port, paths, total, readings):
    """`total` requests of `paths` in turn over two connections; `readings()` at every
    tenth. Returns the failures and the readings."""
    counter, lock, failures, taken = iter(range(total)), threading.Lock(), [], []
    step = max(1, total // SAMPLES)

    def worker():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while True:
            with lock:
                n = next(counter, None)
                if n is not None and n % step == 0 and n:
                    taken.append((n, readings()))
            if n is None:
                break
            path = paths[n % len(paths)]
            url = f"{path}{'&' if '?' in path else '?'}bench-miss=m{n}"
            try:
                connection.request("GET", url, headers={"Host": "127.0.0.1"})
                response = connection.getresponse()
                response.read()
                if not 200 <= response.status < 300:
                    failures.append((url, response.status))
            except (OSError, http.client.HTTPException) as error:
                failures.append((url, repr(error)))
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    taken.append((total, readings()))
    return failures, taken


def report(args, total, start, first_latency, taken, failures):
    first, last = taken[0][1], taken[-1][1]
    growth = {pid: (last[pid] - first[pid]) / first[pid] for pid in first if pid in last}
    peak = max(max(reading.values()) for _, reading in taken)
    worst = max(growth.values())
    lines = [
        f"# Memory and cold start {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M UTC}",
        "",
        f"- commit {commit()}; {os.cpu_count()} CPUs; database {args.database.split('@')[-1]}; "
        f"gunicorn, {args.workers} sync workers, DEBUG off",
        f"- cold start: {start:.2f} s from gunicorn's start to the first 200 of /en/; "
        f"that request took {first_latency * 1000:.0f} ms",
        f"- {total:,} requests of {len(pages())} pages in turn, each at a new URL (all "
        f"rendered), 2 connections; failures: {len(failures)}",
        f"- worker RSS after {taken[0][0]:,} requests (warm-up) → after {total:,}: "
        + "; ".join(f"{first[pid]:.1f} → {last.get(pid, 0):.1f} MB" for pid in first),
        f"- growth: {worst * 100:+.1f} % at most (target within {GROWTH_TARGET * 100:.0f} %: "
        f"{'met' if abs(worst) <= GROWTH_TARGET else 'not met'}); peak {peak:.1f} MB a worker "
        f"(target under {RSS_TARGET_MB} MB: {'met' if peak < RSS_TARGET_MB else 'not met'})",
        "",
        "| Requests | " + " | ".join(f"worker {n + 1} MB" for n in range(len(first))) + " |",
        "|--:|" + "--:|" * len(first),
    ]
    for n, reading in taken:
        lines.append(f"| {n:,} | " + " | ".join(f"{reading.get(p, 0):.1f}" for p in first) + " |")
    return "\n".join(lines) + "\n"


def main():
    args = options()
    total = int(os.environ.get("MEMORY_REQUESTS", 20_000))
    ensure_database(args.database)
    redis_url = reachable_redis()
    env = site_environment(args, redis_url)
    os.environ.clear()
    os.environ.update(env)
    prepare(args)
    paths = [path for _, path in pages()]
    from django.db import connections

    connections.close_all()
    start, first_latency, server = cold_start(env, args.workers)
    try:
        master = server.process.pid
        failures, taken = load(
            server.port,
            paths,
            total,
            lambda: {pid: rss_mb(pid) for pid in workers_of(master)},
        )
    finally:
        server.stop()
    text = report(args, total, start, first_latency, taken, failures)
    RESULTS.mkdir(exist_ok=True)
    stem = f"memory-{datetime.datetime.now(datetime.UTC):%Y%m%d-%H%M%S}-{commit()}"
    (RESULTS / f"{stem}.md").write_text(text)
    (RESULTS / f"{stem}.json").write_text(
        json.dumps({"cold_start_s": start, "first_request_s": first_latency, "rss": taken})
    )
    print(text)
    print(f"Written to .bench/{stem}.md")


if __name__ == "__main__":
    sys.exit(main())
