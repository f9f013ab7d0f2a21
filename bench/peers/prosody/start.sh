#!/bin/sh
# Start the Prosody benchmark peer in the foreground, loopback only.
#
#   start.sh DATA_DIR C2S_PORT HTTP_PORT
#
# Renders prosody.cfg.lua.template into DATA_DIR/prosody.cfg.lua, then `exec`s Prosody, so the PID
# of this script IS Prosody's PID (the chain start.sh -> setpriv -> /usr/bin/prosody ->
# env -> lua5.4 is exec all the way, no fork). Stop it with `kill <that PID>` (SIGTERM = clean
# shutdown). The last line printed before the exec is `pid <PID>` for callers that did not keep it.
# Prosody itself prints nothing: it is ready when 127.0.0.1:HTTP_PORT accepts TCP connections
# (~0.5 s). Warnings/errors go to DATA_DIR/prosody.log. SIGTERM shutdown takes 1-3 s when idle but
# can take 15-20 s with thousands of MUC occupants still connected (it broadcasts every leave):
# close the clients first, or SIGKILL after a grace period (nothing is persisted anyway).
#
# As root, Prosody is run as the 'prosody' user (created by the Debian package): Prosody refuses
# to run as root unless run_as_root = true, and it does not switch users by itself (only
# prosodyctl does). We use `setpriv`, which execs, instead of `su`/`runuser`, which stay as the
# parent and would hide Prosody's PID. DATA_DIR is chowned to prosody and every parent directory
# must be traversable by it. As a non-root user, Prosody runs as that user.
#
# Optional: PROSODY_MUC_PRESENCE_BROADCAST=none turns off MUC occupant presence broadcast
# (default "all" = Prosody's default: each join is sent to every occupant and each joiner gets
# the presence of every occupant, i.e. O(N^2) stanzas to fill a room of N).
set -eu

if [ $# -ne 3 ]; then
  echo "usage: $0 DATA_DIR C2S_PORT HTTP_PORT" >&2
  exit 2
fi
HERE=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$1"
DATA_DIR=$(cd "$1" && pwd)
C2S_PORT=$2
HTTP_PORT=$3
for p in "$C2S_PORT" "$HTTP_PORT"; do
  case "$p" in
    '' | *[!0-9]*) echo "start.sh: bad port: $p" >&2; exit 2 ;;
  esac
done
case "${PROSODY_MUC_PRESENCE_BROADCAST:-all}" in
  all) BROADCAST=nil ;;
  none) BROADCAST='{}' ;;
  *) echo "start.sh: PROSODY_MUC_PRESENCE_BROADCAST must be all or none" >&2; exit 2 ;;
esac
command -v prosody >/dev/null 2>&1 || { echo "start.sh: prosody not installed (run bench/peers/install.sh)" >&2; exit 1; }

# Prosody does not exit when a port is taken (it logs an error and runs on, unreachable), so
# refuse early here.
if command -v ss >/dev/null 2>&1; then
  for p in "$C2S_PORT" "$HTTP_PORT"; do
    if [ -n "$(ss -Hltn "sport = :$p")" ]; then
      echo "start.sh: port $p is already in use" >&2
      exit 1
    fi
  done
fi

mkdir -p "$DATA_DIR/certs"
CFG="$DATA_DIR/prosody.cfg.lua"
sed -e "s|@DATA_DIR@|$DATA_DIR|g" \
    -e "s|@PID_FILE@|$DATA_DIR/prosody.pid|g" \
    -e "s|@C2S_PORT@|$C2S_PORT|g" \
    -e "s|@HTTP_PORT@|$HTTP_PORT|g" \
    -e "s|@MUC_PRESENCE_BROADCAST@|$BROADCAST|g" \
    "$HERE/prosody.cfg.lua.template" >"$CFG"

# 5,000+ sessions need 5,000+ descriptors; the default soft limit is often 1024.
ulimit -n 20000 2>/dev/null || echo "start.sh: warning: could not raise open files to 20000 (now $(ulimit -n))" >&2

export HOME="$DATA_DIR"
if [ "$(id -u)" = 0 ]; then
  chown -R prosody:prosody "$DATA_DIR"
  if ! setpriv --reuid=prosody --regid=prosody --init-groups -- test -w "$DATA_DIR"; then
    echo "start.sh: user prosody cannot write $DATA_DIR (is every parent directory o+x?)" >&2
    exit 1
  fi
  echo "pid $$"
  exec setpriv --reuid=prosody --regid=prosody --init-groups -- prosody --config "$CFG" -F
else
  echo "pid $$"
  exec prosody --config "$CFG" -F
fi
