#!/usr/bin/env bash
# Fails when the protobuf contracts are badly formed, when the generated code
# in libs/contracts is out of date, or when a change breaks wire compatibility
# against the main branch (so mixed versions can run during a rolling upgrade).
set -euo pipefail
cd "$(dirname "$0")/.."
npx buf lint
npx buf generate
if ! git diff --exit-code --stat -- libs/contracts/src/gen; then
  echo "libs/contracts/src/gen is out of date: run 'npm run proto:gen' and commit the result" >&2
  exit 1
fi
untracked=$(git ls-files --others --exclude-standard libs/contracts/src/gen)
if [ -n "$untracked" ]; then
  echo "generated files not committed: $untracked" >&2
  exit 1
fi
# Against main from a branch; on main itself, against the previous commit.
base="${HELIX_BREAKING_BASE:-}"
if [ -z "$base" ]; then
  if [ "$(git rev-parse --abbrev-ref HEAD)" != "main" ] && git rev-parse -q --verify main >/dev/null; then
    base=main
  elif git rev-parse -q --verify HEAD~1 >/dev/null; then
    base=HEAD~1
  fi
fi
if [ -n "$base" ] && git ls-tree -r --name-only "$base" -- proto | grep -q '\.proto$'; then
  npx buf breaking proto --against ".git#ref=$(git rev-parse "$base"),subdir=proto"
  echo "buf breaking: no wire-incompatible change against $base"
else
  echo "buf breaking: no earlier proto to compare against"
fi
