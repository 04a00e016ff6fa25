#!/usr/bin/env bash
# Installs code-server (VS Code in the browser) into .tools/code-server without its
# download steps: its postinstall would fetch ripgrep from outside the package registries,
# so we link Debian's rg and rebuild the native modules against the system Node headers
# instead. `kerberos` is left unbuilt: VS Code imports it only for Kerberos proxy
# authentication, and building it needs libkrb5-dev, whose install upgrades the system's
# Kerberos and e2fsprogs libraries. Idempotent: does nothing when the right version is
# already installed. RUNBOOK_LENS_TOOLS_DIR puts it elsewhere (default .tools/).
set -euo pipefail

VERSION=4.100.3
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="${RUNBOOK_LENS_TOOLS_DIR:-$ROOT/.tools}/code-server"
ENTRY="$TOOLS/node_modules/code-server/out/node/entry.js"
STAMP="$TOOLS/.installed-$VERSION"

if [[ -f "$STAMP" && -f "$ENTRY" ]]; then
  echo "code-server $VERSION already installed in .tools/code-server"
  exit 0
fi

if ! command -v rg >/dev/null; then
  echo "setup-code-server: ripgrep is missing (scripts/setup.sh installs it: apt-get install ripgrep)" >&2
  exit 1
fi

echo "Installing code-server $VERSION into $TOOLS (about a minute)…"
rm -rf "$TOOLS"
mkdir -p "$TOOLS"
# Its own package.json, so npm does not walk up and install into the project.
echo '{ "name": "runbook-lens-tools", "private": true }' >"$TOOLS/package.json"
cd "$TOOLS"
npm install --no-audit --no-fund --ignore-scripts "code-server@$VERSION"

cd node_modules/code-server/lib/vscode
npm install --no-audit --no-fund --omit=dev --ignore-scripts
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
npm_config_yes=true npm rebuild node-pty @vscode/spdlog @parcel/watcher native-watchdog @vscode/deviceid
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
(cd extensions && npm install --no-audit --no-fund --omit=dev)

cd "$TOOLS"
npm_config_yes=true npm rebuild argon2

# --config keeps it from writing a default config into ~/.config.
got="$(node "$ENTRY" --config "$TOOLS/version-config.yaml" --version 2>/dev/null | grep -E '^[0-9]+\.[0-9]+\.[0-9]+ ' | head -1)"
case "$got" in
  "$VERSION "*) ;;
  *) echo "setup-code-server: expected $VERSION, got: $got" >&2; exit 1 ;;
esac
touch "$STAMP"
echo "code-server installed: $got"
