"""A small load generator for when wrk is not installed: keep-alive connections in
threads, each sending requests back to back. Slower than wrk (it shares the CPU with the
servers and Python's lock), so its numbers are only comparable with each other."""

import http.client
import statistics
import threading
import time


def run(port, path, seconds, connections, unique=False):
    latencies, statuses, errors = [], [], []
    deadline = time.monotonic() + seconds
    lock = threading.Lock()

    def worker(n):
        mine, codes, count = [], [], 0
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        separator = "&" if "?" in path else "?"
        while time.monotonic() < deadline:
            count += 1
            url = f"{path}{separator}bench-miss={n}-{count}" if unique else path
            started = time.perf_counter()
            try:
                connection.request("GET", url, headers={"Host": "127.0.0.1"})
                response = connection.getresponse()
                response.read()
            except (OSError, http.client.HTTPException) as error:
                errors.append(error)
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                continue
            mine.append(time.perf_counter() - started)
            codes.append(response.status)
        connection.close()
        with lock:
            latencies.extend(mine)
            statuses.extend(codes)

    started = time.monotonic()
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    ordered = sorted(latencies) or [0.0]
    return {
        "requests": len(latencies),
        "seconds": elapsed,
        "p50_ms": statistics.median(ordered) * 1000,
        "p99_ms": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000,
        "non2xx": sum(1 for code in statuses if not 200 <= code < 300),
        "socket_errors": len(errors),
    }
