#!/bin/sh
# Trains the class-data archive for the jar just built (README, docs/operations.md "Faster start"): starts the
# service once, on a throw-away data directory, exactly as the README starts it (from the project directory,
# -jar target/quarkus-app/quarkus-run.jar), waits for its first ready answer and one page, and stops it; the JVM
# writes the archive of every class that start loaded (≈ 13,000 of ≈ 17,700) as it exits:
#
#   ./mvnw -q package -DskipTests && sh src/main/scripts/train-cds.sh
#   java -XX:SharedArchiveFile=target/quarkus-app/chainreport.jsa -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx512m \
#       -XX:+ExitOnOutOfMemoryError -Dquarkus.profile=demo -jar target/quarkus-app/quarkus-run.jar
#
# The archive records the class path as given and each jar's size and time, so it serves only this build, started
# the same way by the same JDK; otherwise (or when the file is missing) the JVM starts without it, as before.
# `./mvnw clean` removes it with target/. Not part of the build: `./mvnw verify` does not run it.
set -eu
JAR=target/quarkus-app/quarkus-run.jar
ARCHIVE=target/quarkus-app/chainreport.jsa
PORT=${CDS_TRAIN_PORT:-18089}
[ -f "$JAR" ] || { echo "no $JAR: run ./mvnw package first, from the project directory" >&2; exit 1; }
DATA=$(mktemp -d)
rm -f "$ARCHIVE"
java -XX:ArchiveClassesAtExit="$ARCHIVE" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx512m \
    -Dquarkus.profile=demo -Dquarkus.http.port="$PORT" -Dchainreport.data-dir="$DATA" \
    -jar "$JAR" > "$DATA/train.log" 2>&1 &
PID=$!
i=0
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/q/health/ready")" = 200 ]; do
    i=$((i + 1))
    if [ "$i" -gt 1200 ] || ! kill -0 "$PID" 2>/dev/null; then
        echo "the service did not become ready; its log: $DATA/train.log" >&2
        kill "$PID" 2>/dev/null || true
        exit 1
    fi
    sleep 0.1
done
# One page as a person opens it, so that its classes are in the archive too.
curl -s -o /dev/null "http://localhost:$PORT/login" || true
kill -TERM "$PID"
wait "$PID" || true
rm -rf "$DATA"
ls -l "$ARCHIVE"
