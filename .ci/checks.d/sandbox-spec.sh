#!/usr/bin/env bash
# The sandbox must answer exactly as openapi/voucherify-customers.yaml says. Runs the standalone sandbox behind Prism
# in proxy mode (which validates every request and response against the spec) and drives the demo's full write walk
# through it; any violation Prism reports, of any severity, fails the check. (The integration tests additionally
# validate every response they receive, in-process.)
set -euo pipefail
cd "$(dirname "$0")/../.."
prism=.ci/tools/node_modules/.bin/prism
[ -x "$prism" ] || { echo "Prism is not installed; run .ci/run (npm ci in .ci/tools) first" >&2; exit 1; }
. .ci/lib/standalone-sandbox.sh

work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

sandbox_build "$work/sandbox"
seed=src/Voucherify.Sandbox/Seeds/example-seed.json
echo '{"customers":[{"source_id":"a"},{"source_id":"b","created_at":"yesterday"}]}' >"$work/bad-seed.json"
rc=0; dotnet "$work/sandbox/Voucherify.Sandbox.Tool.dll" --port 0 --seed "$work/bad-seed.json" >"$work/bad.log" 2>&1 || rc=$?
[ "$rc" = 3 ] && grep -q "bad-seed.json: \$.customers\[1\].created_at: " "$work/bad.log" \
  || { cat "$work/bad.log"; echo "a malformed seed did not stop the sandbox with its path (exit $rc)" >&2; exit 1; }
# --fault and the journal's admin endpoint, on a server of their own (an injected 503 is no spec violation to hunt).
sandbox_start "$work/sandbox" "$work/faults.log" --rate-limit 1000/60 --fault '{"operation_id":"list-customers","status_code":503,"times":1}'
faults_url=$sandbox_url
auth=(-H 'X-App-Id: sandbox-app-id' -H 'X-App-Token: sandbox-secret-key')
codes="$(curl -s -o /dev/null -w '%{http_code}' "${auth[@]}" "$faults_url/v1/customers") $(curl -s -o /dev/null -w '%{http_code}' "${auth[@]}" "$faults_url/v1/customers")"
[ "$codes" = "503 200" ] || { echo "--fault: expected 503 then 200, got $codes" >&2; exit 1; }
curl -s -D - -o /dev/null "${auth[@]}" "$faults_url/v1/customers" | grep -qi '^X-Rate-Limit-Limit: 1000' \
  || { echo "--rate-limit 1000/60 is not in X-Rate-Limit-Limit" >&2; exit 1; }
curl -sf "${auth[@]}" "$faults_url/_sandbox/requests" | grep -q '"operation_id":"list-customers","headers":{[^}]*"X-App-Token":"\*\*\*"' \
  || { echo "the journal does not show the requests with the secret masked" >&2; exit 1; }

sandbox_start "$work/sandbox" "$work/sandbox.log" --job-duration-ms 300 --seed "$seed"

prism_port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
"$prism" proxy -h 127.0.0.1 -p "$prism_port" --errors openapi/voucherify-customers.yaml "$sandbox_url" >"$work/prism.log" 2>&1 &
pids+=($!)
for _ in $(seq 120); do grep -q 'Prism is listening' "$work/prism.log" && break; sleep 0.5; done
grep -q 'Prism is listening' "$work/prism.log" || { cat "$work/prism.log"; echo "Prism did not start" >&2; exit 1; }

echo "sandbox $sandbox_url behind Prism on port $prism_port"
VOUCHERIFY_APP_ID=sandbox-app-id VOUCHERIFY_APP_TOKEN=sandbox-secret-key VOUCHERIFY_API_URL="http://127.0.0.1:$prism_port" \
  dotnet run --project samples/Voucherify.Demo -- --allow-writes >"$work/demo.log" 2>&1 \
  || { cat "$work/demo.log"; echo "the demo failed behind Prism" >&2; exit 1; }
grep -q '^Done: every call above went through Voucherify.NET.$' "$work/demo.log" || { cat "$work/demo.log"; exit 1; }

# The seeded data, read through Prism; each answer must also carry what the seed put there.
get() { curl -sf -g -H 'X-App-Id: sandbox-app-id' -H 'X-App-Token: sandbox-secret-key' "http://127.0.0.1:$prism_port$1"; }
expect() { local body; body=$(get "$1") || { echo "GET $1 failed" >&2; exit 1; }
  grep -q -- "$2" <<<"$body" || { echo "GET $1: no $2 in $body" >&2; exit 1; }; }
expect '/v1/customers/crm-alice' '"email":"alice@example.com"'
expect '/v1/customers?segment_id=seg_vip&order=source_id' '"total":2'
expect '/v1/customers/crm-bob/segments' '"name":"Berlin"'
expect '/v1/customers/crm-alice/redeemables?limit=2&order=id' '"more_starting_after":"rh_alice_loyalty"'
expect '/v1/customers/crm-alice/redeemables?filters[voucher_type][conditions][$in][0]=GIFT_VOUCHER' '"total":1'
expect '/v1/customers/crm-alice/activity?category=EFFECT' '"type":"customer.rewarded.loyalty_points"'
expect '/v1/customers/crm-alice/activity?campaign_id=camp_gifts' '"type":"customer.voucher.redeemed"'

requests=$(grep -c 'Request received' "$work/prism.log" || true)
if grep -q 'Violation' "$work/prism.log"; then
  grep -B4 'Violation' "$work/prism.log" >&2
  echo "Prism found spec violations in the sandbox's answers (or the client's requests)" >&2
  exit 1
fi
echo "Prism checked $requests requests and responses: no violations"
