# shellcheck shell=bash disable=SC2154,SC2034 # variables are shared with install.sh
# The checks install.sh makes before it changes anything; each refusal says why and what to do.

check_preconditions() {
  set_paths
  if [[ $(id -u) -ne 0 ]]; then
    fail "install.sh must run as root: it creates the system user $service_user and writes to /opt, /etc and /var" \
      "run: sudo $0"
  fi
  local arch
  arch=$(uname -m)
  if [[ $arch != x86_64 ]]; then
    fail "unsupported architecture $arch: this bundle carries a Java runtime and an SQLite library for x86_64 (linux-x64) only" \
      "install it on an x86_64 (amd64) server"
  fi
  if [[ ! -x $bundle/runtime/bin/java || ! -r $bundle/lib/tradevault.jar ]]; then
    fail "the bundle in $bundle is incomplete: runtime/bin/java or lib/tradevault.jar is missing" \
      "unpack the archive again, or build it from source with: mvn -B package"
  fi
  local tool
  for tool in setpriv useradd install od sort df; do
    command -v "$tool" >/dev/null || fail "the command '$tool' is missing on this host" "install it (Debian/Ubuntu: apt-get install util-linux passwd coreutils)"
  done
  if [[ -n $root ]]; then mkdir -p "$root"; fi
}

decide_systemd() {
  live_systemd=no
  if [[ $use_systemd == no ]]; then return; fi
  if [[ -n $root ]]; then
    use_systemd=yes
  elif [[ -d /run/systemd/system ]] && command -v systemctl >/dev/null; then
    use_systemd=yes
    live_systemd=yes
  else
    say "systemd is not running on this host: installing a cron entry for backups instead of units."
    use_systemd=no
  fi
}

installed_version() {
  if [[ -L $opt/current ]]; then basename "$(readlink "$opt/current")"; fi
}

check_version_order() {
  [[ -n $installed && $installed != "$version" ]] || return 0
  local newest
  newest=$(printf '%s\n%s\n' "$installed" "$version" | sort -V | tail -n 1)
  if [[ $newest == "$installed" && $allow_downgrade != yes ]]; then
    fail "tradevault $installed is installed, which is newer than this bundle ($version); a downgrade is refused because the ledger may already use a newer schema" \
      "to go back, follow 'Rollback' in docs/install.md; to install $version anyway: ./install.sh --allow-downgrade"
  fi
}

check_disk_space() {
  local dir=$opt need_kb free_kb
  while [[ ! -d $dir ]]; do dir=$(dirname "$dir"); done
  # The bundle, its AppCDS archive (about 30 MB) and room for the ledger to grow.
  need_kb=$(($(du -sk "$bundle" | cut -f1) + 150 * 1024))
  free_kb=$(df -Pk "$dir" | awk 'NR == 2 { print $4 }')
  if ((free_kb < need_kb)); then
    fail "not enough disk space in $dir: $((free_kb / 1024)) MB free, $((need_kb / 1024)) MB needed" \
      "free some space (for example: apt-get clean; journalctl --vacuum-size=100M) and run install.sh again"
  fi
}

check_recipient_key() {
  local file=$1
  [[ -f $file && -r $file ]] || fail "backup recipient key $file does not exist or cannot be read" \
    "export the public key with: gpg --export --armor KEY-ID > backup-recipient.asc"
  if grep -q -- '-----BEGIN PGP PRIVATE KEY BLOCK-----' "$file"; then
    fail "backup recipient key $file is a PRIVATE key; the server must only get the public key" \
      "export the public key with: gpg --export --armor KEY-ID > backup-recipient.asc, and keep the private key off this server"
  fi
  if grep -q -- '-----BEGIN ' "$file" && ! grep -q -- '-----BEGIN PGP PUBLIC KEY BLOCK-----' "$file"; then
    fail "backup recipient key $file is not an OpenPGP public key" \
      "export the public key with: gpg --export --armor KEY-ID > backup-recipient.asc"
  fi
}
