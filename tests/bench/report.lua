-- wrk script for `make bench`: prints one JSON line, with wrk's own count of responses
-- with a status of 400 or more. It has no response() function on purpose: with one, wrk
-- hands every body to Lua, which on one thread made a 103 KB page (the feed) measure 20 %
-- slower than the same page without it. The bench checks each page's status first.
-- With BENCH_UNIQUE=1 every request adds a query parameter no view reads, so no two
-- requests share a URL: each one misses any page cache ("cold").

local threads = {}
local unique = os.getenv("BENCH_UNIQUE") == "1"

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  separator = string.find(wrk.path, "?", 1, true) and "&" or "?"
end

function request()
  if unique then
    counter = counter + 1
    return wrk.format(nil, wrk.path .. separator .. "bench-miss=" .. id .. "-" .. counter)
  end
  return wrk.format(nil, wrk.path)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "seconds": %.3f, "p50_ms": %.2f, "p99_ms": %.2f, "non2xx": %d, "socket_errors": %d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e3,
    latency:percentile(99) / 1e3, e.status, e.connect + e.read + e.write + e.timeout))
end
