-- The write mix of the province load benchmark, for wrk (src/test/load/province.sh sets the
-- environment), through one user's API token: ledger entries on started ledger tasks (half),
-- tracked-item moves (a quarter: START of an open task, SUBMIT of a started one, each item moved
-- once), interview records (a quarter: an organisation's secretary and a child's secretary).
--
--   LOAD_TOKEN    the token                 LOAD_TODAY    the business date, 2026-12-04
--   LOAD_WRITES   a file of lines "entry ID", "start ID", "submit ID", "interview ORG POST POST"
--   LOAD_THREADS  wrk's threads (each moves its own share of the items)
--
-- Every answer of 400 or more is a failure; a move when a thread has used up its items too.

local token = os.getenv("LOAD_TOKEN")
local today = os.getenv("LOAD_TODAY")
local lists = { entry = {}, start = {}, submit = {}, interview = {} }
for line in io.lines(os.getenv("LOAD_WRITES")) do
	local kind, rest = line:match("^(%a+) (.*)$")
	if kind and lists[kind] then
		local list = lists[kind]
		list[#list + 1] = rest
	end
end

local threads = {}

function setup(thread)
	threads[#threads + 1] = thread
	thread:set("id", #threads)
end

local counter = 0
local next_move = {}
failures = 0
shown = 0

function init(args)
	math.randomseed(id * 104729)
	next_move.start = id
	next_move.submit = id
end

local step = tonumber(os.getenv("LOAD_THREADS") or "1")

local function post(path, body)
	return wrk.format("POST", path, { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json",
		["Content-Type"] = "application/json" }, body)
end

local function entry()
	local item = lists.entry[math.random(#lists.entry)]
	return post("/api/v1/tracked-items/" .. item .. "/entries",
		string.format('{"date":"%s","text":"压测台账记录 %d-%d：召开专题会议，形成纪要"}', today, id, counter))
end

-- each item of a thread's share once: a second move of it would be refused (409)
local function move(kind, action)
	local list = lists[kind]
	local i = next_move[kind]
	next_move[kind] = i + step
	local item = list[i] or "0"
	return post("/api/v1/tracked-items/" .. item .. "/moves", string.format('{"action":"%s","note":"压测 %d"}', action, counter))
end

local function interview()
	local org, interviewer, interviewee = lists.interview[math.random(#lists.interview)]:match("^(%d+) (%d+) (%d+)$")
	return post("/api/v1/interviews", string.format(
		'{"orgId":%s,"date":"%s","kind":"ROUTINE","interviewer":{"postId":%s},"interviewees":[{"postId":%s}],"content":"压测谈话 %d-%d"}',
		org, today, interviewer, interviewee, id, counter))
end

function request()
	counter = counter + 1
	local pick = math.random(8)
	if pick <= 4 then
		return entry()
	elseif pick == 5 then
		return move("start", "START")
	elseif pick == 6 then
		return move("submit", "SUBMIT")
	else
		return interview()
	end
end

function response(status, headers, body)
	if status >= 400 then
		failures = failures + 1
		if shown < 5 then
			shown = shown + 1
			io.stderr:write(string.format("load: failure %d %s\n", status, (body or ""):sub(1, 300):gsub("%s+", " ")))
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
