# Shell functions shared by the scripts that run the built jar (src/test/load/soak.sh,
# src/test/cluster/cluster.sh). Source it; it defines functions only.
#
#   server_start LOG [ARGS...]    starts target/zeren.jar (or $JAR) in the background with the
#                                 caller's environment; sets SERVER_PID; ARGS go to Spring
#   server_wait PID LOG           waits for Tomcat's port and a healthy answer; sets SERVER_PORT
#   server_stop PID               stops it (TERM, then KILL after 60 s)
#   secret                        24 random hex digits
#   id_of, csrf_of                the "id" of a JSON answer; the first _csrf field of a page
#   sign_in BASE COOKIES USER PASSWORD    form login with CSRF; the session cookie lands in COOKIES

server_start() {
	local log=$1
	shift
	java ${JAVA_OPTS_SERVER:--Xmx768m} -jar "${JAR:-target/zeren.jar}" --server.address=127.0.0.1 --server.port=0 "$@" >"$log" 2>&1 &
	SERVER_PID=$!
}

server_wait() {
	local pid=$1 log=$2 port=
	for _ in $(seq "${SERVER_START_SECONDS:-240}"); do
		kill -0 "$pid" 2>/dev/null || { echo "the server $log did not start:" >&2; tail -40 "$log" >&2; return 1; }
		port=$(sed -n 's/.*Tomcat started on port \([0-9][0-9]*\).*/\1/p' "$log" | head -1)
		[ -n "$port" ] && break
		sleep 1
	done
	[ -n "$port" ] || { echo "no port in $log after ${SERVER_START_SECONDS:-240} s" >&2; return 1; }
	until curl -fsS "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do
		kill -0 "$pid" 2>/dev/null || { echo "the server $log stopped:" >&2; tail -40 "$log" >&2; return 1; }
		sleep 1
	done
	SERVER_PORT=$port
}

server_stop() {
	local pid=$1
	if kill -0 "$pid" 2>/dev/null; then
		kill "$pid"
		for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
		kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
	fi
	wait "$pid" 2>/dev/null || true
}

secret() { od -An -N12 -tx1 /dev/urandom | tr -d ' \n'; }
id_of() { sed -n 's/^{"id":\([0-9][0-9]*\).*/\1/p'; }
csrf_of() { sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -1; }

sign_in() {
	local base=$1 cookies=$2 user=$3 password=$4 login_csrf
	login_csrf=$(curl -fsS -c "$cookies" -b "$cookies" "$base/login" | csrf_of)
	curl -fsS -o /dev/null -c "$cookies" -b "$cookies" --data-urlencode "username=$user" \
		--data-urlencode "password=$password" --data-urlencode "_csrf=$login_csrf" "$base/login"
}
