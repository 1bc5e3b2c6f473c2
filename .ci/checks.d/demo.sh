#!/usr/bin/env bash
# The README's first command must work on a fresh clone with no credentials and no network: it starts the sandbox
# in-process and walks the whole API. Credentials are removed so that CI secrets can never point it at a real project.
set -euo pipefail
cd "$(dirname "$0")/../.."
log=$(mktemp)
env -u VOUCHERIFY_APP_ID -u VOUCHERIFY_APP_TOKEN -u VOUCHERIFY_API_URL \
  dotnet run --project samples/Voucherify.Demo 2>&1 | tee "$log"
# Exit status alone could hide a walk that skipped steps; the closing line is printed only after every step ran.
grep -q '^Done: every call above went through Voucherify.NET.$' "$log" || { echo "demo did not finish its walk" >&2; exit 1; }
grep -q 'CUSTOMERS.IMPORT_CSV .*DONE' "$log" || { echo "demo import never reached DONE" >&2; exit 1; }
