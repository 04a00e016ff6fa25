#!/usr/bin/env bash
# One set-up for every entry point (npm run demo, npm test, .ci/run): the Debian packages the
# demo and the tests use, the npm packages from the lock file, and code-server. Idempotent and
# quick when everything is there; says what it will install before installing it, and never
# upgrades packages the project does not name (no apt-get upgrade, no -dev packages that pin
# newer system libraries).
#
# Environment: RUNBOOK_LENS_SKIP_SETUP=1 skips it (for machines set up by other means).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
[[ "${RUNBOOK_LENS_SKIP_SETUP:-}" == 1 ]] && exit 0

t0=$SECONDS
step_start=$SECONDS
step() { step_start=$SECONDS; printf '==> setup: %s\n' "$*"; }
took() { printf '    %s (%d s)\n' "$*" "$((SECONDS - step_start))"; }
die() { printf 'setup: %s\n' "$*" >&2; exit 1; }

# 1. Debian packages. Each entry: package, and the file or command that shows it is there.
step "Debian packages"
wanted=(
  "chromium:/usr/bin/chromium"                          # UI tests and extension-host tests (headless)
  "ripgrep:rg"                                          # code-server's search
  "prometheus:/usr/bin/prometheus"                      # observability tests (started on loopback)
  "prometheus-alertmanager:/usr/bin/prometheus-alertmanager"
  "kubernetes-client:kubectl"                           # cluster blocks and kube tests
  "curl:curl"
  "wget:wget"                                           # in-cluster address tests (real wget through the proxy)
  "openssl:openssl"                                     # the service proxy's per-run CA for in-cluster HTTPS
  "git:git"                                             # team incidents (git http-backend in tests)
  "build-essential:g++"                                 # node-gyp for code-server's native modules
  "python3:python3"
)
need=()
for item in "${wanted[@]}"; do
  pkg="${item%%:*}" probe="${item#*:}"
  if [[ "$probe" == /* ]]; then [[ -x "$probe" ]] && continue; else command -v "$probe" >/dev/null && continue; fi
  need+=("$pkg")
done
if ((${#need[@]})); then
  echo "    will install: ${need[*]} (with their dependencies; no other package is upgraded)"
  if [[ $EUID -eq 0 ]]; then SUDO=(); elif command -v sudo >/dev/null; then SUDO=(sudo); else
    die "missing Debian packages: ${need[*]}; as root run: apt-get install --no-install-recommends ${need[*]}"
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -q >/dev/null
  # Show exactly what apt would change, then do only that.
  plan="$("${SUDO[@]}" apt-get install -s --no-install-recommends --no-upgrade "${need[@]}" | grep -E '^Inst ' || true)"
  upgrades="$(grep -E '^Inst \S+ \[' <<<"$plan" | awk '{print $2}' | tr '\n' ' ' || true)"
  echo "    apt will add $(grep -c '^Inst ' <<<"$plan") package(s)${upgrades:+; it must upgrade, as dependencies: $upgrades}"
  "${SUDO[@]}" apt-get install -y -q --no-install-recommends --no-upgrade "${need[@]}" >"${TMPDIR:-/tmp}/runbook-lens-apt.log" 2>&1 ||
    { tail -20 "${TMPDIR:-/tmp}/runbook-lens-apt.log"; die "apt-get install failed (log: ${TMPDIR:-/tmp}/runbook-lens-apt.log)"; }
  # The Debian packages start their own services; the tests and the demo start theirs on free ports.
  for service in prometheus prometheus-alertmanager; do
    if command -v systemctl >/dev/null && systemctl is-active --quiet "$service" 2>/dev/null; then "${SUDO[@]}" systemctl stop "$service" || true; fi
  done
  took "installed ${need[*]}"
else
  took "all there"
fi

# 2. npm packages, when node_modules is missing or older than the lock file.
step "npm packages"
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "    will run: npm ci (the exact versions in package-lock.json)"
  npm ci --no-audit --no-fund --loglevel=error
  took "installed"
else
  took "up to date"
fi

# 3. code-server (VS Code in the browser) into .tools/.
step "code-server"
bash scripts/setup-code-server.sh | sed 's/^/    /'
took "ready"

printf '==> setup: done in %d s\n' "$((SECONDS - t0))"
