#!/usr/bin/env bash
# CI entry: validates k8s/ and config/ offline. Needs node >= 20 and npm; kubectl (for kustomize) when available.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --silent --no-audit --no-fund
node validate.mjs
