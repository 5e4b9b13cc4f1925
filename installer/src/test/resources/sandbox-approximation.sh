#!/bin/bash
# Runs one tradevault command from a staging install under the parts of tradevault.service's
# sandbox that can be rebuilt without systemd as PID 1, in a private mount namespace:
#   ProtectSystem=strict + ReadWritePaths  every file read-only except the data and backup folders
#   PrivateTmp, ProtectHome                 empty /tmp, /var/tmp, /root, /home
#   PrivateDevices                          a /dev with only null, zero, full, random, urandom
#   User=, NoNewPrivileges, CapabilityBoundingSet=  setpriv as the service user, no capabilities
#   LoadCredential=                         the key in a folder only the service user can read
# Usage (as root): sandbox-approximation.sh STAGING_ROOT COMMAND [ARGS...]
set -euo pipefail
if [[ ${1:-} != --inside ]]; then
  exec unshare --mount --propagation private "$0" --inside "$@"
fi
shift
root=$1
shift
data=$root/var/lib/tradevault
backups=$root/var/backups/tradevault
uid=$(awk -F: '$1 == "tradevault" { print $3 }' "$root/etc/passwd")
gid=$(awk -F: '$1 == "tradevault" { print $4 }' "$root/etc/passwd")
key=$(cat "$root/etc/tradevault/credentials/db-key")

for rw in "$data" "$backups"; do mount --bind "$rw" "$rw"; done
mount -o remount,bind,ro /
for rw in "$data" "$backups"; do mount -o remount,bind,rw "$rw"; done
for private in /tmp /var/tmp /root /home; do mount -t tmpfs -o mode=1777 tmpfs "$private"; done

devices=$(mktemp -d)
for dev in null zero full random urandom; do
  touch "$devices/$dev"
  mount --bind "/dev/$dev" "$devices/$dev"
done
mount --move "$devices" /dev 2>/dev/null || mount --bind "$devices" /dev

credentials=/tmp/credentials
install -d -m 0700 -o "$uid" -g "$gid" "$credentials"
(umask 0377 && printf '%s\n' "$key" >"$credentials/db-key")
chown "$uid:$gid" "$credentials/db-key"

cd "$data"
exec setpriv --reuid="$uid" --regid="$gid" --clear-groups --no-new-privs --inh-caps=-all --bounding-set=-all -- \
  env -i PATH=/usr/bin:/bin HOME="$data" CREDENTIALS_DIRECTORY="$credentials" \
  TRADEVAULT_CONFIG="$root/etc/tradevault/tradevault.conf" TRADEVAULT_DATA_DIR="$data" \
  "$root/opt/tradevault/current/bin/tradevault" "$@"
