#!/usr/bin/env bash
# Memory harness for the standalone sandbox (issue 12): builds it, starts it, imports a CSV of N plain customers
# (source_id, name, email, city) and reports the process's peak working set (VmHWM) before and after, and the growth
# per customer. Usage: tests/SandboxMemory/import-memory.sh [ROWS...]  (default: 50000 500000). Linux only (/proc).
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
dotnet build src/Voucherify.Sandbox.Tool/Voucherify.Sandbox.Tool.csproj -c Release -nologo -v:quiet -o "$work/sandbox" >/dev/null
auth=(-H 'X-App-Id: sandbox-app-id' -H 'X-App-Token: sandbox-secret-key')
kib() { awk -v k="$1" '$1==k":"{print $2}' "/proc/$pid/status"; }

for rows in "${@:-50000 500000}"; do
  python3 - "$rows" "$work/customers.csv" <<'PY'
import sys
n, path = int(sys.argv[1]), sys.argv[2]
with open(path, "w") as f:
    f.write("source_id,name,email,city\n")
    for i in range(n):
        f.write(f"crm-{i:07d},Customer {i},customer{i}@example.com,City {i % 500}\n")
PY
  dotnet "$work/sandbox/Voucherify.Sandbox.Tool.dll" --port 0 --job-duration-ms 0 >"$work/sandbox.log" 2>&1 &
  pid=$!
  for _ in $(seq 120); do grep -q 'listening on' "$work/sandbox.log" && break; sleep 0.5; done
  url=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/sandbox.log" | head -1)
  curl -sf "${auth[@]}" "$url/v1/customers?limit=1" >/dev/null   # warm: the first request's JIT is not the data's cost
  before=$(kib VmHWM)
  id=$(curl -sf "${auth[@]}" -F "file=@$work/customers.csv;type=text/csv" "$url/v1/customers/importCSV" | python3 -c 'import json,sys; print(json.load(sys.stdin)["async_action_id"])')
  until curl -sf "${auth[@]}" "$url/v1/async-actions/$id" | grep -q '"status":"DONE"'; do sleep 1; done
  total=$(curl -sf "${auth[@]}" "$url/v1/customers?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
  after=$(kib VmHWM)
  size=$(stat -c %s "$work/customers.csv")
  echo "rows=$rows csv_bytes=$size imported=$total peak_before_mb=$((before / 1024)) peak_after_mb=$((after / 1024)) bytes_per_customer=$(( (after - before) * 1024 / rows ))"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
done
