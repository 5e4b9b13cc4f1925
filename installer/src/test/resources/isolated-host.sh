#!/bin/bash
# Runs a script as root on this host as it would run on a real server, but in a private mount
# namespace where every place install.sh and uninstall.sh write to is an empty or copied tmpfs:
# nothing reaches the real host, and it all disappears when the script ends.
# Usage (as root): isolated-host.sh SCRIPT_FILE
set -euo pipefail
if [[ ${1:-} != --inside ]]; then
  exec unshare --mount --propagation private "$0" --inside "$@"
fi
script=$2

copy_into_tmpfs() {
  local dir=$1 snapshot
  snapshot=$(mktemp -d)
  cp -a "$dir/." "$snapshot/"
  mount -t tmpfs -o mode=0755 tmpfs "$dir"
  cp -a "$snapshot/." "$dir/"
  rm -rf "$snapshot"
}

copy_into_tmpfs /etc
for dir in /opt /var/lib /var/backups /var/log /var/mail /var/spool /usr/local /usr/share/bash-completion /run; do
  mkdir -p "$dir"
  mount -t tmpfs -o mode=0755 tmpfs "$dir"
done
exec bash "$script"
