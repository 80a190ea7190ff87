-- The read mix of one user of the province load benchmark, for wrk (src/test/load/province.sh sets
-- the environment): the main pages through signed-in page sessions and the API reads through the
-- user's token, over the organisation the user is granted (with its subtree).
--
--   LOAD_TOKEN     the user's API token      LOAD_ROOT      the organisation granted (its subtree)
--   LOAD_ORGS      ids of organisations in the subtree, "1,2,..."
--   LOAD_SESSIONS  a file of "cookie<TAB>csrf" lines, one page session per wrk thread
--
-- Every answer of 400 or more, and any redirect (to the login page or elsewhere), is a failure;
-- done() prints one "load:" line that province.sh reads.

local token = os.getenv("LOAD_TOKEN")
local root = os.getenv("LOAD_ROOT")
local orgs = {}
for id in string.gmatch(os.getenv("LOAD_ORGS") or "", "%d+") do
	orgs[#orgs + 1] = id
end
local sessions = {}
for line in io.lines(os.getenv("LOAD_SESSIONS")) do
	local cookie, csrf = line:match("^([^\t]+)\t([^\t]+)$")
	if cookie then
		sessions[#sessions + 1] = { cookie = cookie, csrf = csrf }
	end
end

local threads = {}

function setup(thread)
	threads[#threads + 1] = thread
	thread:set("id", #threads)
end

local session
failures = 0
shown = 0

function init(args)
	math.randomseed(id * 7919)
	session = sessions[((id - 1) % #sessions) + 1]
end

local function api(path)
	return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json" })
end

local function page(path)
	return wrk.format("GET", path, { ["Cookie"] = "SESSION=" .. session.cookie, ["Accept"] = "text/html" })
end

local function org()
	return orgs[math.random(#orgs)]
end

-- weight, request: half pages, half API calls; the organisation pages of random organisations of
-- the subtree, every list and overview on the user's own organisation (its whole subtree)
local mix = {
	{ 4, function() return page("/orgs/" .. org()) end },
	{ 2, function() return page("/orgs/" .. root) end },
	{ 2, function() return page("/") end },
	{ 2, function() return page("/oversight?orgId=" .. root) end },
	{ 2, function() return page("/duty/letters?orgId=" .. root) end },
	{ 2, function() return page("/ledger?orgId=" .. root) end },
	{ 2, function() return page("/tracking") end },
	{ 2, function() return page("/inspection/findings?orgId=" .. root) end },
	{ 2, function() return page("/accountability?orgId=" .. root) end },
	{ 2, function() return page("/interviews?orgId=" .. root) end },
	{ 2, function() return page("/reports?orgId=" .. root) end },
	{ 4, function() return api("/api/v1/orgs/" .. org()) end },
	{ 2, function() return api("/api/v1/orgs/" .. root .. "/children") end },
	{ 2, function() return api("/api/v1/oversight/dashboard?orgId=" .. root) end },
	{ 2, function() return api("/api/v1/duty/letters/overview?orgId=" .. root) end },
	{ 2, function() return api("/api/v1/ledger/tasks?orgId=" .. root) end },
	{ 2, function() return api("/api/v1/tracked-items?orgId=" .. root .. "&limit=50") end },
	{ 2, function() return api("/api/v1/inspection/findings?orgId=" .. root) end },
	{ 2, function() return api("/api/v1/inspection/rectifications/board?orgId=" .. root) end },
	{ 1, function() return api("/api/v1/inspection/rectifications?orgId=" .. root .. "&column=OVERDUE&page=2") end },
	{ 2, function() return api("/api/v1/accountability/cases?orgId=" .. root) end },
	{ 2, function() return api("/api/v1/interviews/coverage?orgId=" .. root) end },
	{ 2, function() return api("/api/v1/reports/overview?orgId=" .. root) end },
	-- the rows behind the bounded overviews, a page past the first (ApiPage)
	{ 1, function() return api("/api/v1/interviews/coverage/missing?orgId=" .. root .. "&page=2") end },
	{ 1, function() return api("/api/v1/reports/overview/rows?orgId=" .. root .. "&page=2") end },
	{ 1, function() return api("/api/v1/duty/letters/overview/unsigned?orgId=" .. root .. "&page=2") end },
}
local total = 0
for _, entry in ipairs(mix) do
	total = total + entry[1]
end

function request()
	local pick = math.random(total)
	for _, entry in ipairs(mix) do
		pick = pick - entry[1]
		if pick <= 0 then
			return entry[2]()
		end
	end
end

function response(status, headers, body)
	if status >= 300 then
		failures = failures + 1
		if shown < 5 then
			shown = shown + 1
			local location = headers["Location"] or headers["location"] or ""
			io.stderr:write(string.format("load: failure %d %s %s\n", status, location,
				(body or ""):sub(1, 300):gsub("%s+", " ")))
		end
	end
end

function done(summary, latency, requests)
	local failed = 0
	for _, thread in ipairs(threads) do
		failed = failed + (thread:get("failures") or 0)
	end
	local e = summary.errors
	io.write(string.format(
		"load: requests=%d seconds=%.1f rps=%.1f p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f failures=%d socket_errors=%d status_errors=%d timeouts=%d\n",
		summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
		latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
		failed, e.connect + e.read + e.write, e.status, e.timeout))
end
