#!/usr/bin/env bash
# Makes the ahead-of-time cache that `simcast mcp` starts from (JDK 25, JEP 483/514: the classes its start loads and
# links, already parsed): runs `simcast mcp` through one short MCP session (initialize, tools/list, host_info,
# get_state, a small picture) with -XX:AOTCacheOutput, ends it by closing its input as clients do, and moves the cache
# into place once the JVM wrote it on the way out. The launcher runs it in the background on the first `simcast mcp`
# after a build; `simcast bench mcp` runs it to time starts with and without the cache.
#   scripts/mcp-aot.sh CACHE_FILE JAVA CLASSPATH [JVM_FLAG...]
set -euo pipefail
out="$1" java="$2" classpath="$3"
shift 3
mkdir -p "$(dirname "$out")"
lock="$out.lock"
find "$(dirname "$out")" -maxdepth 1 -name "$(basename "$lock")" -mmin +10 -exec rmdir {} + 2>/dev/null || true
mkdir "$lock" 2>/dev/null || exit 0   # another training of the same cache is under way
tmp="$out.$$.tmp"
trap 'rm -f "$tmp"; rmdir "$lock"' EXIT
coproc MCP { exec "$java" "$@" -XX:AOTCacheOutput="$tmp" -cp "$classpath" io.simcast.app.cli.SimcastCommand mcp; }
printf '%s\n' \
  '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"simcast-aot-training","version":"1"}}}' \
  '{"jsonrpc":"2.0","method":"notifications/initialized"}' \
  '{"jsonrpc":"2.0","id":2,"method":"tools/list"}' \
  '{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"host_info","arguments":{}}}' \
  '{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"get_state","arguments":{}}}' \
  '{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"render_picture","arguments":{"width":64,"height":48}}}' \
  >&"${MCP[1]}"
# The last answer (or two minutes) before the session ends: what a start loads is loaded by then.
while IFS= read -r -t 120 line <&"${MCP[0]}"; do
  case "$line" in *'"id":5'*) break ;; esac
done
exec {MCP[1]}>&-
wait "$MCP_PID" || true
[ -s "$tmp" ] && mv "$tmp" "$out"
find "$(dirname "$out")" -maxdepth 1 -name 'mcp-*.aot' ! -name "$(basename "$out")" -delete
