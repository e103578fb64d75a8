-- wrk: project registrations through milestone-service's API (or the cluster's load balancer), each with a
-- code no run has used, as a district office over HTTP Basic (profile local). Every request is a real write:
-- an event appended, a code claimed, the event published to Kafka.
--
--   wrk -t2 -c32 -d30s --timeout 30s --latency -s infra/bench/wrk/register-projects.lua http://127.0.0.1:8081
--   wrk … -s infra/bench/wrk/register-projects.lua http://127.0.0.1:8081 -- d120101 d120101-dev 120101
--
-- Arguments after --: user, password, district (default d120116 / d120116-dev / 120116, 滨海新区). At the end
-- it prints how many answers were 201 and how many were anything else (wrk's own "Non-2xx" line counts them too),
-- then one line for the bench (WrkLoad): "wrk-figures: requests=… created=… other=… errors=… seconds=… p50_us=…
-- p99_us=…" (latency percentiles over every request, in microseconds).

local user, password, district = "d120116", "d120116-dev", "120116"
local run = tostring(os.time())
local threads = {}

local function base64(text)
  local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
  return ((text:gsub(".", function(c)
    local bits, byte = "", c:byte()
    for i = 8, 1, -1 do bits = bits .. (byte % 2 ^ i - byte % 2 ^ (i - 1) > 0 and "1" or "0") end
    return bits
  end) .. "0000"):gsub("%d%d%d?%d?%d?%d?", function(bits)
    if #bits < 6 then return "" end
    local n = 0
    for i = 1, 6 do n = n + (bits:sub(i, i) == "1" and 2 ^ (6 - i) or 0) end
    return alphabet:sub(n + 1, n + 1)
  end) .. ({ "", "==", "=" })[#text % 3 + 1])
end

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  user = args[1] or user
  password = args[2] or password
  district = args[3] or district
  counter, created, refused = 0, 0, 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Basic " .. base64(user .. ":" .. password)
end

function request()
  counter = counter + 1
  -- unique across runs (the second), threads (id) and requests (counter): a taken code would answer 409
  local code = string.format("WRK-%s-%d-%d", run, id, counter)
  local body = string.format('{"code":"%s","name":"wrk %s","district":"%s","chain":"new-energy",'
    .. '"investor":"Bench Co","plannedInvestmentCny":"100000000.00"}', code, code, district)
  return wrk.format(nil, "/api/projects", nil, body)
end

function response(status)
  if status == 201 then created = created + 1 else refused = refused + 1 end
end

function done(summary, latency, requests)
  local total_created, total_refused = 0, 0
  for _, thread in ipairs(threads) do
    total_created = total_created + thread:get("created")
    total_refused = total_refused + thread:get("refused")
  end
  io.write(string.format("registrations: %d created (201), %d other answers; %.1f created/s\n",
    total_created, total_refused, total_created / (summary.duration / 1e6)))
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("wrk-figures: requests=%d created=%d other=%d errors=%d seconds=%.3f p50_us=%d p99_us=%d\n",
    summary.requests, total_created, total_refused, errors, summary.duration / 1e6,
    latency:percentile(50), latency:percentile(99)))
end
