#!/usr/bin/env bash
# Cluster: two nodes of the built jar behind nginx on one PostgreSQL primary, with a streaming
# replica for read-only work, then a restore drill. Every check fails the script:
#
#   1. a session signed in (form login with CSRF) on node A is signed in on node B, and a
#      sign-out on B ends it on A (Spring Session JDBC);
#   2. evidence uploaded on node A downloads, byte for byte, from node B (stored in PostgreSQL);
#   3. the client address a node records (audit; the login throttle uses the same) is the one
#      nginx saw, and an X-Forwarded-For a client sends to a node directly is ignored;
#   4. reads of @ReadOnlyWork handlers (the audit viewer) come from the replica and writes go to
#      the primary: with the replica's replay paused, a write is visible through an ordinary read
#      and not through the audit viewer, until replay resumes;
#   5. every scheduled job ran once across both nodes (ShedLock): with every job due every two
#      seconds on both nodes, no two runs of a job (on either node) came closer than its lock's
#      period (5 min for the daily reminders, 1 min for the hourly cleanup, the retry period for
#      event retries), and the other node was refused the lock;
#   6. a short wrk run of the soak's mix through nginx (both nodes) has no error, no node logs an
#      ERROR, the audit chain verifies;
#   7. restore drill: pg_dump of the running primary, pg_restore into a new database, a node on
#      the restored copy: GET /api/v1/audit/verify is valid and walks every event, and a changed
#      event in the copy is found.
#
#   ./mvnw -B package -DskipTests && src/test/cluster/cluster.sh
#   CLUSTER_LOAD_SECONDS=10 src/test/cluster/cluster.sh        # what .ci/run does
#
# Needs nginx, wrk, curl and PostgreSQL's server programs (Debian: apt-get install -y nginx-light
# wrk curl postgresql). Run as root, PostgreSQL runs as the user postgres. Everything listens on
# 127.0.0.1 (nginx connects to the nodes from 127.0.0.2); logs end up under target/cluster/.
# Settings: CLUSTER_LOAD_SECONDS (10), CLUSTER_CONNECTIONS (16), CLUSTER_JAR (target/zeren.jar).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
. src/test/shell/zeren-server.sh

load_seconds=${CLUSTER_LOAD_SECONDS:-10}
connections=${CLUSTER_CONNECTIONS:-16}
export JAR=${CLUSTER_JAR:-target/zeren.jar}
export JAVA_OPTS_SERVER=${CLUSTER_JAVA_OPTS:--Xmx512m}
export SERVER_START_SECONDS=${SERVER_START_SECONDS:-600}
work="$PWD/target/cluster"

say() { echo "cluster: $*"; }
fail() { echo "cluster: FAILED: $*" >&2; exit 1; }

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$pgbin/initdb" ] || pgbin=$(dirname "$(command -v initdb || echo /none/initdb)")
for tool in nginx wrk curl java "$pgbin/initdb" "$pgbin/pg_basebackup" "$pgbin/pg_dump"; do
	command -v "$tool" >/dev/null || fail "$tool is missing (Debian: apt-get install -y nginx-light wrk curl postgresql)"
done
[ -f "$JAR" ] || fail "$JAR is missing; build it with ./mvnw -B package -DskipTests"

rm -rf "$work"
mkdir -p "$work"
# PostgreSQL's files and nginx's temporary files outside the checkout: their users (postgres,
# nginx's workers) need not be able to reach it
tmp=$(mktemp -d /tmp/zeren-cluster.XXXXXX)
chmod 755 "$tmp"
mkdir -p "$tmp/pg" "$tmp/nginx"
chmod 1777 "$tmp/nginx"
if [ "$(id -u)" -eq 0 ]; then
	chown postgres: "$tmp/pg"
	as_pg() { runuser -u postgres -- "$@"; }
else
	as_pg() { "$@"; }
fi

pids=()
nginx_pid=
cleanup() {
	local status=$?
	for pid in "${pids[@]}"; do server_stop "$pid"; done
	[ -n "$nginx_pid" ] && { kill "$nginx_pid" 2>/dev/null; wait "$nginx_pid" 2>/dev/null || true; }
	for db in primary replica; do
		[ -f "$tmp/pg/$db/postmaster.pid" ] && as_pg "$pgbin/pg_ctl" -D "$tmp/pg/$db" -m immediate stop >/dev/null 2>&1
		cp "$tmp/pg/$db.log" "$work/postgres-$db.log" 2>/dev/null || true
	done
	cp "$tmp/nginx/error.log" "$work/nginx-error.log" 2>/dev/null || true
	rm -rf "$tmp"
	exit "$status"
}
trap cleanup EXIT
trap "exit 143" INT TERM

free_port() {
	local port
	while :; do
		port=$((20000 + RANDOM % 30000))
		(exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
	done
}

# ---- PostgreSQL: a primary and a streaming replica of it --------------------------------------

primary_port=$(free_port)
replica_port=$(free_port)
db_password="Cluster-db-$(secret)"
admin_password="Cluster-admin-$(secret)"
superuser() { psql -X -q -v ON_ERROR_STOP=1 -h "$tmp/pg" -U postgres -At "$@"; }

as_pg "$pgbin/initdb" -D "$tmp/pg/primary" -U postgres -E UTF8 --no-locale --auth-local=trust >"$work/initdb.log" 2>&1 ||
	fail "initdb: $(cat "$work/initdb.log")"
cat >>"$tmp/pg/primary/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $primary_port
unix_socket_directories = '$tmp/pg'
wal_level = replica
max_wal_senders = 4
hot_standby = on
EOF
cat >"$tmp/pg/primary/pg_hba.conf" <<EOF
local all all trust
host replication postgres 127.0.0.1/32 trust
host all all 127.0.0.1/32 scram-sha-256
EOF
as_pg "$pgbin/pg_ctl" -D "$tmp/pg/primary" -l "$tmp/pg/primary.log" -w start >/dev/null
superuser -p "$primary_port" -c "CREATE ROLE zeren LOGIN PASSWORD '$db_password'" -c "CREATE DATABASE zeren OWNER zeren"

as_pg "$pgbin/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U postgres -D "$tmp/pg/replica" -R -X stream -c fast
echo "port = $replica_port" >>"$tmp/pg/replica/postgresql.conf"
as_pg "$pgbin/pg_ctl" -D "$tmp/pg/replica" -l "$tmp/pg/replica.log" -w start >/dev/null
[ "$(superuser -p "$replica_port" -c 'SELECT pg_is_in_recovery()')" = t ] || fail "the replica is not in recovery"
say "PostgreSQL primary on $primary_port, streaming replica on $replica_port"

# ---- two nodes, each with every job due every two seconds -------------------------------------

start_node() {
	local name=$1 db=$2
	shift 2
	ZEREN_DB_URL="jdbc:postgresql://127.0.0.1:$primary_port/$db" ZEREN_DB_USER=zeren ZEREN_DB_PASSWORD="$db_password" \
		ZEREN_DATA_DIR="$work/$name" ZEREN_ADMIN_PASSWORD="$admin_password" ZEREN_TRUSTED_PROXIES='127\.0\.0\.2' \
		server_start "$work/$name.log" --server.tomcat.accesslog.enabled=true \
		--server.tomcat.accesslog.directory="$work/$name-access" --server.tomcat.accesslog.buffered=false "$@"
	pids+=("$SERVER_PID")
}
jobs_every_two_seconds=(--zeren.notification.reminders.cron='*/2 * * * * *' --zeren.oversight.sweep.cron='*/2 * * * * *'
	--zeren.security.lockout.cleanup-cron='*/2 * * * * *' --zeren.events.retry-every=PT4S
	--logging.level.zeren.platform.SystemWork=debug --logging.level.net.javacrumbs.shedlock=debug)
# both at once on the empty database: Flyway and the first administrator must cope
for name in node-a node-b; do
	ZEREN_DB_READ_URL="jdbc:postgresql://127.0.0.1:$replica_port/zeren" start_node "$name" zeren "${jobs_every_two_seconds[@]}"
done
server_wait "${pids[0]}" "$work/node-a.log"
port_a=$SERVER_PORT
server_wait "${pids[1]}" "$work/node-b.log"
port_b=$SERVER_PORT
both_up=$(date +%s)
node_a="http://127.0.0.1:$port_a"
node_b="http://127.0.0.1:$port_b"

nginx_port=$(free_port)
sed -e "s|@RUN@|$tmp/nginx|g" -e "s|@NODE_A@|$port_a|" -e "s|@NODE_B@|$port_b|" -e "s|@PORT@|$nginx_port|" \
	src/test/cluster/nginx.conf >"$tmp/nginx/nginx.conf"
nginx -e "$tmp/nginx/error.log" -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
proxy="http://127.0.0.1:$nginx_port"
until curl -fsS "$proxy/actuator/health" 2>/dev/null | grep -q '"UP"'; do
	kill -0 "$nginx_pid" 2>/dev/null || fail "nginx did not start: $(cat "$tmp/nginx/error.log")"
	sleep 0.2
done
say "node A on $port_a, node B on $port_b, nginx on $nginx_port"

admin() { curl -fsS -u "admin:$admin_password" -H 'Content-Type: application/json' "$@"; }
status_of() { curl -sS -o /dev/null -w '%{http_code} %{redirect_url}' "$@"; }

# ---- 1. a session of node A continues on node B -------------------------------------------------

cookies="$work/cookies.txt"
sign_in "$node_a" "$cookies" admin "$admin_password"
grep -q 'SESSION' "$cookies" || fail "signing in on node A gave no session cookie"
[ "$(status_of "$node_b/orgs")" = "302 $node_b/login" ] || fail "node B does not send a visitor without a session to the login page"
[ "$(status_of -b "$cookies" "$node_b/orgs")" = "200 " ] || fail "the session signed in on node A is not signed in on node B"
csrf=$(curl -fsS -b "$cookies" "$node_a/orgs" | csrf_of)
[ "$(status_of -b "$cookies" --data-urlencode "_csrf=$csrf" "$node_b/logout")" = "302 $node_b/login?logout" ] ||
	fail "signing out on node B with the CSRF token of node A's page failed"
[ "$(status_of -b "$cookies" "$node_a/orgs")" = "302 $node_a/login" ] || fail "the session signed out on node B is still signed in on node A"
say "1. session: signed in on A, signed in on B, signed out on B, signed out on A"

# ---- 2. evidence uploaded on node A, downloaded from node B --------------------------------------

org=$(admin -X POST "$node_a/api/v1/orgs" -d '{"code":"CLUSTER","name":"集群测试委员会","type":"PARTY_COMMITTEE"}' | id_of)
[ -n "$org" ] || fail "creating an organisation on node A failed"
head -c 300000 /dev/urandom | od -An -tx1 | tr -d ' \n' | fold -w 100 >"$work/evidence.txt"
evidence=$(curl -fsS -u "admin:$admin_password" -F "orgId=$org" -F "file=@$work/evidence.txt;filename=证据.txt" \
	"$node_a/api/v1/evidence" | id_of)
[ -n "$evidence" ] || fail "uploading evidence on node A failed"
curl -fsS -u "admin:$admin_password" -o "$work/evidence-from-b.txt" "$node_b/api/v1/evidence/$evidence/content"
cmp -s "$work/evidence.txt" "$work/evidence-from-b.txt" || fail "the evidence downloaded from node B differs from the upload to node A"
say "2. evidence: $(wc -c <"$work/evidence.txt") bytes uploaded on A, the same bytes downloaded from B"

# ---- 3. the client's address: from nginx, never from a client's own header ------------------------

address_of_org() { # the client address of the audit event of organisation $1's creation
	admin "$node_a/api/v1/audit?limit=50" | grep -o "\"entityId\":\"$1\"[^}]*" | head -1 |
		sed -n 's/.*"clientAddress":"\([^"]*\)".*/\1/p'
}
via_proxy=$(curl -fsS --interface 127.0.0.3 -u "admin:$admin_password" -H 'Content-Type: application/json' \
	-H 'X-Forwarded-For: 203.0.113.9' -X POST "$proxy/api/v1/orgs" \
	-d "{\"code\":\"CLUSTER-P\",\"name\":\"经代理\",\"type\":\"PARTY_COMMITTEE\",\"parentId\":$org}" | id_of)
direct=$(curl -fsS --interface 127.0.0.3 -u "admin:$admin_password" -H 'Content-Type: application/json' \
	-H 'X-Forwarded-For: 203.0.113.9' -X POST "$node_b/api/v1/orgs" \
	-d "{\"code\":\"CLUSTER-D\",\"name\":\"直连\",\"type\":\"PARTY_COMMITTEE\",\"parentId\":$org}" | id_of)
sleep 1 # the audit viewer reads the replica
[ "$(address_of_org "$via_proxy")" = 127.0.0.3 ] || fail "through nginx the node recorded $(address_of_org "$via_proxy"), not the client's 127.0.0.3"
[ "$(address_of_org "$direct")" = 127.0.0.3 ] || fail "directly the node recorded $(address_of_org "$direct"), not the connection's 127.0.0.3"
say "3. addresses: the client's through nginx, a client's own X-Forwarded-For ignored"

# ---- 4. read-only work on the replica, writes on the primary ------------------------------------

primary_lsn=$(superuser -p "$primary_port" -c 'SELECT pg_current_wal_lsn()')
for _ in $(seq 100); do
	[ "$(superuser -p "$replica_port" -c "SELECT pg_last_wal_replay_lsn() >= '$primary_lsn'")" = t ] && break
	sleep 0.1
done
events() { admin "$node_b/api/v1/audit?limit=100000" | grep -o '"id":' | wc -l; }
before=$(events)
superuser -p "$replica_port" -c 'SELECT pg_wal_replay_pause()' >/dev/null
admin -X POST "$node_a/api/v1/orgs/$org/rename" -d '{"name":"集群测试委员会（改）"}' >/dev/null
admin "$node_b/api/v1/orgs/$org" | grep -q '集群测试委员会（改）' || fail "node B's ordinary read does not see the rename written on the primary"
paused=$(events)
superuser -p "$replica_port" -c 'SELECT pg_wal_replay_resume()' >/dev/null
after=$paused
for _ in $(seq 50); do
	after=$(events)
	[ "$after" -gt "$before" ] && break
	sleep 0.2
done
[ "$paused" -eq "$before" ] || fail "the audit viewer saw the new event while the replica's replay was paused: it reads the primary"
[ "$after" -eq $((before + 1)) ] || fail "the audit viewer has $after events after replay resumed, expected $((before + 1))"
say "4. replica: the audit viewer showed $before events while replay was paused, $after after; the write and ordinary reads on the primary"

# ---- 5. scheduled jobs once across both nodes ----------------------------------------------------

sleep $((both_up + 10 - $(date +%s) > 0 ? both_up + 10 - $(date +%s) : 0))
# Each job is due every two seconds (event retries: every four) on both nodes. Its lock is held
# for a period after each start (the daily reminders 5 min, login throttle cleanup 1 min,
# event retries one retry period), so across both nodes two runs are never closer than that;
# without the lock every node would run it at every tick.
once_per_period() {
	local job=$1 period=$2 starts runs refused closest
	starts=$(grep -h "system work $job started" "$work"/node-[ab].log | cut -c12-23 |
		awk -F: '{ print $1 * 3600 + $2 * 60 + $3 }' | sort -n)
	runs=$(grep -c . <<<"$starts" || true)
	refused=$(cat "$work"/node-[ab].log | grep -c "Not executing '$job'" || true)
	[ "$runs" -ge 1 ] || fail "$job never ran"
	[ "$refused" -ge 1 ] || fail "no node was refused the lock of $job: are both nodes scheduling it?"
	closest=$(awk 'NR > 1 { d = $1 - last; if (min == "" || d < min) min = d } { last = $1 } END { print (min == "" ? "-" : min) }' <<<"$starts")
	[ "$closest" = - ] || awk -v d="$closest" -v p="$period" 'BEGIN { exit !(d >= p - 0.5) }' ||
		fail "$job ran twice within ${closest}s on the two nodes (its period: ${period}s): $(grep -h "system work $job started" "$work"/node-[ab].log)"
	say "5. $job: $runs runs (node A $(grep -c "system work $job started" "$work/node-a.log"), node B $(grep -c "system work $job started" "$work/node-b.log")), closest ${closest}s apart (period ${period}s), the lock refused $refused times"
}
once_per_period reminders 300
once_per_period oversight-sweep 300
once_per_period login-throttle-cleanup 60
once_per_period event-retries 4
[ "$(cat "$work"/node-[ab].log | grep -c "system work event-retries started")" -ge 2 ] || fail "event-retries ran fewer than twice"
superuser -p "$primary_port" -d zeren -c 'SELECT name, locked_by FROM shedlock ORDER BY name' | sed 's/^/cluster:    shedlock: /'

# ---- 6. load through nginx -----------------------------------------------------------------------

say "6. wrk through nginx for ${load_seconds}s at $connections connections"
served() { cat "$work/$1-access"/*.log 2>/dev/null | wc -l; }
served_a=$(served node-a)
served_b=$(served node-b)
if ! SOAK_BASE="$proxy" SOAK_ADMIN_PASSWORD="$admin_password" SOAK_SECONDS="$load_seconds" SOAK_CONNECTIONS="$connections" \
	src/test/load/soak.sh >"$work/load.txt" 2>&1; then
	sed 's/^/cluster:    /' "$work/load.txt"
	fail "the load through nginx had errors"
fi
grep '^soak: ' "$work/load.txt" | sed 's/^/cluster:    /'
served_a=$(($(served node-a) - served_a))
served_b=$(($(served node-b) - served_b))
[ "$served_a" -ge 10 ] && [ "$served_b" -ge 10 ] || fail "nginx did not spread the load: node A served $served_a requests, node B $served_b"
for name in node-a node-b; do
	if grep -q ' ERROR ' "$work/$name.log"; then
		grep -m 3 -A 10 ' ERROR ' "$work/$name.log" >&2
		fail "$name logged an ERROR"
	fi
done
say "6. node A served $served_a requests of the load, node B $served_b, neither logged an ERROR"

# ---- 7. restore drill ----------------------------------------------------------------------------

export PGPASSWORD=$db_password
pg_dump -h 127.0.0.1 -p "$primary_port" -U zeren -Fc -f "$work/zeren.dump" zeren
unset PGPASSWORD
dumped=$(pg_restore -l "$work/zeren.dump" | grep -c 'TABLE DATA')
for pid in "${pids[@]}"; do server_stop "$pid"; done
pids=()
superuser -p "$primary_port" -c "CREATE DATABASE zeren_restored OWNER zeren"
PGPASSWORD=$db_password pg_restore -h 127.0.0.1 -p "$primary_port" -U zeren -d zeren_restored --no-owner --exit-on-error "$work/zeren.dump"
events_restored=$(superuser -p "$primary_port" -d zeren_restored -c 'SELECT count(*) FROM audit_event')
start_node node-restored zeren_restored
server_wait "${pids[0]}" "$work/node-restored.log"
restored="http://127.0.0.1:$SERVER_PORT"
verification=$(admin "$restored/api/v1/audit/verify")
grep -q '"valid":true' <<<"$verification" || fail "the restored copy's audit chain does not verify: $verification"
grep -q "\"checked\":$events_restored[,}]" <<<"$verification" || fail "verify walked other than the $events_restored events of the copy: $verification"
# the drill's check can fail: a changed event in the copy is found
superuser -p "$primary_port" -d zeren_restored -c "UPDATE audit_event SET summary = summary || '.' WHERE id = (SELECT max(id) FROM audit_event)"
tampered=$(admin "$restored/api/v1/audit/verify")
grep -q '"valid":false' <<<"$tampered" || fail "verify did not find the event changed in the restored copy: $tampered"
say "7. restore drill: a dump of $dumped tables of the running primary restored; verify on the copy: $verification; after changing an event: $tampered"

say "passed"
