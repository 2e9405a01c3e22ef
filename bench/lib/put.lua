-- wrk script: PUT of a valid Vayu UpdateCustomerRequest (the file $BENCH_BODY) with a bearer token.
-- $BENCH_REQUESTS_PER_THREAD > 0 stops each thread after that many responses (a request budget).
-- done() prints one machine-readable RESULT line that bench/lib/bench.sh parses.
local file = assert(io.open(os.getenv("BENCH_BODY"), "rb"))
wrk.method = "PUT"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer bench-token"

-- wrk's main thread sleeps for the whole -d whatever its threads do: a thread that has spent its budget
-- stops and leaves a file in $BENCH_DONE_DIR, and bench.sh ends wrk (SIGINT) once every thread has.
local budget = tonumber(os.getenv("BENCH_REQUESTS_PER_THREAD") or "0") or 0
local threads = 0

function setup(thread)
    threads = threads + 1
    thread:set("id", threads)
end

if budget > 0 then
    local answered = 0
    function response(status, headers, body)
        answered = answered + 1
        if answered == budget then
            wrk.thread:stop()
            local marker = io.open(os.getenv("BENCH_DONE_DIR") .. "/thread-" .. tostring(id), "w")
            if marker then
                marker:close()
            end
        end
    end
end

function done(summary, latency, requests)
    local e = summary.errors
    io.write(string.format(
        "RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d max_us=%d connect=%d read=%d write=%d status=%d timeout=%d\n",
        summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
        e.connect, e.read, e.write, e.status, e.timeout))
end
