#!/usr/bin/env bash
# Issue 17's throughput benchmark: bare Camunda baseline, sweep, 10,000-line statement, "My department" filter,
# rows/WAL per case, start-up, memory — all in one run on a PostgreSQL database of its own (created on the
# server of ARCOLLECT_TEST_PG_URL, default jdbc:postgresql://127.0.0.1:5432/, user postgres; dropped afterwards).
# Usage: scripts/benchmark-throughput.sh [accounts, default 10000]   (MVN=... to use another Maven wrapper)
# It prints the figures (and the README table) and fails only on errors, never on time.
set -euo pipefail
cd "$(dirname "$0")/.."
accounts="${1:-10000}"
${MVN:-./mvnw} -o test -Dtest=ThroughputBenchmark -Darcollect.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false \
  -Darcollect.test.postgres.required=true -Darcollect.benchmark.accounts="$accounts" >target/benchmark-throughput.log 2>&1 \
  || { tail -60 target/benchmark-throughput.log; exit 1; }
grep -h '\[throughput\]' target/surefire-reports-postgres/*ThroughputBenchmark-output.txt | sed 's/^\[throughput\] //'
