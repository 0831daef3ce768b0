#!/usr/bin/env bash
# Installs real VS Code (code-server) for the end-to-end test (test/e2e-vscode.test.ts), outside
# node_modules: Node 24 from the npm registry (code-server needs it) and code-server built with it.
# Idempotent: a second run with the same versions does nothing. Needs g++, make, python3 and the
# Kerberos headers (`apt-get install -y libkrb5-dev`) for code-server's native modules.
#
#   scripts/install-code-server.sh            # into ${MONITOR_E2E_TOOLS:-~/.cache/monitor-e2e}
#   scripts/install-code-server.sh --print    # print the code-server path and Node's bin folder when
#                                             # installed (exit 3 when not), install nothing
set -euo pipefail

NODE_VERSION=24.9.0
CODE_SERVER_VERSION=4.139.1
DIR="${MONITOR_E2E_TOOLS:-$HOME/.cache/monitor-e2e}"
NODE_DIR="$DIR/node-$NODE_VERSION"
CS_DIR="$DIR/code-server-$CODE_SERVER_VERSION"
NODE_BIN="$NODE_DIR/node_modules/node/bin"
CS_BIN="$CS_DIR/node_modules/.bin/code-server"
MARKER="$CS_DIR/.installed"

installed() { [[ -f "$MARKER" && -x "$CS_BIN" && -x "$NODE_BIN/node" ]]; }
if [[ "${1:-}" == "--print" ]]; then
    installed || exit 3
    echo "$CS_BIN"; echo "$NODE_BIN"; exit 0
fi

if installed; then
    echo "code-server $CODE_SERVER_VERSION is installed: $CS_BIN"
    exit 0
fi

if [[ ! -f /usr/include/gssapi/gssapi.h && ! -f /usr/include/krb5.h ]]; then
    echo "code-server needs the Kerberos headers to build: apt-get install -y libkrb5-dev" >&2
    exit 1
fi

start=$(date +%s)
mkdir -p "$NODE_DIR" "$CS_DIR"

# Node 24 as an npm package: node_modules/node/bin/node, no system install needed.
if [[ ! -x "$NODE_BIN/node" ]]; then
    echo "Installing Node $NODE_VERSION into $NODE_DIR"
    (cd "$NODE_DIR" && [[ -f package.json ]] || echo '{"private":true}' > "$NODE_DIR/package.json")
    (cd "$NODE_DIR" && npm install --no-audit --no-fund --loglevel=error "node@$NODE_VERSION")
fi

# code-server's install scripts check the running Node's major version and build native modules
# with it: Node 24 must come first on PATH.
echo "Installing code-server $CODE_SERVER_VERSION into $CS_DIR (takes a few minutes)"
[[ -f "$CS_DIR/package.json" ]] || echo '{"private":true}' > "$CS_DIR/package.json"
(cd "$CS_DIR" && PATH="$NODE_BIN:$PATH" npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION")

# Its own HOME: a first run writes a default config file there.
HOME="$DIR" PATH="$NODE_BIN:$PATH" "$CS_BIN" --version
touch "$MARKER"
echo "code-server $CODE_SERVER_VERSION installed in $(( $(date +%s) - start )) s: $CS_BIN"
