-- wrk script for bench/run.sh: every connection pauses WRK_DELAY_MS milliseconds before each request, so C
-- connections send about C * 1000 / (WRK_DELAY_MS + latency) requests per second instead of as many as the server
-- can take. wrk times each request from its send, so the pause is not counted as latency.
local delay_ms = tonumber(os.getenv("WRK_DELAY_MS") or "10")

function delay()
  return delay_ms
end
