#!/usr/bin/env bash
# The contract-change report (README, "Changing the spec") for the commits under test: against the merge base with
# origin/main when this is a branch ahead of it, else against the parent commit (CI runs on a clone of main, where
# HEAD~1 is the realistic base). The Markdown report goes into the log (and artifacts/spec-diff.md, .json); an
# unacknowledged breaking change (exit 1) fails CI, as does a run that could not compare (exit 2 or 3).
set -uo pipefail
cd "$(dirname "$0")/../.."

base=""
head=$(git rev-parse HEAD)
if merge_base=$(git merge-base HEAD origin/main 2>/dev/null) && [ "$merge_base" != "$head" ]; then
  base=$merge_base
elif git rev-parse --verify -q 'HEAD~1^{commit}' >/dev/null; then
  base=HEAD~1
else
  echo "spec-diff: HEAD is the repository's only commit; there is nothing to compare it with"
  exit 0
fi

mkdir -p artifacts
echo "spec-diff: comparing the working tree with $base ($(git rev-parse --short "$base"))"
tools/spec-diff --base "$base" --json artifacts/spec-diff.json > artifacts/spec-diff.md
status=$?
cat artifacts/spec-diff.md
case $status in
  0) ;;
  1) echo "spec-diff: a breaking change is not acknowledged: name its location under '## [Unreleased]' in CHANGELOG.md (README, \"Changing the spec\")" >&2 ;;
  *) echo "spec-diff: the comparison could not run (exit $status)" >&2 ;;
esac
exit "$status"
