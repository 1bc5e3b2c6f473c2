#!/usr/bin/env bash
# A user's clone has no ../shared beside it. Run the README's test command in exactly that situation: a clone of
# this commit in a fresh folder, the vendor's description unreachable. Everything must pass, and the contract tests
# (the only ones that read ../shared) must skip rather than fail. A green CI once hid a red README command.
set -euo pipefail
cd "$(dirname "$0")/../.."

command=$(sed -n '/^## The two commands/,/^## /p' README.md | grep -m1 -oE '^dotnet test [^#]*' | sed 's/[[:space:]]*$//')
[ -n "$command" ] || { echo "clean-clone: no 'dotnet test' command under '## The two commands' in README.md" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone -q --no-hardlinks . "$work/clone"
git -C "$work/clone" checkout -q --detach "$(git rev-parse HEAD)"
[ ! -e "$work/shared" ] || { echo "clean-clone: $work/shared exists" >&2; exit 1; }

echo "clean-clone: running '$command' in $work/clone (no ../shared, no VOUCHERIFY_OFFICIAL_DESCRIPTION)"
log="$work/test.log"
status=0
(cd "$work/clone" && env -u VOUCHERIFY_OFFICIAL_DESCRIPTION bash -c "$command") >"$log" 2>&1 || status=$?
grep -E '^(Passed|Failed)!  - ' "$log" || true
if [ "$status" -ne 0 ]; then
  grep -E '^\s+Failed |\[FAIL\]|error ' "$log" | head -40 >&2 || true
  echo "clean-clone: '$command' exited $status in a clone without ../shared" >&2
  exit 1
fi
# The contract tests must have run and skipped (not silently vanished, not passed against something else).
contract=$(grep -E '^Passed!  - .*Voucherify\.ContractTests\.dll' "$log" || true)
[ -n "$contract" ] || { echo "clean-clone: no passing Voucherify.ContractTests summary line" >&2; exit 1; }
skipped=$(echo "$contract" | sed -E 's/.*Skipped: *([0-9]+).*/\1/')
[ "$skipped" -gt 0 ] || { echo "clean-clone: the contract tests skipped nothing without ../shared" >&2; exit 1; }
echo "clean-clone: all green; contract tests skipped $skipped without ../shared"
