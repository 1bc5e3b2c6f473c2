#!/usr/bin/env bash
# The vendor's official JS SDK (@voucherify/sdk, pinned in .ci/tools/package.json) runs its whole customer lifecycle
# against the standalone sandbox: once on an empty sandbox, then on one started with the example seed, where it first
# reads the seeded customers, segments, redeemables and activity (asserting they match the seed file) and then runs
# the lifecycle again beside them. Any failed assertion or SDK error fails the check.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -d .ci/tools/node_modules/@voucherify/sdk ] || { echo "@voucherify/sdk is not installed; run .ci/run (npm ci in .ci/tools) first" >&2; exit 1; }
. .ci/lib/standalone-sandbox.sh

work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

script=.ci/peer-sdk/js-lifecycle.mjs
seed=src/Voucherify.Sandbox/Seeds/example-seed.json
sandbox_build "$work/sandbox"

echo "== the lifecycle on an empty sandbox"
sandbox_start "$work/sandbox" "$work/empty.log" --job-duration-ms 300
node "$script" lifecycle "$sandbox_url"

echo "== the seeded data, then the lifecycle beside it (--seed $seed)"
sandbox_start "$work/sandbox" "$work/seeded.log" --job-duration-ms 300 --seed "$seed"
node "$script" seeded "$sandbox_url" "$seed"
node "$script" lifecycle "$sandbox_url"
