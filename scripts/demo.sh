#!/usr/bin/env bash
# npm run demo — Runbook Lens in VS Code in the browser, in one command.
#
# On a fresh Debian machine it installs what is missing (Debian packages, npm packages,
# code-server), builds and packages the extension, installs the .vsix into a demo profile
# under .demo/, copies examples/ into .demo/workspace, starts the local demo cluster when
# the project has one, and serves VS Code at http://127.0.0.1:8080 until Ctrl-C.
#
# Environment: RUNBOOK_LENS_DEMO_PORT (default 8080).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PORT="${RUNBOOK_LENS_DEMO_PORT:-8080}"
DEMO="$ROOT/.demo"
ENTRY="$ROOT/.tools/code-server/node_modules/code-server/out/node/entry.js"
CS_PID=""
CLUSTER_PID=""

T0=$SECONDS
STEP_T=$SECONDS
# Each step prints what it does and, when the next one starts, how long it took.
step() {
  if [[ -n "${STEP_NAME:-}" ]]; then printf '    done in %d s\n' "$((SECONDS - STEP_T))"; fi
  STEP_NAME="$*" STEP_T=$SECONDS
  printf '\n\033[1m==> %s\033[0m\n' "$*"
}
die() { printf 'demo: %s\n' "$*" >&2; exit 1; }

cleanup() {
  trap - EXIT INT TERM
  if [[ -n "$CS_PID" ]]; then kill -TERM -- "-$CS_PID" 2>/dev/null || true; fi
  if [[ -n "$CLUSTER_PID" ]]; then kill -TERM "$CLUSTER_PID" 2>/dev/null || true; fi
  wait 2>/dev/null || true
  echo "Demo stopped."
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# 1-3. Debian packages, npm packages and code-server: the same set-up as npm test and CI.
bash scripts/setup.sh

# 4. The packaged extension, installed into the demo profile like any .vsix.
step "Building and packaging the extension"
mkdir -p "$DEMO/user-data/User" "$DEMO/extensions" "$DEMO/workspace"
npm run --silent package >"$DEMO/package.log" 2>&1 || { cat "$DEMO/package.log"; die "npm run package failed"; }
export XDG_DATA_HOME="$DEMO/xdg-data" XDG_CONFIG_HOME="$DEMO/xdg-config"
printf 'auth: none\ncert: false\n' >"$DEMO/config.yaml"
node "$ENTRY" --config "$DEMO/config.yaml" --user-data-dir "$DEMO/user-data" --extensions-dir "$DEMO/extensions" \
  --install-extension "$ROOT/runbook-lens.vsix" --force 2>&1 | grep -v -e '^\s*$' -e 'vsda' || true
if [[ ! -f "$DEMO/user-data/User/settings.json" ]]; then
  # The same quiet settings the tests use (no telemetry, welcome pages or update checks).
  node --import tsx -e "import('$ROOT/test/harness/codeServer.ts').then((m) => console.log(JSON.stringify(m.quietSettings ?? m.default.quietSettings, null, 2)))" \
    >"$DEMO/user-data/User/settings.json"
fi

# 5. The example runbooks (kept incidents/ from earlier demos stay).
step "Copying examples/ into .demo/workspace"
cp -r examples/. "$DEMO/workspace/"
ls "$DEMO/workspace"

# 6. The local demo cluster (a simulated Kubernetes API with contexts demo-staging and demo-prod).
#    Hook: any scripts/demo-cluster.* that accepts --kubeconfig-out and prints KUBECONFIG= when ready.
cluster_script="$(ls scripts/demo-cluster.* 2>/dev/null | head -1 || true)"
if [[ -n "$cluster_script" ]]; then
  step "Starting the local demo cluster ($cluster_script)"
  rm -f "$DEMO/kubeconfig"
  case "$cluster_script" in
    *.ts) runner=(node --import tsx) ;;
    *.mjs | *.js) runner=(node) ;;
    *) runner=(bash) ;;
  esac
  "${runner[@]}" "$cluster_script" --port 0 --kubeconfig-out "$DEMO/kubeconfig" >"$DEMO/demo-cluster.log" 2>&1 &
  CLUSTER_PID=$!
  for _ in $(seq 100); do
    grep -q '^KUBECONFIG=' "$DEMO/demo-cluster.log" 2>/dev/null && break
    kill -0 "$CLUSTER_PID" 2>/dev/null || { cat "$DEMO/demo-cluster.log"; die "the demo cluster did not start"; }
    sleep 0.2
  done
  [[ -f "$DEMO/kubeconfig" ]] || { cat "$DEMO/demo-cluster.log"; die "the demo cluster wrote no kubeconfig"; }
  cat "$DEMO/demo-cluster.log"
  export KUBECONFIG="$DEMO/kubeconfig"
else
  step "No local demo cluster in this checkout (scripts/demo-cluster.*): blocks run locally"
fi

# 7. VS Code in the browser, in its own process group so Ctrl-C stops all of it.
step "Starting VS Code in the browser"
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  die "port $PORT is in use (another demo?); set RUNBOOK_LENS_DEMO_PORT to use another port"
fi
setsid node "$ENTRY" --bind-addr "127.0.0.1:$PORT" --auth none --config "$DEMO/config.yaml" \
  --user-data-dir "$DEMO/user-data" --extensions-dir "$DEMO/extensions" \
  --disable-telemetry --disable-update-check --disable-getting-started-override \
  --ignore-last-opened "$DEMO/workspace" >"$DEMO/code-server.log" 2>&1 &
CS_PID=$!
for _ in $(seq 150); do
  curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  kill -0 "$CS_PID" 2>/dev/null || { tail -20 "$DEMO/code-server.log"; die "code-server exited"; }
  sleep 0.2
done
curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null || die "code-server did not answer on port $PORT"
printf '    done in %d s\n' "$((SECONDS - STEP_T))"

# A link that also opens the reference runbook (the page's payload accepts openFile).
runbook_link="$(node -e '
  const [port, ws] = process.argv.slice(1);
  const q = new URLSearchParams({ folder: ws, payload: JSON.stringify([["openFile", `vscode-remote://127.0.0.1:${port}${ws}/incident-response.md`]]) });
  console.log(`http://127.0.0.1:${port}/?${q}`);' "$PORT" "$DEMO/workspace")"

cat <<EOF

  Runbook Lens demo is running:  http://127.0.0.1:$PORT   (ready after $((SECONDS - T0)) s)
  The first page load takes 10-20 s while VS Code starts its extension host.

  Open the reference runbook directly:
  $runbook_link

  Try getting-started.md first: click ▶ Run above a block (the first run starts an incident).
  ${KUBECONFIG:+Cluster: pick demo-staging or demo-prod from the status bar (simulated cluster).}
  Logs: .demo/code-server.log${CLUSTER_PID:+, .demo/demo-cluster.log}.  Press Ctrl-C to stop.
EOF
wait "$CS_PID"
