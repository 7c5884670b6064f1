-- wrk script: each request takes a random path from a file (one path a line), the same seeded
-- sequence on every run, so two servers meet the same requests. Counts the X-Cache: hit/miss
-- answers per thread and prints one JSON line of results when done.
--
--     wrk -t2 -c16 -d8s -s random_paths.lua http://127.0.0.1:8801 -- paths.txt 8

local threads = {}

function setup(thread)
   table.insert(threads, thread)
   thread:set("number", #threads)
end

function init(args)
   paths = {}
   for line in io.lines(args[1]) do
      paths[#paths + 1] = line
   end
   math.randomseed(tonumber(args[2]) * 1000 + number)
   hits, misses = 0, 0
end

function request()
   return wrk.format("GET", paths[math.random(#paths)])
end

function response(status, headers, body)
   local cache = headers["X-Cache"] or headers["x-cache"]
   if cache == "hit" then
      hits = hits + 1
   elseif cache == "miss" then
      misses = misses + 1
   end
end

function done(summary, latency, requests)
   local hit_total, miss_total = 0, 0
   for _, thread in ipairs(threads) do
      hit_total = hit_total + thread:get("hits")
      miss_total = miss_total + thread:get("misses")
   end
   local errors = summary.errors
   io.write(string.format(
      '{"requests": %d, "seconds": %f, "p50_us": %d, "p99_us": %d, "non_2xx": %d, '
         .. '"socket_errors": %d, "cache_hits": %d, "cache_misses": %d}\n',
      summary.requests, summary.duration / 1e6, latency:percentile(50), latency:percentile(99),
      errors.status, errors.connect + errors.read + errors.write + errors.timeout,
      hit_total, miss_total))
end
