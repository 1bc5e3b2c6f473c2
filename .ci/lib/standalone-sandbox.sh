# Sourced by checks that drive the standalone sandbox. They set `pids=()` and a trap that kills "${pids[@]}" first.
# Runs the built voucherify-sandbox tool's DLL directly (not `dotnet run`), so the PID a check stops is the server itself.

# sandbox_build DIR: builds the voucherify-sandbox tool (src/Voucherify.Sandbox.Tool) into DIR.
sandbox_build() {
  dotnet build src/Voucherify.Sandbox.Tool/Voucherify.Sandbox.Tool.csproj -nologo -v:quiet -o "$1" >/dev/null
}

# sandbox_wait LOG: waits until the tool's "Now listening on: URL" line is in LOG and sets sandbox_url from it; prints
# the log and fails if it does not come.
sandbox_wait() {
  local log=$1
  for _ in $(seq 120); do grep -q '^Now listening on: ' "$log" && break; sleep 0.5; done
  sandbox_url=$(sed -n 's/^Now listening on: //p' "$log" | head -1)
  [ -n "$sandbox_url" ] || { cat "$log"; echo "the sandbox did not start" >&2; return 1; }
}

# sandbox_start DIR LOG ARGS...: starts the tool built into DIR on a free port, adds its PID to pids, waits until it
# listens and sets sandbox_url.
sandbox_start() {
  local dir=$1 log=$2; shift 2
  dotnet "$dir/Voucherify.Sandbox.Tool.dll" --port 0 "$@" >"$log" 2>&1 &
  pids+=($!)
  sandbox_wait "$log"
}
