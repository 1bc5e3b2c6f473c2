#!/usr/bin/env bash
# Keeps the benchmarks and the budget harnesses compiling and running; the numbers of this run mean nothing
# (dry job, tiny sizes, a shared CI machine). Full measurements are manual: see docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/../.."

project=tests/Voucherify.Benchmarks
artifacts=$(mktemp -d)
trap 'rm -rf "$artifacts"' EXIT

dotnet build "$project" -c Release -nologo -v:q
run() { dotnet run -c Release --no-build --project "$project" -- "$@"; }

echo "== every benchmark once (BenchmarkDotNet dry job, in-process)"
run --filter '*' --job dry --inProcess --artifacts "$artifacts"

echo "== budgets, small sizes"
# Time ratios on a shared CI machine are noise: run, report, don't judge.
run budgets overhead --rounds 5 --warmup-seconds 1 --report-only
run budgets csv-memory --size-mb 64
# One size: the peak comparison needs walks long enough for the GC to settle (see docs/performance.md);
# the heap-kept-after-the-walk check still applies.
run budgets paging-memory --sizes 2000
run budgets polling --durations 1,2
# Throughput on a busy 2-core CI machine is noise: run it, report it, don't judge it.
run budgets concurrency --seconds 1 --rounds 1 --warmup-seconds 1 --report-only
run budgets build --in-place true
# Issue 18: the sandbox under hostile loads (tiny sizes) and against WireMock.Net (short rounds): report, don't judge.
run budgets sandbox-memory --scale 0.02 --settle-seconds 1 --report-only
run budgets sandbox-speed --seconds 0.3 --rounds 1 --warmup-seconds 0.3 --starts 3 --cold-starts 1 --report-only
