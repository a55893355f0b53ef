-- wrk script for `make bench`: counts responses outside 2xx and prints one JSON line.
-- With BENCH_UNIQUE=1 every request adds a query parameter no view reads, so no two
-- requests share a URL: each one misses any page cache ("cold").

local threads = {}
local unique = os.getenv("BENCH_UNIQUE") == "1"

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  non2xx = 0
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

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("non2xx")
  end
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "seconds": %.3f, "p50_ms": %.2f, "p99_ms": %.2f, "non2xx": %d, "socket_errors": %d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e3,
    latency:percentile(99) / 1e3, bad, e.connect + e.read + e.write + e.timeout))
end
