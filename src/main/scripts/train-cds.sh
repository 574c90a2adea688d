#!/bin/sh
# Trains the class-data archive for the jar just built (README, docs/operations.md "Faster start"). `./mvnw package`
# runs it after building the jar (skip with -Dcds.skip); by hand, from the project directory:
#
#   sh src/main/scripts/train-cds.sh
#
# It starts the service once, on a throw-away data directory and the default H2 database, exactly as the README
# starts it (from the project directory, -jar target/quarkus-app/quarkus-run.jar, the same `java` and flags),
# listening on loopback only; waits for its first ready answer, opens the login page and stops it. The JVM writes
# the archive of every class that start loaded (≈ 13,000 of ≈ 17,700) as it exits: target/quarkus-app/chainreport.jsa,
# which the README's command names with -XX:SharedArchiveFile.
#
# The archive records the class path as given and each jar's size and time, so it serves only this build, started
# the same way by the same JDK. When the file is missing the JVM starts without it and says nothing; an archive of
# another build is refused with one warning line ("The top archive failed to load"), and the start goes on
# without it. `./mvnw clean` removes it with target/.
#
# Exit status: 0 with the archive written; 1 when it could not be made (no jar, the service did not become ready
# within 120 s, port taken): the build goes on, the service just starts without an archive.
set -eu
JAR=target/quarkus-app/quarkus-run.jar
ARCHIVE=target/quarkus-app/chainreport.jsa
PORT=${CDS_TRAIN_PORT:-18089}
[ -f "$JAR" ] || { echo "train-cds: no $JAR: run ./mvnw package first, from the project directory" >&2; exit 1; }
rm -f "$ARCHIVE"
if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/" 2>/dev/null)" != 000 ]; then
    echo "train-cds: port $PORT is taken (set CDS_TRAIN_PORT); no class-data archive: the service starts without one" >&2
    exit 1
fi
DATA=$(mktemp -d)
PID=
cleanup() {
    if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; fi
    rm -rf "$DATA"
}
trap cleanup EXIT
# The training start never touches a configured database: the variables a deployment or .ci/with-postgres sets
# are dropped, and the throw-away directory holds the H2 file.
env -u QUARKUS_DATASOURCE_JDBC_URL -u QUARKUS_DATASOURCE_USERNAME -u QUARKUS_DATASOURCE_PASSWORD \
    -u CHAINREPORT_DATA_DIR -u QUARKUS_PROFILE \
    java -XX:ArchiveClassesAtExit="$ARCHIVE" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx512m \
    -Dquarkus.profile=demo -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$PORT" -Dchainreport.data-dir="$DATA" \
    -jar "$JAR" > "$DATA/train.log" 2>&1 &
PID=$!
i=0
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/q/health/ready")" = 200 ]; do
    i=$((i + 1))
    if [ "$i" -gt 1200 ] || ! kill -0 "$PID" 2>/dev/null; then
        echo "train-cds: the service did not become ready; no class-data archive (the service starts without one). Its log:" >&2
        tail -n 20 "$DATA/train.log" >&2
        rm -f "$ARCHIVE"
        exit 1
    fi
    sleep 0.1
done
# One page as a person opens it, so that its classes are in the archive too.
curl -s -o /dev/null "http://127.0.0.1:$PORT/login" || true
kill -TERM "$PID"
wait "$PID" || true
PID=
if [ ! -s "$ARCHIVE" ]; then
    echo "train-cds: the JVM wrote no archive; the service starts without one. Its log:" >&2
    tail -n 20 "$DATA/train.log" >&2
    exit 1
fi
echo "train-cds: $ARCHIVE ($(( $(wc -c < "$ARCHIVE") / 1048576 )) MB)"
