#!/bin/sh
# Installs what a bare Debian 12 machine lacks to run the two benchmark peers and the cluster scenario.
# Idempotent: installs only what is missing, prints one line per thing it installs, and is
# otherwise silent unless something fails (then it prints the captured output and exits non-zero).
#
#   - Prosody 0.12 (Debian package "prosody") + lua-unbound: 0.12.3 loads lua-unbound at start-up
#     although Debian lists it only as a Recommends, so --no-install-recommends needs it by name.
#     The packaged service must NOT be started: the benchmark starts its own Prosody on its own
#     ports (bench/peers/prosody/start.sh). We use a policy-rc.d that denies service starts
#     (Docker-style images already ship one; if not, we put one in place for the install only).
#   - nats-server 2.9 (Debian package "nats-server"), for the cluster scenario, which starts its own
#     on a free port; its packaged service is kept from starting in the same way as Prosody's.
#     Skipped when a nats-server is on the PATH or in /usr/sbin already, however it came there.
#   - npm ci in bench/peers/socketio when node_modules is missing (needs node + npm on PATH).
#
# Needs root (apt-get). No network traffic other than the Debian and npm registries.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
LOG=$(mktemp)
POLICY=/usr/sbin/policy-rc.d
own_policy=""
cleanup() {
  rm -f "$LOG"
  if [ -n "$own_policy" ]; then rm -f "$POLICY"; fi
}
trap cleanup EXIT

run() { # run quietly; show the output only on failure
  if ! "$@" >"$LOG" 2>&1; then
    echo "install.sh: FAILED: $*" >&2
    cat "$LOG" >&2
    exit 1
  fi
}

missing=""
for pkg in prosody lua-unbound nats-server; do
  if [ "$pkg" = nats-server ] && { command -v nats-server >/dev/null 2>&1 || [ -x /usr/sbin/nats-server ]; }; then continue; fi
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $pkg"
  fi
done

if [ -n "$missing" ]; then
  echo "install.sh: apt-get install$missing"
  if [ ! -e "$POLICY" ]; then
    # Deny every service start while apt runs (exit 101 = "action forbidden" for invoke-rc.d
    # and deb-systemd-invoke); removed again on exit.
    printf '#!/bin/sh\nexit 101\n' >"$POLICY"
    chmod 755 "$POLICY"
    own_policy=1
  fi
  # Lists may be absent (fresh image) or stale (superseded security update): refresh them once.
  run apt-get update
  export DEBIAN_FRONTEND=noninteractive
  run apt-get install -y --no-install-recommends $missing
  # On a systemd machine also keep the services just installed from starting at the next boot
  # (only those: a nats-server that was already here may be serving something else).
  if [ -d /run/systemd/system ]; then
    for pkg in $missing; do systemctl disable --now "$pkg" >/dev/null 2>&1 || true; done
  fi
fi

if [ ! -d "$HERE/socketio/node_modules" ]; then
  echo "install.sh: npm ci in bench/peers/socketio"
  command -v npm >/dev/null 2>&1 || { echo "install.sh: FAILED: npm not on PATH" >&2; exit 1; }
  (cd "$HERE/socketio" && run npm ci --no-audit --no-fund)
fi
