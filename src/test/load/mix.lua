-- The soak's mix of requests, for wrk (src/test/load/soak.sh sets the environment):
-- seven in ten reads, three in ten writes; half through a personal access token (the API),
-- half through signed-in page sessions (CSRF token in a header, as htmx sends it).
--
--   SOAK_TOKEN     the token's secret          SOAK_ROOT   the organisation the user manages
--   SOAK_UNITS     ids of its children, "1,2"  SOAK_SESSIONS  a file of "cookie<TAB>csrf" lines
--
-- Every answer of 400 or more, and any redirect to the login page, is a failure; done() prints
-- one "soak:" line that soak.sh reads.

local token = os.getenv("SOAK_TOKEN")
local root = os.getenv("SOAK_ROOT")
local units = {}
for id in string.gmatch(os.getenv("SOAK_UNITS") or "", "%d+") do
	units[#units + 1] = id
end
local sessions = {}
for line in io.lines(os.getenv("SOAK_SESSIONS")) do
	local cookie, csrf = line:match("^([^\t]+)\t([^\t]+)$")
	if cookie then
		sessions[#sessions + 1] = { cookie = cookie, csrf = csrf }
	end
end

-- main state: one entry per wrk thread, read back in done()
local threads = {}

function setup(thread)
	threads[#threads + 1] = thread
	thread:set("id", #threads)
end

-- thread state ---------------------------------------------------------------------------------

local counter = 0
local session
failures = 0
shown = 0

function init(args)
	math.randomseed(id * 7919 + os.time())
	session = sessions[((id - 1) % #sessions) + 1]
end

local function urlencode(text)
	return (text:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local function api(method, path, body)
	local headers = { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json" }
	if body then
		headers["Content-Type"] = "application/json"
	end
	return wrk.format(method, path, headers, body)
end

local function page(method, path, form)
	local headers = { ["Cookie"] = "SESSION=" .. session.cookie, ["Accept"] = "text/html" }
	if form then
		headers["Content-Type"] = "application/x-www-form-urlencoded"
		headers["X-CSRF-TOKEN"] = session.csrf
	end
	return wrk.format(method, path, headers, form)
end

local function unit()
	return units[math.random(#units)]
end

-- weight, request
local mix = {
	{ 20, function() return api("GET", "/api/v1/orgs/" .. unit()) end },
	{ 10, function() return api("GET", "/api/v1/orgs/" .. root .. "/children") end },
	{ 8, function() return api("GET", "/api/v1/orgs?q=SOAK-U&limit=20") end },
	{ 4, function() return api("GET", "/api/v1/audit?orgId=" .. root .. "&limit=20") end },
	{ 10, function() return api("POST", "/api/v1/orgs/" .. unit() .. "/rename",
		string.format('{"name":"压测单位%d-%d"}', id, counter)) end },
	{ 5, function() return api("POST", "/api/v1/people",
		string.format('{"name":"压测人员%d-%d","orgId":%s}', id, counter, unit())) end },
	{ 5, function() return api("POST", "/api/v1/orgs",
		string.format('{"code":"SK%d-%d","name":"压测支部%d","type":"BRANCH","parentId":%s}', id, counter, counter, unit())) end },
	{ 15, function() return page("GET", "/orgs/" .. unit()) end },
	{ 5, function() return page("GET", "/orgs?q=" .. urlencode("压测")) end },
	{ 8, function() return page("GET", "/") end },
	{ 10, function() return page("POST", "/orgs/" .. unit() .. "/rename",
		"name=" .. urlencode(string.format("压测单位%d-%d", id, counter))) end },
}
local total = 0
for _, entry in ipairs(mix) do
	total = total + entry[1]
end

function request()
	counter = counter + 1
	local pick = math.random(total)
	for _, entry in ipairs(mix) do
		pick = pick - entry[1]
		if pick <= 0 then
			return entry[2]()
		end
	end
end

function response(status, headers, body)
	local location = headers["Location"] or headers["location"]
	if status >= 400 or (location and location:find("/login", 1, true)) then
		failures = failures + 1
		if shown < 5 then
			shown = shown + 1
			io.stderr:write(string.format("soak: failure %d %s %s\n", status, location or "",
				(body or ""):sub(1, 300):gsub("%s+", " ")))
		end
	end
end

-- main state -----------------------------------------------------------------------------------

function done(summary, latency, requests)
	local failed = 0
	for _, thread in ipairs(threads) do
		failed = failed + (thread:get("failures") or 0)
	end
	local e = summary.errors
	io.write(string.format(
		"soak: requests=%d seconds=%.1f rps=%.1f p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f failures=%d socket_errors=%d status_errors=%d timeouts=%d\n",
		summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
		latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
		failed, e.connect + e.read + e.write, e.status, e.timeout))
end
