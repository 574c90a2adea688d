#!/bin/sh
# Trains the class-data archive for the jar just built (README, docs/operations.md "Faster start"). `./mvnw package`
# runs it after building the jar; by hand, from the project directory:
#
#   sh src/main/scripts/train-cds.sh            # train
#   sh src/main/scripts/train-cds.sh true       # what -Dcds.skip runs: only the JDK's own classes (1–2 s)
#
# Training starts the service once, on a throw-away data directory and H2 database, as the README starts it (from the
# project directory, -jar target/quarkus-app/quarkus-run.jar, the same `java` and flags, and two more for the class
# log below), listening on a free loopback port; waits until it says it is listening, asks it for its readiness and
# the login page (when curl is there), and stops it. The JVM writes the archive of every class that start loaded as
# it exits: target/quarkus-app/chainreport.jsa, which the README's command names with -XX:SharedArchiveFile. JDK 17
# archives only classes that were linked; the training start logs the classes it loads (-Xlog:class+load) and names
# the log in -Dtrain-cds.class-log, and the service (operations.ArchiveTraining) links them at exit, so that a restart
# takes ≈ 15,400 classes from the archive instead of ≈ 12,400 and parses none from the jars.
#
# Whenever that cannot be done (skipped; the service did not start within 180 s, stopped on its own, or did not stop
# within 120 s when asked), the file is made all the same, from the JDK's own class list (`java -Xshare:dump`): a JVM
# told to use an archive that does not exist also leaves out the JDK's built-in one, and would start slower than with
# no flag at all.
#
# The archive records the class path as given and each jar's size and time, so it serves only this build, started
# the same way by the same JDK; an archive of another build is refused with one warning line ("The top archive
# failed to load") and the start goes on without it. `./mvnw clean` removes it with target/.
#
# Exit status: 0 with the trained archive written; 1 with only the JDK's classes in it (said why); 2 with no file.
set -eu
SKIP=${1:-false}
JAR=target/quarkus-app/quarkus-run.jar
ARCHIVE=target/quarkus-app/chainreport.jsa
[ -f "$JAR" ] || { echo "train-cds: no $JAR: run ./mvnw package first, from the project directory" >&2; exit 2; }
rm -f "$ARCHIVE"
KEEP=

base_only() {
    rm -f "$ARCHIVE"
    if java -Xshare:dump -XX:SharedArchiveFile="$ARCHIVE" > /dev/null 2>&1; then
        KEEP=yes
        echo "train-cds: $ARCHIVE holds only the JDK's own classes ($1)" >&2
        exit 1
    fi
    rm -f "$ARCHIVE"
    echo "train-cds: no class-data archive ($1; the JDK's own could not be written either): start without -XX:SharedArchiveFile" >&2
    exit 2
}
[ "$SKIP" != true ] || base_only "skipped with -Dcds.skip"

DATA=$(mktemp -d)
PID=
cleanup() {
    # A JVM stopped by a signal it handles would still write its archive after this script ends: kill it outright.
    if [ -n "$PID" ]; then
        kill -KILL "$PID" 2>/dev/null || true
        wait "$PID" 2>/dev/null || true
    fi
    [ -n "$KEEP" ] || rm -f "$ARCHIVE"
    rm -rf "$DATA"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
fail() {
    echo "train-cds: $1. The training start's log ends:" >&2
    tail -n 20 "$DATA/train.log" >&2 || true
    if [ -n "$PID" ]; then
        kill -KILL "$PID" 2>/dev/null || true
        wait "$PID" 2>/dev/null || true
        PID=
    fi
    base_only "$1"
}
# The training start never touches a configured database or data directory: system properties (which outrank the
# environment, .env and config/application.properties) name the throw-away H2 file, its account, the port and the
# log the script reads; the environment a deployment or .ci/with-postgres sets is dropped as well.
URL_H2="jdbc:h2:retry:file:$DATA/chainreport;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;QUERY_CACHE_SIZE=64;OPTIMIZE_REUSE_RESULTS=FALSE"
env -u QUARKUS_DATASOURCE_JDBC_URL -u QUARKUS_DATASOURCE_USERNAME -u QUARKUS_DATASOURCE_PASSWORD \
    -u CHAINREPORT_DATA_DIR -u QUARKUS_PROFILE -u QUARKUS_HTTP_PORT -u QUARKUS_HTTP_HOST -u JAVA_TOOL_OPTIONS \
    java -XX:ArchiveClassesAtExit="$ARCHIVE" -Xlog:class+load=info:file="$DATA/classes.log":none:filecount=0 \
    -Dtrain-cds.class-log="$DATA/classes.log" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx512m \
    -Dquarkus.profile=demo -Dchainreport.data-dir="$DATA" -Dquarkus.datasource.jdbc.url="$URL_H2" \
    -Dquarkus.datasource.username=sa -Dquarkus.datasource.password= \
    -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port=0 \
    -Dquarkus.log.level=INFO -Dquarkus.log.category.io.quarkus.level=INFO -Dquarkus.log.console.json=false \
    -jar "$JAR" > "$DATA/train.log" 2>&1 &
PID=$!
i=0
until grep -q "Listening on: http" "$DATA/train.log" 2>/dev/null; do
    i=$((i + 1))
    [ "$i" -le 1800 ] || fail "the training start was not listening within 180 s"
    kill -0 "$PID" 2>/dev/null || { wait "$PID" 2>/dev/null || true; PID=; fail "the training start stopped before it was listening"; }
    sleep 0.1
done
URL=$(grep -o "Listening on: http://[0-9.:]*" "$DATA/train.log" | head -n 1 | sed 's/Listening on: //')
# What a first visitor asks for, so that those classes are in the archive too (skipped without curl).
if command -v curl > /dev/null 2>&1; then
    curl -s -o /dev/null "$URL/q/health/ready" || true
    curl -s -o /dev/null "$URL/login" || true
fi
kill -TERM "$PID"
# The JVM stops, links the logged classes and writes the archive (a few seconds); a stop that hangs fails the training.
i=0
while kill -0 "$PID" 2>/dev/null; do
    i=$((i + 1))
    [ "$i" -le 1200 ] || fail "the training start did not stop within 120 s"
    sleep 0.1
done
wait "$PID" || true
PID=
[ -s "$ARCHIVE" ] || fail "the JVM wrote no archive"
KEEP=yes
echo "train-cds: $ARCHIVE ($(( $(wc -c < "$ARCHIVE") / 1048576 )) MB)"
