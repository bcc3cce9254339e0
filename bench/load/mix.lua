-- wrk script of bench/load.sh: a weighted mix of real pages and API calls of the public, an
-- applicant, panel members and the secretariat, each signed in with its own session.
--
-- The mix is a tab-separated file named by LOAD_MIX, written by load.sh from links it found in
-- the demo data, one request a line:
--   weight  persona  method  path  cookie  csrf_token  body_file  etag
-- ("-" for none). A request with a body is sent as application/json with the session's
-- X-CSRF-Token, as a script posting JSON does (docs/api.md); one with an etag carries it as
-- If-None-Match, as a browser revalidating its cached copy of a static file does.
--
-- Every thread counts the statuses it receives and the redirects to the sign-in page (a session
-- that stopped working answers its pages with 303 to /LANG/login, which wrk would count as a
-- success); done() adds the threads' counts up and prints one line, "BSAP_LOAD_JSON {...}",
-- with wrk's exact figures (its text summary rounds them).

local entries = {}     -- {persona, method, path, headers, body}
local cumulative = {}  -- running sum of the weights, for a binary search
local total = 0

statuses = {}          -- status code (as text) -> responses; read by done() through thread:get
sent = {}              -- persona -> requests sent
to_login = 0           -- 3xx whose Location is the sign-in page

local function split_tabs(line)
  local fields = {}
  for field in (line .. "\t"):gmatch("([^\t]*)\t") do fields[#fields + 1] = field end
  return fields
end

local function read_file(path)
  local file = assert(io.open(path, "rb"), "cannot open " .. path)
  local text = file:read("*a")
  file:close()
  return text
end

function init(args)
  clients = tonumber(os.getenv("LOAD_CLIENTS") or "500")  -- how many people send the mix
  local mix = assert(os.getenv("LOAD_MIX"), "LOAD_MIX names the mix file")
  for line in io.lines(mix) do
    if line ~= "" and line:sub(1, 1) ~= "#" then
      local f = split_tabs(line)
      local weight, persona, method, path = tonumber(f[1]), f[2], f[3], f[4]
      local cookie, csrf, body_file, etag = f[5], f[6], f[7], f[8]
      local headers = {}
      if cookie and cookie ~= "-" then headers["Cookie"] = "bsap_session=" .. cookie end
      if etag and etag ~= "-" then headers["If-None-Match"] = etag end
      local body = nil
      if body_file and body_file ~= "-" then
        body = read_file(body_file)
        headers["Content-Type"] = "application/json"
        if csrf and csrf ~= "-" then headers["X-CSRF-Token"] = csrf end
      end
      total = total + weight
      entries[#entries + 1] = {persona = persona, method = method, path = path, headers = headers,
                               body = body}
      cumulative[#cumulative + 1] = total
      sent[persona] = sent[persona] or 0
    end
  end
  assert(#entries > 0, "the mix file " .. mix .. " holds no request")
  -- A different sequence in every thread.
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0) % 100000)
end

function request()
  local r = math.random() * total
  local lo, hi = 1, #cumulative
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if cumulative[mid] < r then lo = mid + 1 else hi = mid end
  end
  local entry = entries[lo]
  sent[entry.persona] = sent[entry.persona] + 1
  -- Many people, not one: each request comes from one of LOAD_CLIENTS addresses, which the
  -- server (started with --trust-forwarded-for) takes as the client, so its per-client budgets
  -- stay at their defaults and apply per person as in production.
  local person = math.random(0, clients - 1)
  entry.headers["X-Forwarded-For"] = "10.77." .. math.floor(person / 250) .. "." .. person % 250 + 1
  return wrk.format(entry.method, entry.path, entry.headers, entry.body)
end

function response(status, headers, body)
  local key = tostring(status)
  statuses[key] = (statuses[key] or 0) + 1
  if status >= 300 and status < 400 then
    local location = headers["Location"] or headers["location"] or ""
    if location:find("/login", 1, true) then to_login = to_login + 1 end
  end
end

local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
end

local function json_object(map)
  local keys = {}
  for k in pairs(map) do keys[#keys + 1] = k end
  table.sort(keys)
  local parts = {}
  for _, k in ipairs(keys) do parts[#parts + 1] = string.format("%q:%d", k, map[k]) end
  return "{" .. table.concat(parts, ",") .. "}"
end

function done(summary, latency, requests)
  local all_statuses, all_sent, all_to_login = {}, {}, 0
  for _, thread in ipairs(threads) do
    for k, v in pairs(thread:get("statuses") or {}) do all_statuses[k] = (all_statuses[k] or 0) + v end
    for k, v in pairs(thread:get("sent") or {}) do all_sent[k] = (all_sent[k] or 0) + v end
    all_to_login = all_to_login + (thread:get("to_login") or 0)
  end
  local e = summary.errors
  io.write(string.format(
    "BSAP_LOAD_JSON {\"requests\":%d,\"duration_us\":%d,\"bytes\":%d," ..
    "\"socket_errors\":{\"connect\":%d,\"read\":%d,\"write\":%d,\"timeout\":%d},\"wrk_status_errors\":%d," ..
    "\"latency_us\":{\"mean\":%.1f,\"stdev\":%.1f,\"p50\":%d,\"p90\":%d,\"p99\":%d,\"p999\":%d,\"max\":%d}," ..
    "\"statuses\":%s,\"sent\":%s,\"redirects_to_login\":%d}\n",
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.timeout, e.status,
    latency.mean, latency.stdev, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency:percentile(99.9), latency.max,
    json_object(all_statuses), json_object(all_sent), all_to_login))
end
