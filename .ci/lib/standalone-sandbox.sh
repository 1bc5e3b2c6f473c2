# Sourced by checks that drive the standalone sandbox. They set `pids=()` and a trap that kills "${pids[@]}" first.
# Runs the built DLL directly (not `dotnet run`), so the PID a check stops is the server itself.

# sandbox_build DIR: builds the standalone sandbox (net10.0) into DIR.
sandbox_build() {
  dotnet build src/Voucherify.Sandbox/Voucherify.Sandbox.csproj -f net10.0 -nologo -v:quiet -o "$1" >/dev/null
}

# sandbox_start DIR LOG ARGS...: starts the sandbox built into DIR on a free port, adds its PID to pids, waits until
# it listens and sets sandbox_url; prints the log and fails if it does not start.
sandbox_start() {
  local dir=$1 log=$2; shift 2
  dotnet "$dir/Voucherify.Sandbox.dll" --port 0 "$@" >"$log" 2>&1 &
  pids+=($!)
  for _ in $(seq 60); do grep -q 'listening on' "$log" && break; sleep 0.5; done
  sandbox_url=$(grep -o 'http://127.0.0.1:[0-9]*' "$log" | head -1)
  [ -n "$sandbox_url" ] || { cat "$log"; echo "the sandbox did not start" >&2; return 1; }
}
