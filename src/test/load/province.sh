#!/usr/bin/env bash
# Load: the built jar on a durable PostgreSQL holding a province's year of data, under wrk
# (docs/BENCHMARKS.md, "Load: a province's data under wrk (issue 18)").
#
#   ./mvnw -B -o package -DskipTests && src/test/load/province.sh            # the full run (about 20 min)
#   LOAD_SHORT=1 src/test/load/province.sh                                   # the short form (about 3 min)
#
# 1. PostgreSQL: a new cluster under target/load/pg (initdb; fsync and synchronous_commit on, as
#    Debian ships them), unless LOAD_DB_URL (jdbc:postgresql://host:port/db, with LOAD_DB_USER and
#    LOAD_DB_PASSWORD) names a new, empty database to fill instead.
# 2. The data: zeren.bench.ProvinceData (src/test/java) fills it through the application's own
#    migrations and import: the national tree and a year of 湖南省 (posts, tenures, lists, 1M ledger
#    entries, letters, interviews, reports, 20k findings and rectifications, 4k cases, 1M sealed audit
#    events). The short form: only 长沙县's subtree (and its ancestors), 20k entries, 20k events.
# 3. The jar on it; three users through the API (as soak.sh does): a county user (长沙县), a city user
#    (长沙市) and the provincial user (湖南省), each with ORG_ADMIN and DISCIPLINE over the subtree,
#    an API token and one page session per wrk thread.
# 4. wrk: each user's read mix (province-reads.lua: the main pages and API reads) at 16, 64 and 256
#    connections, then the write mix (province-writes.lua: ledger entries, tracked-item moves,
#    interviews) at 32 connections as the provincial user. Per run: p50/p99, throughput, errors; and
#    the server time (p50, p99) of each page and API call from /actuator/prometheus
#    (http_server_requests, scraped before and after the run with the administrator's Basic login).
#
# Fails when any request failed (non-2xx, a redirect, a socket error or a timeout), the server logged
# an ERROR, or the audit chain does not verify afterwards. The report: target/load/report.md.
#
# Settings (environment): LOAD_SHORT (unset), LOAD_SECONDS (30; short 3), LOAD_CONNECTIONS ("16 64 256";
# short "16 64"), LOAD_WRITE_CONNECTIONS (32; short 8), LOAD_THREADS (2), LOAD_TIMEOUT (10s),
# LOAD_SEED (18), LOAD_JAR (target/zeren.jar), LOAD_JAVA_OPTS (-Xmx1g), LOAD_GEN_XMX (1g),
# LOAD_DATA (../shared/data/china-division), LOAD_KEEP (1: leave PostgreSQL running at the end and
# print how to reach it, for EXPLAIN ANALYZE). Needs wrk, curl, psql, java; PostgreSQL's initdb.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../../.."

short=${LOAD_SHORT:-}
seconds=${LOAD_SECONDS:-$([ -n "$short" ] && echo 3 || echo 30)}
connection_counts=${LOAD_CONNECTIONS:-$([ -n "$short" ] && echo "16 64" || echo "16 64 256")}
write_connections=${LOAD_WRITE_CONNECTIONS:-$([ -n "$short" ] && echo 8 || echo 32)}
threads=${LOAD_THREADS:-2}
timeout=${LOAD_TIMEOUT:-10s}
seed=${LOAD_SEED:-18}
jar=${LOAD_JAR:-target/zeren.jar}
data=${LOAD_DATA:-../shared/data/china-division}
work="$PWD/target/load"
report="$work/report.md"

say() { echo "load: $*"; }
fail() { echo "load: FAILED: $*" >&2; exit 1; }

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$pgbin/initdb" ] || pgbin=$(dirname "$(command -v initdb || echo /none/initdb)")
for tool in wrk curl java psql; do
	command -v "$tool" >/dev/null || fail "$tool is missing (Debian: apt-get install -y wrk curl postgresql)"
done
[ -f "$jar" ] || fail "$jar is missing; build it with ./mvnw -B -o package -DskipTests"
[ -f target/test-classes/zeren/bench/ProvinceData.class ] || fail "the test classes are missing; ./mvnw -B -o package -DskipTests compiles them"

rm -rf "$work"
mkdir -p "$work"
. src/test/shell/zeren-server.sh
admin_password="Load-admin-$(secret)"
user_password="Load-user-$(secret)"

pg_started=
server_pid=
cleanup() {
	local status=$?
	[ -n "$server_pid" ] && server_stop "$server_pid"
	if [ -n "$pg_started" ] && [ -z "${LOAD_KEEP:-}" ]; then
		as_pg "$pgbin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
	fi
	exit "$status"
}
trap cleanup EXIT
trap "exit 143" INT TERM

# ---- 1. PostgreSQL ------------------------------------------------------------------------------

if [ -n "${LOAD_DB_URL:-}" ]; then
	db_url=$LOAD_DB_URL
	db_user=${LOAD_DB_USER:?LOAD_DB_USER}
	db_password=${LOAD_DB_PASSWORD:?LOAD_DB_PASSWORD}
	hostport=${db_url#jdbc:postgresql://}
	db_name=${hostport#*/}
	db_name=${db_name%%\?*}
	hostport=${hostport%%/*}
	db_host=${hostport%%:*}
	db_port=${hostport##*:}
	[ "$db_port" = "$hostport" ] && db_port=5432
	say "PostgreSQL at $db_url"
else
	if [ "$(id -u)" -eq 0 ]; then
		as_pg() { runuser -u postgres -- "$@"; }
	else
		as_pg() { "$@"; }
	fi
	mkdir -p "$work/pg" "$work/pg-socket" "$work/pg-log"
	[ "$(id -u)" -eq 0 ] && chown postgres: "$work/pg" "$work/pg-socket" "$work/pg-log"
	db_host=127.0.0.1
	db_port=$(for _ in $(seq 100); do p=$((20000 + RANDOM % 30000)); (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; break; }; done)
	db_name=zeren
	db_user=zeren
	db_password="Load-db-$(secret)"
	db_url="jdbc:postgresql://127.0.0.1:$db_port/zeren"
	as_pg "$pgbin/initdb" -D "$work/pg" -U postgres -E UTF8 --no-locale --auth-local=trust >"$work/initdb.log" 2>&1 ||
		fail "initdb: $(cat "$work/initdb.log")"
	# durable (fsync, synchronous_commit and full_page_writes stay on); memory for a 2-core, 24 GB machine
	cat >>"$work/pg/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $db_port
unix_socket_directories = '$work/pg-socket'
shared_buffers = 1GB
effective_cache_size = 8GB
work_mem = 16MB
maintenance_work_mem = 256MB
max_wal_size = 4GB
checkpoint_timeout = 15min
EOF
	cat >"$work/pg/pg_hba.conf" <<EOF
local all all trust
host all all 127.0.0.1/32 scram-sha-256
EOF
	as_pg "$pgbin/pg_ctl" -D "$work/pg" -l "$work/pg-log/postgres.log" -w start >/dev/null
	pg_started=1
	psql -X -q -v ON_ERROR_STOP=1 -h "$work/pg-socket" -p "$db_port" -U postgres \
		-c "CREATE ROLE zeren LOGIN PASSWORD '$db_password'" -c "CREATE DATABASE zeren OWNER zeren"
	say "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on $db_port (fsync $(psql -X -At -h "$work/pg-socket" -p "$db_port" -U postgres -c 'SHOW fsync'))"
fi
sql() { PGPASSWORD=$db_password psql -X -q -v ON_ERROR_STOP=1 -At -F ' ' -h "$db_host" -p "$db_port" -U "$db_user" "$db_name" "$@"; }

# ---- 2. the data -----------------------------------------------------------------------------------

if [ -n "$short" ]; then
	gen=(-Dgen.subtree=430121 -Dgen.entries=20000 -Dgen.findings=300 -Dgen.cases=60 -Dgen.audit=20000)
else
	gen=()
fi
say "generating the data (ProvinceData, seed $seed)"
started=$(date +%s)
java -Xmx"${LOAD_GEN_XMX:-1g}" -Duser.timezone=Asia/Shanghai -Dfile.encoding=UTF-8 \
	-Dgen.url="$db_url" -Dgen.user="$db_user" -Dgen.password="$db_password" -Dgen.adminPassword="$admin_password" \
	-Dgen.data="$data" -Dgen.seed="$seed" -Dgen.out="$work/data.md" "${gen[@]}" \
	-Dloader.path=target/test-classes -Dloader.main=zeren.bench.ProvinceData \
	-cp "$jar" org.springframework.boot.loader.launch.PropertiesLauncher >"$work/generator.log" 2>&1 ||
	{ tail -60 "$work/generator.log" >&2; fail "the generator failed (target/load/generator.log)"; }
generated=$(($(date +%s) - started))
grep '^province-data: ' "$work/generator.log" | sed 's/^province-data: /load:   /'
say "data generated in ${generated}s"

# ---- 3. the server and the users ---------------------------------------------------------------------

ZEREN_DB_URL="$db_url" ZEREN_DB_USER="$db_user" ZEREN_DB_PASSWORD="$db_password" ZEREN_DATA_DIR="$work/data" \
	ZEREN_ADMIN_PASSWORD="$admin_password" JAR="$jar" JAVA_OPTS_SERVER="${LOAD_JAVA_OPTS:--Xmx1g}" \
	server_start "$work/app.log"
server_pid=$SERVER_PID
server_wait "$server_pid" "$work/app.log"
base="http://127.0.0.1:$SERVER_PORT"
say "server pid $server_pid on $base"

admin() { curl -fsS -u "admin:$admin_password" -H 'Content-Type: application/json' "$@"; }
org_id() { sql -c "SELECT id FROM org WHERE code = '$1'"; }

: >"$work/users.txt"
for spec in county:430121 city:4301 province:43; do
	name=${spec%%:*}
	root=$(org_id "${spec#*:}")
	[ -n "$root" ] || fail "no organisation ${spec#*:}"
	user=$(admin -X POST "$base/api/v1/users" -d "{\"username\":\"load-$name\",\"password\":\"$user_password\",\"enabled\":true}" | id_of)
	for role in ORG_ADMIN DISCIPLINE; do
		admin -X POST "$base/api/v1/users/$user/grants" -d "{\"role\":\"$role\",\"orgId\":$root,\"includeDescendants\":true}" >/dev/null
	done
	token=$(admin -X POST "$base/api/v1/users/$user/tokens" -d "{\"name\":\"load\",\"days\":1}" | sed -n 's/.*"secret":"\([^"]*\)".*/\1/p')
	[ -n "$user" ] && [ -n "$token" ] || fail "setting up the user load-$name failed"
	: >"$work/sessions-$name.txt"
	for s in $(seq "$threads"); do
		cookies="$work/cookies-$name-$s.txt"
		sign_in "$base" "$cookies" "load-$name" "$user_password"
		page_csrf=$(curl -fsS -c "$cookies" -b "$cookies" "$base/orgs/$root" | csrf_of)
		cookie=$(awk '$6 == "SESSION" { print $7 }' "$cookies")
		[ -n "$cookie" ] && [ -n "$page_csrf" ] || fail "signing in as load-$name failed"
		printf '%s\t%s\n' "$cookie" "$page_csrf" >>"$work/sessions-$name.txt"
	done
	# up to 500 organisations of the subtree for the organisation pages, every level represented
	orgs=$(sql -c "SELECT string_agg(CAST(id AS VARCHAR), ',') FROM (SELECT o.id FROM org o, org r WHERE r.id = $root
		AND o.path >= r.path AND o.path < r.path || '~' ORDER BY md5(o.code) LIMIT 500) x")
	printf '%s %s %s %s\n' "$name" "$root" "$token" "$orgs" >>"$work/users.txt"
	say "user load-$name: organisation $root ($(sql -c "SELECT name FROM org WHERE id = $root")), $(tr ',' '\n' <<<"$orgs" | wc -l) organisations for its pages"
done

# ---- 4. the runs ------------------------------------------------------------------------------------

scrape() { curl -fsS -u "admin:$admin_password" "$base/actuator/prometheus" | grep '^http_server_requests_seconds_bucket' >"$1"; }

# server time per page from two scrapes: p50 and p99 of the requests between them, by the
# histogram's buckets (linear within a bucket, as Prometheus' histogram_quantile), per method and uri
server_times() {
	local tab
	tab=$(printf '\t')
	awk -v OFS="$tab" '
		function label(line, name) {
			if (match(line, name "=\"[^\"]*\"")) return substr(line, RSTART + length(name) + 2, RLENGTH - length(name) - 3)
			return ""
		}
		FNR == 1 { file++ }
		{ sum[label($0, "method") " " label($0, "uri") OFS label($0, "le")] += (file == 1 ? -1 : 1) * $NF }
		END { for (x in sum) print x, sum[x] }
	' "$1" "$2" | sort -t"$tab" -k1,1 -k2,2g | awk -F"$tab" '
		function q(p,   want, i, prev, prevb) {
			want = p * total; prev = 0; prevb = 0
			for (i = 1; i <= n; i++) {
				if (c[i] >= want) return 1000 * (prevb + (b[i] - prevb) * (c[i] > prev ? (want - prev) / (c[i] - prev) : 1))
				prev = c[i]; prevb = b[i]
			}
			return 1000 * b[n]
		}
		function flush() { if (key != "" && total > 0) printf "%s %d %.1f %.1f\n", key, total, q(0.5), q(0.99) }
		$1 != key { flush(); key = $1; n = 0; total = 0 }
		$2 == "+Inf" { total = $3; next }
		{ n++; b[n] = $2 + 0; c[n] = $3 }
		END { flush() }
	'
}

value() { sed -n "s/.* $2=\([0-9.]*\).*/\1/p" <<<"$1"; }
errors_of() { echo $(($(value "$1" failures) + $(value "$1" socket_errors) + $(value "$1" timeouts))); }
total_errors=0
rows=()

# after a run: wait (up to 3 min) until the server has no request left at the database (wrk stops
# waiting after its timeout, the server does not), three checks in a row, so that no run inherits
# the previous one's queue
drain() {
	local quiet=0 waited=0
	while [ "$quiet" -lt 3 ] && [ "$waited" -lt 180 ]; do
		if [ "$(sql -c "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
			AND state IN ('active', 'idle in transaction')")" -eq 0 ]; then quiet=$((quiet + 1)); else quiet=0; fi
		sleep 1
		waited=$((waited + 1))
	done
	[ "$waited" -le 3 ] || say "  (the server's queue drained in ${waited}s after the run)"
}

run() { # name script connections env...: one wrk run; appends its row and its server times
	local name=$1 script=$2 connections=$3 result
	shift 3
	scrape "$work/before.prom"
	env "$@" wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout "$timeout" --latency -s "$script" "$base" \
		>"$work/wrk-$name-$connections.txt" 2>"$work/wrk-$name-$connections.err" || true
	drain
	scrape "$work/after.prom"
	result=$(grep '^load: requests=' "$work/wrk-$name-$connections.txt" || true)
	[ -n "$result" ] || { cat "$work/wrk-$name-$connections.err" >&2; fail "wrk gave no result for $name at $connections"; }
	local errors
	errors=$(errors_of "$result")
	total_errors=$((total_errors + errors))
	rows+=("| $name | $connections | $(value "$result" p50_ms) | $(value "$result" p99_ms) | $(value "$result" rps) | $errors ($(value "$result" failures) failed, $(value "$result" socket_errors) socket, $(value "$result" timeouts) timeouts) | $(cut -d' ' -f1-3 /proc/loadavg) |")
	server_times "$work/before.prom" "$work/after.prom" | grep -v ' /actuator/' >"$work/server-$name-$connections.txt" || true
	say "$name at $connections connections: $(value "$result" rps)/s, p50 $(value "$result" p50_ms) ms, p99 $(value "$result" p99_ms) ms, errors $errors; load $(cut -d' ' -f1-3 /proc/loadavg)"
	[ "$errors" -eq 0 ] || sed 's/^/load:   /' "$work/wrk-$name-$connections.err" | head -5
}

# a short warm-up of every user's mix (the JIT, the caches), not reported
while read -r name root token orgs; do
	LOAD_TOKEN="$token" LOAD_ROOT="$root" LOAD_ORGS="$orgs" LOAD_SESSIONS="$work/sessions-$name.txt" \
		wrk -t"$threads" -c16 -d"$([ -n "$short" ] && echo 2 || echo 10)s" --timeout "$timeout" -s src/test/load/province-reads.lua "$base" >/dev/null 2>&1 || true
done <"$work/users.txt"

# one request at a time, before any load: each page and API call of the mix 6 times per user, the
# median of the last 5 (time to the last byte, curl) and the size of the answer: what a request costs
# without queueing
one_at_a_time_paths='page /orgs/$ORG
page /orgs/$ROOT
page /
page /oversight?orgId=$ROOT
page /duty/letters?orgId=$ROOT
page /ledger?orgId=$ROOT
page /tracking
page /inspection/findings?orgId=$ROOT
page /accountability?orgId=$ROOT
page /interviews?orgId=$ROOT
page /reports?orgId=$ROOT
api /api/v1/orgs/$ORG
api /api/v1/orgs/$ROOT/children
api /api/v1/oversight/dashboard?orgId=$ROOT
api /api/v1/duty/letters/overview?orgId=$ROOT
api /api/v1/ledger/tasks?orgId=$ROOT
api /api/v1/tracked-items?orgId=$ROOT&limit=50
api /api/v1/inspection/findings?orgId=$ROOT
api /api/v1/inspection/rectifications/board?orgId=$ROOT
api /api/v1/inspection/rectifications?orgId=$ROOT&column=OVERDUE&page=2
api /api/v1/accountability/cases?orgId=$ROOT
api /api/v1/interviews/coverage?orgId=$ROOT
api /api/v1/reports/overview?orgId=$ROOT
api /api/v1/interviews/coverage/missing?orgId=$ROOT&page=2
api /api/v1/reports/overview/rows?orgId=$ROOT&page=2
api /api/v1/duty/letters/overview/unsigned?orgId=$ROOT&page=2'
: >"$work/one-at-a-time.txt"
while read -r name root token orgs; do
	cookie=$(head -1 "$work/sessions-$name.txt" | cut -f1)
	org=$(cut -d, -f7 <<<"$orgs,$root,$root,$root,$root,$root,$root")
	while read -r kind path; do
		url=${path//\$ROOT/$root}
		url=${url//\$ORG/$org}
		if [ "$kind" = page ]; then auth=(-H "Cookie: SESSION=$cookie" -H 'Accept: text/html'); else auth=(-H "Authorization: Bearer $token" -H 'Accept: application/json'); fi
		times=()
		for i in 0 1 2 3 4 5; do
			out=$(curl -s -o /dev/null -w '%{http_code} %{time_total} %{size_download}' "${auth[@]}" "$base$url")
			[ "${out%% *}" = 200 ] || { echo "load: one at a time: $name $url answered ${out%% *}" >&2; total_errors=$((total_errors + 1)); }
			[ "$i" -gt 0 ] && times+=("$(awk '{ printf "%.0f", $2 * 1000 }' <<<"$out")")
		done
		printf '%s %s %s %s\n' "$name" "$path" "$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)" "$(awk '{ print $3 }' <<<"$out")" \
			>>"$work/one-at-a-time.txt"
	done <<<"$one_at_a_time_paths"
done <"$work/users.txt"
say "one request at a time: $(awk '{ s += $3; n++ } END { printf "%d calls, mean of the medians %.0f ms", n, s / n }' "$work/one-at-a-time.txt")"

before_chain=$(admin "$base/api/v1/audit/verify")
say "chain before: $before_chain; load average $(cut -d' ' -f1-3 /proc/loadavg); ${seconds}s per run"

for connections in $connection_counts; do
	while read -r name root token orgs; do
		run "$name" src/test/load/province-reads.lua "$connections" LOAD_TOKEN="$token" LOAD_ROOT="$root" LOAD_ORGS="$orgs" \
			LOAD_SESSIONS="$work/sessions-$name.txt"
	done <"$work/users.txt"
done

# the writes, as the provincial user: entries on half the started ledger tasks, SUBMIT of the other
# half, START of the open ones (each once), interviews by an organisation's secretary of a child's
# secretary, both posts held today
today=$(TZ=Asia/Shanghai date +%F)
read -r _ province_root province_token _ < <(grep '^province ' "$work/users.txt")
sql -c "
	SELECT CASE WHEN t.status = 'OPEN' THEN 'start' WHEN t.id % 2 = 0 THEN 'entry' ELSE 'submit' END, t.id
	FROM tracked_item t JOIN org o ON o.id = t.org_id, org r
	WHERE r.id = $province_root AND o.path >= r.path AND o.path < r.path || '~' AND t.kind = 'ledger.task'
	  AND t.status IN ('OPEN', 'IN_PROGRESS') ORDER BY md5(CAST(t.id AS VARCHAR))" >"$work/writes.txt"
sql -c "
	SELECT 'interview', u.id, up.id, cp.id FROM org u JOIN org c ON c.parent_id = u.id
	JOIN post up ON up.org_id = u.id AND up.kind = 'SECRETARY' JOIN post cp ON cp.org_id = c.id AND cp.kind = 'SECRETARY', org r
	WHERE r.id = $province_root AND u.path >= r.path AND u.path < r.path || '~'
	  AND EXISTS (SELECT 1 FROM tenure t WHERE t.post_id = up.id AND t.start_date <= DATE '$today' AND t.end_date IS NULL)
	  AND EXISTS (SELECT 1 FROM tenure t WHERE t.post_id = cp.id AND t.start_date <= DATE '$today' AND t.end_date IS NULL)
	ORDER BY md5(CAST(c.id AS VARCHAR)) LIMIT 5000" >>"$work/writes.txt"
say "write mix: $(grep -c '^entry' "$work/writes.txt") tasks for entries, $(grep -c '^start' "$work/writes.txt") to start, $(grep -c '^submit' "$work/writes.txt") to submit, $(grep -c '^interview' "$work/writes.txt") interview pairs"
run writes src/test/load/province-writes.lua "$write_connections" LOAD_TOKEN="$province_token" LOAD_TODAY="$today" \
	LOAD_WRITES="$work/writes.txt" LOAD_THREADS="$threads"

# the same PostgreSQL's plain INSERT + COMMIT at the write mix's concurrency (pgbench), for comparison
pgbench_tps=
if command -v pgbench >/dev/null || [ -x "$pgbin/pgbench" ]; then
	sql -c "CREATE TABLE IF NOT EXISTS load_pgbench (id BIGSERIAL PRIMARY KEY, at TIMESTAMPTZ NOT NULL, text VARCHAR(200))"
	printf "INSERT INTO load_pgbench (at, text) VALUES (now(), 'pgbench');\n" >"$work/insert.sql"
	PGPASSWORD=$db_password "$pgbin/pgbench" -n -h "$db_host" -p "$db_port" -U "$db_user" -c "$write_connections" -j "$threads" \
		-T "$seconds" -f "$work/insert.sql" "$db_name" >"$work/pgbench.txt" 2>&1 || true
	pgbench_tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$work/pgbench.txt" | head -1)
	sql -c "DROP TABLE load_pgbench"
	say "pgbench, INSERT + COMMIT at $write_connections clients: ${pgbench_tps:-?} tps"
fi

# ---- the verdict and the report ----------------------------------------------------------------------------

sleep 2 # the sealer runs every second
after_chain=$(admin "$base/api/v1/audit/verify")
server_errors=$(grep -c ' ERROR ' "$work/app.log" || true)
{
	echo "# Load: a province's data under wrk"
	echo
	echo "Run $(date -u +%FT%TZ); $(nproc) cores; PostgreSQL at $db_url; ${seconds}s per run, $threads wrk threads, timeout $timeout; data generated in ${generated}s (seed $seed)."
	echo
	grep -v '^# ' "$work/data.md" | sed '/^Run at/d'
	echo
	echo "One request at a time before the load (median of 5, ms; the answer's size in bytes):"
	echo
	echo "| page or API call | county | city | province |"
	echo "|---|---:|---:|---:|"
	awk '{ print $2 }' "$work/one-at-a-time.txt" | awk '!seen[$0]++' | while read -r path; do
		line="| \`$path\`"
		for name in county city province; do
			line="$line | $(awk -v n="$name" -v p="$path" '$1 == n && $2 == p { printf "%s (%s)", $3, $4 }' "$work/one-at-a-time.txt")"
		done
		echo "$line |"
	done
	echo
	echo "| user | connections | p50 ms | p99 ms | requests/s | errors | load average after |"
	echo "|---|---:|---:|---:|---:|---|---|"
	printf '%s\n' "${rows[@]}"
	echo
	echo "pgbench INSERT + COMMIT at $write_connections clients on the same PostgreSQL: ${pgbench_tps:-not measured} tps."
	echo
	for connections in $connection_counts; do
		echo "Server time per page and API call at $connections connections (http_server_requests; p50 / p99 ms; requests):"
		echo
		echo "| method and uri | county | city | province |"
		echo "|---|---:|---:|---:|"
		cat "$work"/server-{county,city,province}-"$connections".txt | awk '{ print $1 " " $2 }' | sort -u | while read -r method uri; do
			line="| $method $uri"
			for name in county city province; do
				cell=$(awk -v m="$method" -v u="$uri" '$1 == m && $2 == u { printf "%s / %s (%d)", $4, $5, $3 }' "$work/server-$name-$connections.txt")
				line="$line | ${cell:--}"
			done
			echo "$line |"
		done
		echo
	done
	echo "Server time of the write mix (p50 / p99 ms; requests):"
	echo
	awk '{ printf "- %s %s: %s / %s (%d)\n", $1, $2, $4, $5, $3 }' "$work/server-writes-$write_connections.txt"
	echo
	echo "Audit chain before: $before_chain; after: $after_chain. Server ERROR lines: $server_errors."
} >"$report"
cat "$report"

status=0
[ "$total_errors" -eq 0 ] || { echo "load: FAILED: $total_errors requests failed" >&2; status=1; }
if [ "$server_errors" -ne 0 ]; then
	echo "load: FAILED: the server logged $server_errors ERROR lines, the first:" >&2
	grep -m 3 -A 8 ' ERROR ' "$work/app.log" >&2
	status=1
fi
grep -q '"valid":true' <<<"$after_chain" || { echo "load: FAILED: the audit chain does not verify" >&2; status=1; }
if [ -n "${LOAD_KEEP:-}" ] && [ -n "$pg_started" ]; then
	say "PostgreSQL left running: psql -h $work/pg-socket -p $db_port -U postgres zeren; stop: runuser -u postgres -- $pgbin/pg_ctl -D $work/pg stop"
fi
[ "$status" -eq 0 ] && say "passed"
exit "$status"
