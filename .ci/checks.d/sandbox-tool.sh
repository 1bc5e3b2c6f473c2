#!/usr/bin/env bash
# The voucherify-sandbox tool as a team without .NET code meets it: packed into a local feed, installed from it with
# `dotnet tool install`, started on a free port (--port 0; the URL read from its "Now listening on:" line), waited
# for through its unauthenticated health endpoint, and driven by the Node test suite the sandbox README shows (global
# fetch and node:test, no packages): create, get, list and delete a customer. Then a bad command line and a port in
# use through the installed command (exit 2, one line), and SIGTERM (exit 0).
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "sandbox-tool check: $*" >&2; exit 1; }

# A version no earlier run has used, so the global package cache cannot hand the installer a stale copy.
suffix="tool$(date +%s)"
dotnet pack src/Voucherify.Sandbox.Tool/Voucherify.Sandbox.Tool.csproj -c Release -o "$work/feed" --version-suffix "$suffix" \
  -nologo -v:quiet >/dev/null || fail "dotnet pack failed"
dotnet tool install Voucherify.NET.Sandbox.Tool --version "1.0.0-$suffix" --add-source "$work/feed" --tool-path "$work/tools" \
  >/dev/null || fail "dotnet tool install from the packed feed failed"
tool="$work/tools/voucherify-sandbox"
[ -x "$tool" ] || fail "the install made no voucherify-sandbox command"
echo "ok installed voucherify-sandbox 1.0.0-$suffix from the packed feed"

"$tool" --port 0 >"$work/tool.log" 2>"$work/tool.err" &
pid=$!
for _ in $(seq 120); do grep -q '^Now listening on: ' "$work/tool.log" && break; sleep 0.5; done
url=$(sed -n '1s/^Now listening on: \(http:\/\/127\.0\.0\.1:[0-9]*\)$/\1/p' "$work/tool.log")
[ -n "$url" ] || { cat "$work/tool.log" "$work/tool.err"; fail "the first line is not 'Now listening on: http://127.0.0.1:PORT'"; }
health=$(curl -s -w ' %{http_code}' "$url/_sandbox/health")
[ "$health" = '{"status":"ok"} 200' ] || fail "GET /_sandbox/health answered '$health'"
echo "ok listening on $url, healthy"

# The README's Node suite, exactly as it is shown there.
awk '/<!-- node-example/ { marked = 1; next } marked && /^```js/ { inside = 1; next } inside && /^```/ { exit } inside { print }' \
  src/Voucherify.Sandbox/README.md >"$work/customers.test.mjs"
grep -q "node:test" "$work/customers.test.mjs" || fail "no Node example after <!-- node-example --> in src/Voucherify.Sandbox/README.md"
VOUCHERIFY_SANDBOX_URL="$url" node --test "$work/customers.test.mjs" || fail "the README's Node suite failed against the tool"

expect_refusal() { # EXPECTED-TEXT ARGS...: the installed command exits 2 with one line on stderr containing the text.
  local expected=$1 rc=0; shift
  "$tool" "$@" >"$work/bad.out" 2>"$work/bad.err" || rc=$?
  [ "$rc" = 2 ] && [ "$(wc -l <"$work/bad.err")" = 1 ] && grep -q -- "$expected" "$work/bad.err" && [ ! -s "$work/bad.out" ] \
    || { cat "$work/bad.out" "$work/bad.err"; fail "voucherify-sandbox $*: expected exit 2 and one line with '$expected', got $rc"; }
}
expect_refusal "--port: 'abc' is not a whole number" --port abc
expect_refusal "address already in use" --port "${url##*:}"
echo "ok a bad command line and a port in use: exit 2, one line"

kill -TERM "$pid"
rc=0; wait "$pid" || rc=$?
pid=
[ "$rc" = 0 ] || { cat "$work/tool.err"; fail "SIGTERM: exit $rc, expected 0"; }
echo "ok SIGTERM stops it with exit code 0"
