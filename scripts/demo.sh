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

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
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

# 1. Debian packages: ripgrep and Kerberos headers for code-server's native modules, a
#    compiler for node-gyp, kubectl for the cluster blocks. Chromium is only needed by tests.
step "Checking Debian packages"
need=()
command -v rg >/dev/null || need+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
{ command -v make >/dev/null && command -v g++ >/dev/null; } || need+=(build-essential)
command -v python3 >/dev/null || need+=(python3)
command -v kubectl >/dev/null || need+=(kubernetes-client)
if ((${#need[@]})); then
  echo "Installing ${need[*]}"
  if [[ $EUID -eq 0 ]]; then SUDO=(); elif command -v sudo >/dev/null; then SUDO=(sudo); else
    die "missing Debian packages: ${need[*]} (run: apt-get install -y ${need[*]} as root)"
  fi
  "${SUDO[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y --no-install-recommends "${need[@]}"
else
  echo "All there."
fi

# 2. npm packages, when node_modules is missing or older than the lock file.
step "Checking npm packages"
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund
else
  echo "Up to date."
fi

# 3. code-server (VS Code in the browser), into .tools/.
step "Checking code-server"
bash scripts/setup-code-server.sh

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

# A link that also opens the reference runbook (the page's payload accepts openFile).
runbook_link="$(node -e '
  const [port, ws] = process.argv.slice(1);
  const q = new URLSearchParams({ folder: ws, payload: JSON.stringify([["openFile", `vscode-remote://127.0.0.1:${port}${ws}/incident-response.md`]]) });
  console.log(`http://127.0.0.1:${port}/?${q}`);' "$PORT" "$DEMO/workspace")"

cat <<EOF

  Runbook Lens demo is running:  http://127.0.0.1:$PORT

  Open the reference runbook directly:
  $runbook_link

  Try getting-started.md first: click ▶ Run above a block (the first run starts an incident).
  ${KUBECONFIG:+Cluster: pick demo-staging or demo-prod from the status bar (simulated cluster).}
  Logs: .demo/code-server.log${CLUSTER_PID:+, .demo/demo-cluster.log}.  Press Ctrl-C to stop.
EOF
wait "$CS_PID"
