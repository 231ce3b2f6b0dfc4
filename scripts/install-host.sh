#!/usr/bin/env bash
# Installs the "real VS Code" test host into .cache/host (git-ignored): code-server 4.100.3
# (VS Code 1.100.3 with a Node extension host) plus Debian's Chromium, which playwright-core drives.
# @vscode/test-electron cannot download VS Code on these machines; the recipe and its pitfalls
# are in shared/notes/vscode-host.md. Idempotent: a stamp file makes a second run take ~0 s.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
host_dir=${VMSS_HOST_DIR:-$root/.cache/host}
code_server_version=4.100.3
stamp=$host_dir/.installed-code-server-$code_server_version
entry=$host_dir/node_modules/code-server/out/node/entry.js
vscode_dir=$host_dir/node_modules/code-server/lib/vscode

started=$(date +%s.%N)
step_started=$started
elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
step_done() {
  echo "install-host: $1 ($(elapsed "$step_started") s)"
  step_started=$(date +%s.%N)
}

# Debian packages. chromium: the browser playwright-core drives; libkrb5-dev: headers for VS
# Code's `kerberos` native module; ripgrep: replaces @vscode/ripgrep's GitHub download; the
# compilers rebuild native modules (node-pty, argon2, …) with node-gyp.
apt_packages=(chromium libkrb5-dev ripgrep make g++ python3)
missing=()
for pkg in "${apt_packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    # python3 may come from elsewhere (pyenv); only a missing command matters for it.
    if [[ $pkg == python3 ]] && command -v python3 >/dev/null; then continue; fi
    missing+=("$pkg")
  fi
done
if ((${#missing[@]})); then
  sudo=()
  if ((EUID != 0)); then
    command -v sudo >/dev/null || { echo "install-host: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  # `apt-get update` only when there are no package lists yet, or when the install fails on stale ones.
  if ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; then
    "${sudo[@]}" apt-get update -qq
  fi
  if ! "${sudo[@]}" apt-get install -y -qq "${missing[@]}"; then
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" apt-get install -y -qq "${missing[@]}"
  fi
  step_done "apt-get install ${missing[*]}"
else
  step_done "Debian packages already present (${apt_packages[*]})"
fi

if [[ -f $stamp && -f $entry ]]; then
  echo "install-host: code-server $code_server_version already installed in $host_dir ($(elapsed "$started") s)"
  exit 0
fi

# One installer at a time (npm test may run in parallel terminals).
mkdir -p "$(dirname "$host_dir")"
exec 9>"$host_dir.lock"
flock 9
if [[ -f $stamp && -f $entry ]]; then
  echo "install-host: installed meanwhile by another run"
  exit 0
fi

# A half-finished install (no stamp) is thrown away rather than repaired.
rm -rf "$host_dir"
mkdir -p "$host_dir"
cd "$host_dir"
# Its own package.json keeps npm from walking up into the project's.
echo '{ "private": true, "description": "vmss-upgrades test host (scripts/install-host.sh)" }' >package.json

# code-server's postinstall refuses to run as root and downloads ripgrep: skip it and replay
# its steps below.
npm install --ignore-scripts --no-audit --no-fund --loglevel=error "code-server@$code_server_version"
step_done "npm install code-server@$code_server_version"

# node-gyp must build against local headers (no download) and node-pty's postinstall runs
# `npx node-gyp`, which must not prompt (some npmrc files say yes=false).
node_prefix=$(dirname "$(dirname "$(command -v node)")")
if [[ -f /usr/include/node/node.h ]]; then node_prefix=/usr; fi
# JOBS: node-gyp compiles with every core.
export npm_config_nodedir=$node_prefix npm_config_yes=true JOBS=max

cd "$vscode_dir"
npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error
# @vscode/ripgrep's postinstall skips its download when bin/ already exists.
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
npm rebuild --loglevel=error
ln -sfn node_modules node_modules.asar
ln -sfn code-linux.sh bin/remote-cli/code-server
ln -sfn browser-linux.sh bin/helpers/browser.sh
step_done "VS Code server dependencies and native modules"

cd "$vscode_dir/extensions"
npm install --omit=dev --no-audit --no-fund --loglevel=error
step_done "built-in extensions' dependencies"

cd "$host_dir"
npm rebuild argon2 --loglevel=error
# Source maps are half the folder (~157 MB) and nothing here reads them.
find "$host_dir/node_modules" -name '*.map' -type f -delete
step_done "argon2 rebuilt, source maps removed"

# A throwaway XDG_CONFIG_HOME: code-server otherwise writes a default config into $HOME.
scratch=$(mktemp -d)
version=$(XDG_CONFIG_HOME=$scratch node "$entry" --version | tail -n 1)
rm -rf "$scratch"
echo "install-host: $version"
[[ $version == "$code_server_version "* ]] || { echo "install-host: unexpected version" >&2; exit 1; }
echo "$version" >"$stamp"
echo "install-host: done in $(elapsed "$started") s ($(du -sh "$host_dir" | cut -f1) in $host_dir)"
