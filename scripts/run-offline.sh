#!/bin/sh
# Runs a command without the network: in a network namespace of its own (loopback only) where the
# system allows one, else with npm's registry made unreachable. `npm run test:offline` (and .ci/run)
# runs the test suite this way, to show that it needs no network once `npm ci` is done.
set -eu
for flags in -n -rn; do
  if unshare "$flags" true 2>/dev/null && command -v ip >/dev/null; then
    exec unshare "$flags" sh -c 'ip link set lo up && exec "$@"' sh "$@"
  fi
done
echo "run-offline: no network namespace allowed here; running with the npm registry unreachable instead" >&2
npm_config_registry=http://127.0.0.1:9/ exec "$@"
