#!/usr/bin/env bash
# Contract checks (docs/contract-tests.md). The contract tests skip where the vendor's description or Prism is
# missing; in CI both must be present, so their absence fails here instead of passing as skips. Then the spec
# drift report runs on its own so its table lands in the CI log (and in artifacts/spec-drift.md) for reviewers.
# The Prism request/response tests themselves run with the rest in `dotnet test Voucherify.sln`.
set -euo pipefail
cd "$(dirname "$0")/../.."

reference=../shared/reference/voucherify-official-customers.json
prism=.ci/tools/node_modules/.bin/prism
[ -f "$reference" ] || { echo "contract: the vendor's description is missing at $reference" >&2; exit 1; }
[ -x "$prism" ] || { echo "contract: Prism is not installed at $prism (npm ci in .ci/tools)" >&2; exit 1; }
echo "contract: Prism $("$prism" --version) will serve $reference"

mkdir -p artifacts
rm -f artifacts/spec-drift.md
status=0
VOUCHERIFY_DRIFT_REPORT="$PWD/artifacts/spec-drift.md" \
  dotnet test tests/Voucherify.ContractTests/Voucherify.ContractTests.csproj --nologo -v q \
  --filter "FullyQualifiedName~Voucherify.ContractTests.Drift.SpecDriftTests" || status=$?
[ -s artifacts/spec-drift.md ] || { echo "contract: the drift test wrote no report (skipped?)" >&2; exit 1; }
cat artifacts/spec-drift.md
exit "$status"
