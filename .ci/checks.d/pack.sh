#!/usr/bin/env bash
# Packs every project under src/ and checks what a NuGet user gets: one lib folder per target framework with the
# assembly and its XML docs, its own README, release notes pointing to CHANGELOG.md, the licence expression and
# repository, a symbols package; then builds
# consumers from a local feed: a netstandard2.0 library (compiled against the netstandard2.0 build) and a net10.0
# program that runs the paging helper against a canned response.
set -euo pipefail
cd "$(dirname "$0")/../.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
feed="$work/feed"
# A version no earlier run has used, so the global package cache cannot hand the consumers a stale copy.
suffix="ci$(date +%s)"
version="1.0.0-$suffix"
fail() { echo "pack check: $*" >&2; exit 1; }

# Every project under src/ that MSBuild considers packable; its package id, assembly and frameworks as MSBuild sees them.
property() { python3 -c 'import json,sys; print(json.load(sys.stdin)["Properties"][sys.argv[1]])' "$2" <<<"$1"; }
declare -A ids assemblies frameworks tools
projects=()
for project in src/*/*.csproj; do
  props=$(dotnet msbuild "$project" -nologo -getProperty:IsPackable -getProperty:PackageId -getProperty:AssemblyName \
    -getProperty:TargetFrameworks -getProperty:TargetFramework -getProperty:PackAsTool) || fail "cannot evaluate $project"
  [ "$(property "$props" IsPackable)" = "true" ] || { echo "skip $project (not packable)"; continue; }
  projects+=("$project")
  ids[$project]=$(property "$props" PackageId)
  assemblies[$project]=$(property "$props" AssemblyName)
  tfms=$(property "$props" TargetFrameworks)
  frameworks[$project]=${tfms:-$(property "$props" TargetFramework)}
  tools[$project]=$(property "$props" PackAsTool)
done

for project in "${projects[@]}"; do
  dotnet pack "$project" -c Release -o "$feed" --version-suffix "$suffix" -nologo -v:quiet -p:CI=true \
    || fail "dotnet pack $project failed"
done

for project in "${projects[@]}"; do
  id=${ids[$project]} assembly=${assemblies[$project]} tfms=${frameworks[$project]//;/ }
  nupkg="$feed/$id.$version.nupkg"
  [ -f "$nupkg" ] || fail "missing $nupkg"
  [ -f "$feed/$id.$version.snupkg" ] || fail "missing symbols package for $id"
  contents=$(unzip -Z1 "$nupkg")
  expect() { grep -qx "$1" <<<"$contents" || fail "$id: the package lacks $1"; }
  expect README.md
  # A library package carries its own short README (absolute links, no repository commands), not the repository's.
  own_readme="$(dirname "$project")/README.md"
  [ "${tools[$project]}" = "true" ] || [ -f "$own_readme" ] || fail "$id: $own_readme is missing (a package gets a README of its own)"
  if [ -f "$own_readme" ]; then unzip -p "$nupkg" README.md | cmp -s - "$own_readme" || fail "$id: the packed README is not $own_readme"; fi
  # A .NET tool carries its program under tools/, a library its assembly and docs under lib/.
  if [ "${tools[$project]}" = "true" ]; then
    grep -q "^tools/.*/$assembly.dll$" <<<"$contents" || fail "$id: the tool package lacks $assembly.dll"
  else
    for tfm in $tfms; do
      expect "lib/$tfm/$assembly.dll"
      expect "lib/$tfm/$assembly.xml"
    done
  fi
  nuspec=$(unzip -p "$nupkg" "$id.nuspec")
  grep -q '<license type="expression">MIT</license>' <<<"$nuspec" || fail "$id: no MIT licence expression"
  grep -q '<readme>README.md</readme>' <<<"$nuspec" || fail "$id: README not declared"
  grep -q '<releaseNotes>.*/CHANGELOG.md</releaseNotes>' <<<"$nuspec" || fail "$id: the release notes do not point to CHANGELOG.md"
  grep -q '<repository type="git" url="https://github.com/[^"]*"[^>]* commit="[0-9a-f]\{40\}"' <<<"$nuspec" || fail "$id: no repository URL with the source commit"
  if [ "${tools[$project]}" = "true" ]; then summary="tool (voucherify-sandbox)"; else summary="lib/{${tfms// /,}}, XML docs"; fi
  echo "ok $id $version: $summary, README, symbols"
done

# Consumers below $work pick this file up on top of the machine's own sources (local feed for our packages).
cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources><add key="local" value="$feed" /></packageSources>
</configuration>
XML

mkdir -p "$work/netstandard" "$work/app"
cat > "$work/netstandard/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>netstandard2.0</TargetFramework><LangVersion>latest</LangVersion><Nullable>enable</Nullable><TreatWarningsAsErrors>true</TreatWarningsAsErrors></PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Voucherify.NET" Version="$version" />
    <PackageReference Include="Voucherify.Extensions.DependencyInjection" Version="$version" />
    <PackageReference Include="Voucherify.Csv" Version="$version" />
  </ItemGroup>
</Project>
XML
cat > "$work/netstandard/Usage.cs" <<'CS'
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Voucherify;
using Voucherify.Csv;
using Voucherify.Extensions.DependencyInjection;

public static class Usage
{
    public static void Register(IServiceCollection services) =>
        services.AddVoucherify(options => { options.ApplicationId = "id"; options.SecretKey = "key"; });

    public static async Task<int> CountAsync(ICustomersClient customers)
    {
        var count = 0;
        await foreach (var customer in customers.ListAllCustomersAsync()) count++;
        var summary = await customers.UpdateCustomersInBatchesAsync(new[] { new CustomerBulkUpdateItem { SourceId = "a" } });
        var import = await customers.ImportCustomersAsync(new List<CustomerCreateOptions>());
        return count + summary.DoneCount + (import.IsFinished ? 1 : 0);
    }
}
CS
dotnet build "$work/netstandard/Consumer.csproj" -nologo -v:quiet || fail "the netstandard2.0 consumer does not build"
grep -q "lib/netstandard2.0/Voucherify.dll" "$work/netstandard/obj/project.assets.json" || fail "the netstandard2.0 consumer did not compile against lib/netstandard2.0"
echo "ok netstandard2.0 consumer builds against lib/netstandard2.0"

cat > "$work/app/App.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
  <ItemGroup><PackageReference Include="Voucherify.NET" Version="$version" /></ItemGroup>
</Project>
XML
cat > "$work/app/Program.cs" <<'CS'
using System.Net;
using System.Text;
using Voucherify;

using var client = new VoucherifyClient(new VoucherifyClientOptions { ApplicationId = "id", SecretKey = "key" }, new Canned());
var ids = new List<string>();
await foreach (var customer in client.Customers.ListAllCustomersAsync()) ids.Add(customer.Id!);
Console.WriteLine(string.Join(",", ids));

sealed class Canned : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("""{"object":"list","customers":[{"id":"cust_1"},{"id":"cust_2"}],"total":2}""", Encoding.UTF8, "application/json"),
        });
}
CS
output=$(dotnet run --project "$work/app/App.csproj" -nologo -v:quiet) || fail "the net10.0 consumer failed"
[ "$output" = "cust_1,cust_2" ] || fail "the net10.0 consumer printed '$output', expected cust_1,cust_2"
echo "ok net10.0 consumer runs the packaged client"
