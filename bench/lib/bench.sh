# Shared by bench/throughput, bench/memory and bench/soak (sourced, not run): builds what is missing, starts
# the stub and WireMock standalone on free ports of 127.0.0.1, drives them with wrk, and stops every process
# it started, by PID, when the calling script exits.
#
# Environment: BENCH_JVM_FLAGS (default -Xmx512m), given to both servers alike;
#              BENCH_MAVEN_FLAGS (e.g. -o) for the build and the WireMock download;
#              BENCH_CONNECTIONS (default 16); BENCH_THREADS, wrk's threads (default 1);
#              BENCH_STUB_JAR: another runnable stub jar to measure (then nothing is built).

BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BENCH_LIB="$BENCH_ROOT/bench/lib"
WIREMOCK_VERSION=3.13.2
WIREMOCK_JAR="$BENCH_ROOT/target/bench/wiremock-standalone-$WIREMOCK_VERSION.jar"
STUB_JAR=${BENCH_STUB_JAR:-$BENCH_ROOT/impl/target/stub-server.jar}
VAYU_PATH=/vayu/customers/5f1d7c2b9a3e4b5c6d7e8f90
read -r -a JVM_FLAGS <<<"${BENCH_JVM_FLAGS:--Xmx512m}"
export BENCH_BODY="$BENCH_LIB/vayu-update.json"

BENCH_PIDS=()
BENCH_RUN=$(mktemp -d -t ck-bench.XXXXXX)

# Stops what this script started, newest first: TERM, then KILL after 10 s.
bench_stop() {
    local pid=$1
    [[ -n $pid ]] || return 0
    kill -TERM "$pid" 2>/dev/null || return 0
    for _ in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    return 0
}

bench_cleanup() {
    local i
    for (( i = ${#BENCH_PIDS[@]} - 1; i >= 0; i-- )); do
        bench_stop "${BENCH_PIDS[i]}"
    done
    BENCH_PIDS=()
    rm -rf "$BENCH_RUN"
}
trap 'bench_cleanup' EXIT
trap 'echo "bench: interrupted" >&2; exit 130' INT TERM

bench_die() {
    echo "bench: $*" >&2
    exit 1
}

# Builds the runnable jar when it is missing or older than the sources and specs it is made from.
bench_build() {
    cd "$BENCH_ROOT" || exit 1
    [[ -n ${BENCH_STUB_JAR:-} ]] && return
    if [[ ! -f "$STUB_JAR" ]] || [[ -n "$(find impl/src/main specs pom.xml impl/pom.xml -newer "$STUB_JAR" -type f -print -quit)" ]]; then
        echo "bench: building the stub (./mvnw -q -B package -DskipTests)"
        # shellcheck disable=SC2086
        ./mvnw -q -B ${BENCH_MAVEN_FLAGS:-} package -DskipTests || bench_die "build failed"
    fi
}

bench_get_wiremock() {
    cd "$BENCH_ROOT" || exit 1
    if [[ ! -f "$WIREMOCK_JAR" ]]; then
        echo "bench: getting WireMock standalone $WIREMOCK_VERSION into target/bench"
        # shellcheck disable=SC2086
        ./mvnw -q -B ${BENCH_MAVEN_FLAGS:-} dependency:copy \
            -Dartifact=org.wiremock:wiremock-standalone:$WIREMOCK_VERSION -DoutputDirectory=target/bench \
            || bench_die "could not get WireMock standalone $WIREMOCK_VERSION"
    fi
}

bench_get_wrk() {
    command -v wrk >/dev/null && return
    echo "bench: installing wrk (Debian package)"
    local sudo=()
    [[ $(id -u) == 0 ]] || sudo=(sudo)
    "${sudo[@]}" apt-get install -y -q wrk >/dev/null 2>&1 \
        || { "${sudo[@]}" apt-get update -q >/dev/null && "${sudo[@]}" apt-get install -y -q wrk >/dev/null; } \
        || bench_die "could not install wrk"
}

bench_prepare() {
    command -v java >/dev/null || bench_die "java not found"
    bench_build
    bench_get_wiremock
    bench_get_wrk
}

# Waits until LOG has a line matching REGEX (the port in its first group), for process PID; prints the port.
bench_wait_port() {
    local pid=$1 log=$2 regex=$3 name=$4 found
    for _ in $(seq 1 600); do
        kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; bench_die "$name exited while starting"; }
        found=$(grep -a -m1 -E "$regex" "$log" 2>/dev/null) && [[ $found =~ $regex ]] && {
            echo "${BASH_REMATCH[1]}"
            return
        }
        sleep 0.1
    done
    bench_die "$name did not start within 60 s (log: $log)"
}

# bench_start_stub [stub options...]: sets STUB_PID and STUB_PORT. STUB_JVM_FLAGS adds flags for the stub only.
bench_start_stub() {
    local log="$BENCH_RUN/stub.log"
    # shellcheck disable=SC2086
    java "${JVM_FLAGS[@]}" ${STUB_JVM_FLAGS:-} -jar "$STUB_JAR" --port 0 "$@" >"$log" 2>&1 &
    STUB_PID=$!
    BENCH_PIDS+=("$STUB_PID")
    STUB_PORT=$(bench_wait_port "$STUB_PID" "$log" 'listening on http://127\.0\.0\.1:([0-9]+)' stub) || exit 1
    bench_check "$STUB_PORT" stub
}

# bench_wiremock_root off|default [inline|file]: WireMock's root dir with one mapping (PUT of the Vayu customer
# answers a fixed 717-byte JSON body) in WM_ROOT, and in WM_FLAGS --no-request-journal (off) or nothing (its
# default, unbounded). inline (the default) puts the answer in the mapping ("body"), the first way WireMock's
# docs write a fixed answer and its fastest; file names a file under __files ("bodyFileName"), which WireMock
# reads on every request.
bench_wiremock_root() {
    local body=${2:-inline} answer
    WM_ROOT="$BENCH_RUN/wiremock-$body"
    mkdir -p "$WM_ROOT/mappings" "$WM_ROOT/__files"
    if [[ $body == file ]]; then
        cp "$BENCH_LIB/vayu-update-response.json" "$WM_ROOT/__files/vayu-update-response.json"
        answer='"bodyFileName": "vayu-update-response.json"'
    else
        # The same bytes as one JSON string: backslashes and quotes escaped, lines joined with \n.
        answer="\"body\": \"$(awk 'NR > 1 { printf "\\n" } { gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); printf "%s", $0 }' \
            "$BENCH_LIB/vayu-update-response.json")\""
    fi
    cat >"$WM_ROOT/mappings/vayu-update.json" <<EOF
{
  "request": { "method": "PUT", "url": "$VAYU_PATH" },
  "response": {
    "status": 200,
    "headers": { "Content-Type": "application/json" },
    $answer
  }
}
EOF
    WM_FLAGS=""
    [[ ${1:-off} == off ]] && WM_FLAGS=--no-request-journal
}

# bench_start_wiremock off|default [inline|file]: WireMock without a request journal, or with its default
# (unbounded) one, with the mapping of bench_wiremock_root (answer inline by default). Sets WM_PID and WM_PORT.
bench_start_wiremock() {
    local log="$BENCH_RUN/wiremock-${2:-inline}.log"
    bench_wiremock_root "${1:-off}" "${2:-inline}"
    # shellcheck disable=SC2086
    java "${JVM_FLAGS[@]}" -jar "$WIREMOCK_JAR" --port 0 --bind-address 127.0.0.1 --root-dir "$WM_ROOT" \
        $WM_FLAGS >"$log" 2>&1 &
    WM_PID=$!
    BENCH_PIDS+=("$WM_PID")
    WM_PORT=$(bench_wait_port "$WM_PID" "$log" '^port: +([0-9]+)' WireMock) || exit 1
    bench_check "$WM_PORT" WireMock
}

# One request with curl, when it is there: the server must answer the bench's PUT with a 2xx.
bench_check() {
    local port=$1 name=$2 status
    command -v curl >/dev/null || return 0
    status=$(curl -s -o /dev/null -w '%{http_code}' -X PUT -H 'Authorization: Bearer bench-token' \
        -H 'Content-Type: application/json' --data-binary "@$BENCH_BODY" "http://127.0.0.1:$port$VAYU_PATH")
    [[ $status == 2* ]] || bench_die "$name answered the bench's PUT with $status, not 2xx"
}

# bench_wrk PORT SECONDS [REQUESTS [SERVER_PID]]: BENCH_THREADS wrk threads (default 1: on 2 CPUs a second
# one competes with the server), BENCH_CONNECTIONS connections, for SECONDS; with REQUESTS > 0, each thread stops
# after its share of them (SECONDS is then a time limit). Sets R_REQUESTS, R_RPS, R_P50 and R_P99 (ms), R_MAX (ms),
# R_NON2XX, R_SOCKET (connect, read, write errors and timeouts), R_ERRORS (both), and from /proc: R_GEN_CPU, wrk's
# own CPU in % of one CPU over the run (near 100 means the generator, not the server, was the limit); with
# SERVER_PID, R_SERVER_CPU (% of one CPU) and R_CPU_US (the server's CPU time per answered request, in µs);
# without REQUESTS, R_OTHER_CPU: the % of the machine's CPU that processes not started here used meanwhile.
bench_wrk() {
    local port=$1 seconds=$2 budget=${3:-0} server=${4:-} t0 server_before gen_ticks=0 now ticks
    local before='' after='' mid_at=0
    server_before=$(bench_ticks "$server")
    t0=$EPOCHREALTIME
    bench_wrk_start "$port" "$seconds" "$budget"
    R_OTHER_CPU=?
    (( budget == 0 && seconds >= 3 )) && mid_at=1
    # Polls wrk's CPU (its /proc entry goes when it exits) with builtins only, so the polling costs ~nothing.
    while kill -0 "$WRK_PID" 2>/dev/null; do
        ticks=$(bench_ticks "$WRK_PID") && [[ -n $ticks ]] && gen_ticks=$ticks
        now=$(( ${EPOCHREALTIME/./} - ${t0/./} ))
        if (( mid_at )); then
            # What the rest of the machine used meanwhile (from 0.5 s to 1.5 s before the end): other work skews it.
            [[ -z $before ]] && (( now >= 500000 )) && before=$(bench_cpu)
            [[ -z $after ]] && (( now >= (seconds * 1000000 - 1500000) )) && after=$(bench_cpu)
        fi
        if (( budget > 0 )); then
            # wrk's main thread sleeps for all of -d even when its threads have stopped: interrupted, it reports.
            local done_files=("$BENCH_RUN"/wrk.done/thread-*)
            [[ -e ${done_files[0]} ]] && (( ${#done_files[@]} >= ${BENCH_THREADS:-1} )) && kill -INT "$WRK_PID"
        fi
        sleep 0.1
    done
    local wall_us=$(( ${EPOCHREALTIME/./} - ${t0/./} )) server_after
    server_after=$(bench_ticks "$server")
    if [[ -n $before && -n $after ]]; then
        R_OTHER_CPU=$(awk -v a="$before" -v b="$after" 'BEGIN { split(a, x, " "); split(b, y, " ")
            other = 100 * ((y[1] - x[1]) - (y[3] - x[3])) / (y[2] - x[2]); printf "%.0f", other < 0 ? 0 : other }')
    fi
    bench_wrk_finish
    R_GEN_CPU=$(awk -v t="$gen_ticks" -v hz="$BENCH_HZ" -v us="$wall_us" 'BEGIN { printf "%.0f", 100 * t / hz / (us / 1e6) }')
    R_SERVER_CPU=? R_CPU_US=?
    if [[ -n $server && -n $server_before && -n $server_after ]]; then
        R_SERVER_CPU=$(awk -v t=$(( server_after - server_before )) -v hz="$BENCH_HZ" -v us="$wall_us" \
            'BEGIN { printf "%.0f", 100 * t / hz / (us / 1e6) }')
        R_CPU_US=$(awk -v t=$(( server_after - server_before )) -v hz="$BENCH_HZ" -v n="$R_REQUESTS" \
            'BEGIN { printf "%.1f", (n > 0 ? t / hz * 1e6 / n : 0) }')
    fi
}

# bench_ticks PID: utime + stime of PID (fields 14 and 15 of /proc/PID/stat), in clock ticks; empty when gone.
bench_ticks() {
    local stat fields
    [[ -n $1 ]] || return 0
    read -r stat 2>/dev/null <"/proc/$1/stat" || return 0
    read -r -a fields <<<"${stat##*) }"
    echo $(( fields[11] + fields[12] ))
}
BENCH_HZ=$(getconf CLK_TCK)

# bench_wrk_start PORT SECONDS [REQUESTS]: wrk in the background (WRK_PID); bench_wrk_finish waits for it.
bench_wrk_start() {
    local port=$1 seconds=$2 budget=${3:-0} threads=${BENCH_THREADS:-1}
    rm -rf "$BENCH_RUN/wrk.done" && mkdir -p "$BENCH_RUN/wrk.done"
    BENCH_REQUESTS_PER_THREAD=$(( budget > 0 ? (budget + threads - 1) / threads : 0 )) \
        BENCH_DONE_DIR="$BENCH_RUN/wrk.done" \
        wrk -t"$threads" -c"${BENCH_CONNECTIONS:-16}" -d"${seconds}s" --timeout 5s -s "$BENCH_LIB/put.lua" \
        "http://127.0.0.1:$port$VAYU_PATH" >"$BENCH_RUN/wrk.out" 2>&1 &
    WRK_PID=$!
    BENCH_PIDS+=("$WRK_PID")
}

bench_wrk_finish() {
    local result
    wait "$WRK_PID" || { cat "$BENCH_RUN/wrk.out" >&2; bench_die "wrk failed"; }
    unset 'BENCH_PIDS[${#BENCH_PIDS[@]}-1]'
    result=$(grep -m1 '^RESULT ' "$BENCH_RUN/wrk.out") || { cat "$BENCH_RUN/wrk.out" >&2; bench_die "wrk printed no RESULT line"; }
    local requests duration_us p50_us p99_us max_us connect read write status timeout kv
    for kv in ${result#RESULT }; do
        declare "${kv%%=*}=${kv#*=}" # a local of this function
    done
    R_REQUESTS=$requests
    R_SECONDS=$(awk -v us="$duration_us" 'BEGIN { printf "%.1f", us / 1e6 }')
    R_RPS=$(awk -v n="$requests" -v us="$duration_us" 'BEGIN { printf "%.1f", n / (us / 1e6) }')
    R_P50=$(awk -v us="$p50_us" 'BEGIN { printf "%.2f", us / 1000 }')
    R_P99=$(awk -v us="$p99_us" 'BEGIN { printf "%.2f", us / 1000 }')
    R_MAX=$(awk -v us="$max_us" 'BEGIN { printf "%.1f", us / 1000 }')
    R_NON2XX=$status
    R_SOCKET=$(( connect + read + write + timeout ))
    R_ERRORS=$(( R_NON2XX + R_SOCKET ))
}

# "busy total ours": CPU ticks of the machine, busy and in all, and those of the processes started here.
bench_cpu() {
    local pid ours=0 fields
    for pid in "${BENCH_PIDS[@]}"; do
        fields=$(cut -d')' -f2 "/proc/$pid/stat" 2>/dev/null) || continue
        read -r -a fields <<<"$fields"
        ours=$(( ours + fields[11] + fields[12] )) # utime and stime, fields 14 and 15 of stat
    done
    awk -v ours="$ours" '/^cpu / { busy = $2 + $3 + $4 + $7 + $8 + $9; print busy, busy + $5 + $6, ours; exit }' /proc/stat
}

# bench_mark: notes the machine's CPU ticks (busy, all) and those of this shell's reaped children (from `times`,
# which must run in this shell, not in a $(...) subshell); bench_others_since then sets R_OTHERS to the % of the
# machine's CPU that processes not started here took since the mark (call it in this shell, too). For runs whose processes end before they are measured.
bench_mark() {
    times >"$BENCH_RUN/times"
    read -r BM_BUSY BM_ALL < <(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9; exit }' /proc/stat)
    BM_OURS=$(awk -v hz="$BENCH_HZ" 'NR == 2 { t = 0; for (i = 1; i <= 2; i++) { split($i, a, "m"); sub("s", "", a[2])
        t += a[1] * 60 + a[2] } printf "%.0f", t * hz }' "$BENCH_RUN/times")
}

bench_others_since() {
    local busy=$BM_BUSY all=$BM_ALL ours=$BM_OURS
    bench_mark
    awk -v b=$(( BM_BUSY - busy )) -v a=$(( BM_ALL - all )) -v o=$(( BM_OURS - ours )) \
        'BEGIN { x = a > 0 ? 100 * (b - o) / a : 0; printf "%.0f", x < 0 ? 0 : x }' >"$BENCH_RUN/others"
    read -r R_OTHERS <"$BENCH_RUN/others"
}

# Resident set size of a process, in MB (VmRSS of /proc/PID/status).
bench_rss_mb() {
    awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"
}

# Live heap after a full GC, in MB (jcmd's class histogram forces one); "?" without jcmd.
bench_live_heap_mb() {
    command -v jcmd >/dev/null || { echo "?"; return; }
    jcmd "$1" GC.class_histogram 2>/dev/null | awk '/^Total/ { printf "%.1f", $3 / 1048576 }'
}

bench_median() {
    printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 }
        END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
