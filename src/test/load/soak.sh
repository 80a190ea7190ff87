#!/usr/bin/env bash
# Soak: the built jar under a mixed load of reads and writes, through an API token and through
# signed-in page sessions, for a while; then every answer must have been a success (no 4xx or
# 5xx, no socket error or timeout, no redirect to the login page), the server must have logged
# no ERROR, the database no exception, and the audit hash chain must verify.
#
#   ./mvnw -B package -DskipTests && src/test/load/soak.sh
#   SOAK_SECONDS=60 SOAK_CONNECTIONS=64 src/test/load/soak.sh       # what .ci/run does
#
# Settings (environment): SOAK_SECONDS (600), SOAK_CONNECTIONS (64), SOAK_THREADS (2, wrk's),
# SOAK_TIMEOUT (10s: a slower answer counts as an error), SOAK_JAR (target/zeren.jar),
# SOAK_JAVA_OPTS (-Xmx768m), SOAK_BASE and SOAK_ADMIN_PASSWORD (a running server on a fresh
# database to load instead of starting one; its logs are then not checked). The server listens
# on a free port of 127.0.0.1 only, on a fresh
# H2 file database under target/soak/, and is stopped at the end. Needs wrk and curl.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../../.."

seconds=${SOAK_SECONDS:-600}
connections=${SOAK_CONNECTIONS:-64}
threads=${SOAK_THREADS:-2}
timeout=${SOAK_TIMEOUT:-10s}
jar=${SOAK_JAR:-target/zeren.jar}
work="$PWD/target/soak"

for tool in wrk curl java; do
	command -v "$tool" >/dev/null || { echo "soak: $tool is missing (Debian: apt-get install -y wrk curl)" >&2; exit 2; }
done
[ -n "${SOAK_BASE:-}" ] || [ -f "$jar" ] || { echo "soak: $jar is missing; build it with ./mvnw -B package -DskipTests" >&2; exit 2; }

rm -rf "$work"
mkdir -p "$work"
. src/test/shell/zeren-server.sh
admin_password="Soak-admin-$(secret)"
user_password="Soak-user-$(secret)"

# ---- the server -----------------------------------------------------------------------------

if [ -n "${SOAK_BASE:-}" ]; then
	# a server someone else runs (src/test/cluster/cluster.sh: nginx before two nodes); its
	# logs are the caller's to check
	base=$SOAK_BASE
	admin_password=${SOAK_ADMIN_PASSWORD:?SOAK_ADMIN_PASSWORD is the admin password of $SOAK_BASE}
	: >"$work/app.log"
	echo "soak: the server at $base"
else
	ZEREN_DATA_DIR="$work/data" ZEREN_ADMIN_PASSWORD="$admin_password" JAR="$jar" JAVA_OPTS_SERVER="${SOAK_JAVA_OPTS:--Xmx768m}" \
		server_start "$work/app.log"
	pid=$SERVER_PID
	trap 'server_stop "$pid"' EXIT
	server_wait "$pid" "$work/app.log"
	base="http://127.0.0.1:$SERVER_PORT"
	echo "soak: server pid $pid on $base, database $work/data"
fi

# ---- the data: a city with eight units, a user who manages and supervises it, a token ---------

admin() { curl -fsS -u "admin:$admin_password" -H 'Content-Type: application/json' "$@"; }

root=$(admin -X POST "$base/api/v1/orgs" -d '{"code":"SOAK","name":"压测市委","type":"PARTY_COMMITTEE"}' | id_of)
units=
for i in 1 2 3 4 5 6 7 8; do
	unit=$(admin -X POST "$base/api/v1/orgs" \
		-d "{\"code\":\"SOAK-U$i\",\"name\":\"压测单位$i\",\"type\":\"PARTY_COMMITTEE\",\"parentId\":$root}" | id_of)
	units="$units${units:+,}$unit"
done
user=$(admin -X POST "$base/api/v1/users" -d "{\"username\":\"soak\",\"password\":\"$user_password\",\"enabled\":true}" | id_of)
for role in ORG_ADMIN DISCIPLINE; do
	admin -X POST "$base/api/v1/users/$user/grants" -d "{\"role\":\"$role\",\"orgId\":$root,\"includeDescendants\":true}" >/dev/null
done
token=$(admin -X POST "$base/api/v1/users/$user/tokens" -d '{"name":"soak","days":1}' | sed -n 's/.*"secret":"\([^"]*\)".*/\1/p')
[ -n "$root" ] && [ -n "$user" ] && [ -n "$token" ] || { echo "soak: setting up the data failed" >&2; exit 1; }

# one signed-in page session per wrk thread, each with the CSRF token its pages carry
: >"$work/sessions.txt"
for s in $(seq "$threads"); do
	jar_file="$work/cookies-$s.txt"
	sign_in "$base" "$jar_file" soak "$user_password"
	page_csrf=$(curl -fsS -c "$jar_file" -b "$jar_file" "$base/orgs/$root" | csrf_of)
	cookie=$(awk '$6 == "SESSION" { print $7 }' "$jar_file")
	[ -n "$cookie" ] && [ -n "$page_csrf" ] || { echo "soak: signing in failed" >&2; exit 1; }
	printf '%s\t%s\n' "$cookie" "$page_csrf" >>"$work/sessions.txt"
done

# ---- the load ---------------------------------------------------------------------------------

before=$(admin "$base/api/v1/audit/verify")
echo "soak: ${seconds}s at $connections connections ($threads wrk threads), chain before: $before"
SOAK_TOKEN="$token" SOAK_ROOT="$root" SOAK_UNITS="$units" SOAK_SESSIONS="$work/sessions.txt" \
	wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout "$timeout" --latency \
	-s src/test/load/mix.lua "$base" | tee "$work/wrk.txt"

# ---- the verdict ------------------------------------------------------------------------------

result=$(grep '^soak: requests=' "$work/wrk.txt" || true)
[ -n "$result" ] || { echo "soak: wrk gave no result" >&2; exit 1; }
value() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<<"$result"; }
errors=$(($(value failures) + $(value socket_errors) + $(value status_errors) + $(value timeouts)))
server_errors=$(grep -c ' ERROR ' "$work/app.log" || true)
# H2 writes every exception it raises to its trace file, also those the application catches
# (a column looked up under another name): each one is a bug, and the trace write is synchronised
database_exceptions=$(cat "$work"/data/*.trace.db* 2>/dev/null | grep -c ': exception$' || true)
chain=$(admin "$base/api/v1/audit/verify")
health=$(curl -fsS "$base/actuator/health" || true)

echo "soak: $(value requests) requests, $(value rps)/s, p50 $(value p50_ms) ms, p99 $(value p99_ms) ms, max $(value max_ms) ms"
echo "soak: errors $errors (failed answers $(value failures), socket $(value socket_errors), timeouts $(value timeouts)), server ERROR lines $server_errors, database exceptions $database_exceptions"
echo "soak: chain after: $chain; health: $health"
status=0
if [ "$errors" -ne 0 ]; then echo "soak: FAILED: $errors requests failed" >&2; status=1; fi
if [ "$server_errors" -ne 0 ]; then
	echo "soak: FAILED: the server logged $server_errors ERROR lines, the first:" >&2
	grep -m 5 -A 5 ' ERROR ' "$work/app.log" >&2
	status=1
fi
if [ "$database_exceptions" -ne 0 ]; then
	echo "soak: FAILED: the database raised $database_exceptions exceptions, the first:" >&2
	cat "$work"/data/*.trace.db* | grep -m 3 -A 25 ': exception$' >&2
	status=1
fi
if ! grep -q '"valid":true' <<<"$chain"; then echo "soak: FAILED: the audit chain does not verify" >&2; status=1; fi
if ! grep -q '"UP"' <<<"$health"; then echo "soak: FAILED: the server is not healthy afterwards" >&2; status=1; fi
[ "$status" -eq 0 ] && echo "soak: passed"
exit "$status"
