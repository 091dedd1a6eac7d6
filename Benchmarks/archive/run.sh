#!/bin/sh
# Builds IncidentLog's sources with -O beside main.swift, then measures SHA-256 against
# sha256sum and the cost of `verify` on a generated archive. Usage: Benchmarks/archive/run.sh [COUNT]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
work=${TMPDIR:-/tmp}/incidentlog-bench.$$
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
count=${1:-1000}

swiftc -O -package-name triage -module-name bench \
  $(find "$repo/Sources/IncidentLog" -name '*.swift') "$here/main.swift" -o "$work/bench"

head -c 100000000 /dev/urandom > "$work/100mb.bin"
echo "== SHA-256, 100 MB"
/usr/bin/time -f "bench: %es" "$work/bench" sha256 "$work/100mb.bin"
/usr/bin/time -f "sha256sum: %es" sha256sum "$work/100mb.bin"

echo "== archive of $count records"
"$work/bench" build "$work/archive" "$count"
du -sh "$work/archive/records" | sed 's/^/size: /'
"$work/bench" verify "$work/archive"
/usr/bin/time -f "sha256sum of every file: %es" sh -c \
  "find '$work/archive/records' -name '*.json' -print0 | xargs -0 sha256sum > /dev/null"
