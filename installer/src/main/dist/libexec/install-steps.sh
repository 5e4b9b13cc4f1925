# shellcheck shell=bash disable=SC2154,SC2034 # variables are shared with install.sh
# The steps of install.sh that change the system, one function each, in the order install.sh
# calls them (the checks before them are in install-checks.sh).
# Uses: bundle version root use_systemd recipient_key allow_downgrade (set by install.sh).

# shellcheck source=SCRIPTDIR/service-user.sh
. "$bundle/libexec/service-user.sh"

service_user=tradevault
stop_wait=${TRADEVAULT_STOP_TIMEOUT:-60}
service_env=()

say() { printf '%s\n' "$*"; }

fail() {
  printf 'install.sh: error: %s\n' "$1" >&2
  if [[ -n ${2:-} ]]; then printf 'next: %s\n' "$2" >&2; fi
  exit 1
}

bad_usage() {
  printf 'install.sh: error: %s\nnext: see ./install.sh --help\n' "$1" >&2
  exit 2
}

set_paths() {
  opt=$root/opt/tradevault
  etc=$root/etc/tradevault
  creds=$etc/credentials
  conf=$etc/tradevault.conf
  data=$root/var/lib/tradevault
  backups=$root/var/backups/tradevault
  units=$root/etc/systemd/system
}

ensure_service_user() {
  if [[ -n $root ]]; then
    ensure_staging_account_files
    if ! grep -q "^$service_user:" "$root/etc/passwd"; then
      useradd --prefix "$root" --system --user-group --home-dir /var/lib/tradevault --no-create-home \
        --shell /usr/sbin/nologin --comment "tradevault trading bot" "$service_user"
      say "Created system user $service_user (in $root/etc/passwd)"
    fi
    uid=$(awk -F: -v u="$service_user" '$1 == u { print $3 }' "$root/etc/passwd")
    gid=$(awk -F: -v u="$service_user" '$1 == u { print $4 }' "$root/etc/passwd")
  else
    if ! getent passwd "$service_user" >/dev/null; then
      useradd --system --user-group --home-dir /var/lib/tradevault --no-create-home \
        --shell /usr/sbin/nologin --comment "tradevault trading bot" "$service_user"
      say "Created system user $service_user (no login shell)"
    fi
    uid=$(id -u "$service_user")
    gid=$(id -g "$service_user")
  fi
}

ensure_staging_account_files() {
  install -d -m 0755 "$root/etc"
  local f
  for f in passwd group; do [[ -e $root/etc/$f ]] || install -m 0644 /dev/null "$root/etc/$f"; done
  for f in shadow gshadow; do [[ -e $root/etc/$f ]] || install -m 0640 /dev/null "$root/etc/$f"; done
}

ensure_directories() {
  install -d -m 0755 -o 0 -g 0 "$opt" "$etc"
  install -d -m 0700 -o 0 -g 0 "$creds"
  install -d -m 0700 -o "$uid" -g "$gid" "$data" "$backups"
}

# bundle_has_command [PROGRAM] COMMAND: whether that bundle knows COMMAND (its help is its own).
bundle_has_command() {
  local program=$bundle/bin/tradevault
  if (($# == 2)); then program=$1; shift; fi
  local help
  # Not a pipe into grep: under pipefail the command's own exit status would decide.
  help=$("$program" "$1" --help 2>&1) || true
  [[ $help == *"Usage: tradevault $1 "* ]]
}

ensure_configuration() {
  has_backup=no
  if bundle_has_command backup; then has_backup=yes; fi
  if [[ -e $conf ]]; then
    say "Kept your configuration $conf (the defaults of $version are in $opt/$version/etc/tradevault.conf)"
    return
  fi
  local tmp
  tmp=$(mktemp "$etc/.tradevault.conf.XXXXXX")
  {
    cat "$bundle/etc/tradevault.conf"
    if [[ $has_backup == yes ]]; then backup_settings; fi
  } >"$tmp"
  chown "0:$gid" "$tmp"
  chmod 0640 "$tmp"
  mv -T "$tmp" "$conf"
  say "Wrote the configuration $conf"
}

backup_settings() {
  printf '\n# Backups (written by install.sh).\nbackup {\n'
  printf '  dir = "/var/backups/tradevault"\n'
  if [[ -n $recipient_key ]]; then
    printf '  recipient-key-file = "/etc/tradevault/backup-recipient-key.asc"\n'
  else
    printf '  # The passphrase reaches tradevault-backup.service as a systemd credential.\n'
    printf '  passphrase-file = "/run/credentials/tradevault-backup.service/backup-passphrase"\n'
  fi
  printf '}\n'
}

ensure_credentials() {
  created_key=no
  if new_secret "$creds/db-key"; then created_key=yes; fi
  if [[ -n $recipient_key ]]; then
    install -m 0644 -o 0 -g 0 "$recipient_key" "$etc/backup-recipient-key.asc"
    say "Backups are encrypted to the public key $etc/backup-recipient-key.asc"
  elif [[ ! -e $etc/backup-recipient-key.asc ]]; then
    new_secret "$creds/backup-passphrase" || true
  fi
}

# new_secret FILE: 32 random bytes as 64 hex digits, mode 0400 root; never replaces an existing file.
new_secret() {
  local file=$1 tmp
  [[ ! -e $file ]] || return 1
  tmp=$(mktemp "$(dirname "$file")/.new.XXXXXX")
  od -An -N32 -tx1 /dev/urandom | tr -d ' \n' >"$tmp"
  printf '\n' >>"$tmp"
  chmod 0400 "$tmp"
  chown 0:0 "$tmp"
  # ln refuses to replace an existing file: a key that appeared meanwhile is kept.
  if ln "$tmp" "$file" 2>/dev/null; then
    rm -f "$tmp"
    say "Created $file"
    return 0
  fi
  rm -f "$tmp"
  return 1
}

running_pids() {
  local proc exe
  for proc in /proc/[0-9]*; do
    exe=$(readlink "$proc/exe" 2>/dev/null) || continue
    if [[ $exe == "$opt"/* ]]; then printf '%s\n' "${proc#/proc/}"; fi
  done
}

stop_running_instance() {
  if [[ $live_systemd == yes ]] && systemctl is-active --quiet tradevault.service; then
    say "Stopping tradevault.service"
    timeout "$stop_wait" systemctl stop tradevault.service ||
      fail "tradevault.service did not stop within ${stop_wait}s" \
        "look at: journalctl -u tradevault -n 50; stop it (systemctl kill tradevault) and run install.sh again"
  fi
  local pids
  pids=$(running_pids)
  [[ -n $pids ]] || return 0
  say "Stopping the running tradevault instance (PID $(echo "$pids" | paste -sd ' '))"
  # shellcheck disable=SC2086 # one PID per word
  kill -TERM $pids 2>/dev/null || true
  local waited=0
  while [[ -n $(running_pids) ]] && ((waited < stop_wait)); do
    sleep 1
    waited=$((waited + 1))
  done
  pids=$(running_pids)
  if [[ -n $pids ]]; then
    fail "a running tradevault instance (PID $(echo "$pids" | paste -sd ' ')) did not stop within ${stop_wait}s; nothing was changed" \
      "stop it yourself (systemctl stop tradevault, or kill the PID) and run install.sh again"
  fi
}

backup_before_upgrade() {
  local old=$opt/current/bin/tradevault
  if [[ ! -x $old ]] || ! bundle_has_command "$old" backup; then
    say "The installed bundle has no backup command: setup-db sets a snapshot of the ledger aside before it migrates."
    return
  fi
  if [[ -n $root ]]; then
    say "Staging root: no backup taken (setup-db sets a snapshot aside before it migrates)."
    return
  fi
  say "Backing up the ledger before the upgrade"
  if [[ $live_systemd == yes && -e $units/tradevault-backup.service ]]; then
    systemctl start tradevault-backup.service ||
      fail "the backup before the upgrade failed; nothing was changed" \
        "look at: journalctl -u tradevault-backup -n 50; fix it (or take a backup yourself) and run install.sh again"
  else
    # Where the configuration expects the passphrase, as systemd would put it.
    install -d -m 0755 /run/credentials
    run_as_service /run/credentials/tradevault-backup.service "$old" backup --dest "$backups" ||
      fail "the backup before the upgrade failed; nothing was changed" \
        "fix the problem shown above (or take a backup yourself) and run install.sh again"
  fi
}

install_program() {
  dest=$opt/$version
  local stage old
  stage=$(mktemp -d "$opt/.install-$version.XXXXXX")
  tar -C "$bundle" --exclude=./lib/tradevault.jsa --exclude=./lib/tradevault.jsa.home -cf - . | tar -C "$stage" -xpf -
  chown -R 0:0 "$stage"
  chmod 0755 "$stage"
  if [[ -e $dest ]]; then
    old=$(mktemp -d "$opt/.replaced-$version.XXXXXX")
    mv -T "$dest" "$old/tree"
    mv -T "$stage" "$dest"
    rm -rf -- "$old"
  else
    mv -T "$stage" "$dest"
  fi
  # The archive is only valid for the class path it was made with: make it where it runs.
  if ! "$dest/libexec/make-cds-archive"; then
    say "warning: no AppCDS archive for $dest: tradevault works but starts slower"
  fi
  say "Installed the program in $dest"
}

run_setup_db() {
  if [[ -n $root ]]; then service_env=(TRADEVAULT_DATA_DIR="$data"); fi
  if ! setpriv --reuid="$uid" --regid="$gid" --clear-groups -- test -x "$dest/bin/tradevault"; then
    fail "the service user $service_user cannot reach $dest: a folder above it is closed to others" \
      "make the folders above it traversable (chmod o+x FOLDER) and run install.sh again"
  fi
  say "Running setup-db as $service_user"
  if ! run_as_service "$(private_run_dir setup-db)" "$dest/bin/tradevault" setup-db; then
    fail "setup-db failed (see above); the active version is still ${installed:-none}: $opt/current was not switched" \
      "fix the problem it names and run install.sh again"
  fi
  ln -sfn "$version" "$opt/.current.new"
  mv -T "$opt/.current.new" "$opt/current"
}

install_units() {
  install -d -m 0755 "$units"
  # tradevault-alert@.service: named in OnFailure= by the others; started by systemd only, never enabled.
  local unit list=(tradevault.service tradevault-dashboard.service tradevault-alert@.service
    tradevault-replicate.service)
  if [[ $has_backup == yes ]]; then list+=(tradevault-backup.service tradevault-backup.timer); fi
  for unit in "${list[@]}"; do install -m 0644 -o 0 -g 0 "$dest/systemd/$unit" "$units/$unit"; done
  if [[ $has_backup != yes ]]; then
    say "This bundle has no backup command: the backup timer is not installed."
  fi
  backup_unit_credentials
  rm -f "$root/etc/cron.d/tradevault-backup"
  if [[ $live_systemd == yes ]]; then
    systemctl daemon-reload
    local enable=(tradevault.service)
    if [[ $has_backup == yes ]]; then enable+=(tradevault-backup.timer); fi
    # the dashboard stays as it was (disabled on a first install) unless --with-dashboard
    if [[ $with_dashboard == yes ]]; then enable+=(tradevault-dashboard.service); fi
    if replica_configured; then enable+=(tradevault-replicate.service); fi
    systemctl enable "${enable[@]}" >/dev/null
  else
    enable_offline tradevault.service multi-user.target
    if [[ $has_backup == yes ]]; then enable_offline tradevault-backup.timer timers.target; fi
    if [[ $with_dashboard == yes ]]; then enable_offline tradevault-dashboard.service multi-user.target; fi
    if replica_configured; then enable_offline tradevault-replicate.service multi-user.target; fi
  fi
}

# Whether the configuration sets replica.url (as 'replica.url = "file:///..."'): replication is then on.
replica_configured() {
  [[ -f $conf ]] && grep -Eq '^[[:space:]]*replica\.url[[:space:]]*[=:][[:space:]]*"?[a-z]+://' "$conf"
}

# Recipient-key mode has no passphrase: the backup service then loads only the database key.
backup_unit_credentials() {
  local dropin=$units/tradevault-backup.service.d
  if [[ $has_backup == yes && ! -e $creds/backup-passphrase ]]; then
    install -d -m 0755 "$dropin"
    printf '[Service]\nLoadCredential=\nLoadCredential=db-key:/etc/tradevault/credentials/db-key\n' >"$dropin/10-recipient-key.conf"
    chmod 0644 "$dropin/10-recipient-key.conf"
  else
    rm -rf -- "$dropin"
  fi
}

enable_offline() {
  install -d -m 0755 "$units/$2.wants"
  ln -sfn "/etc/systemd/system/$1" "$units/$2.wants/$1"
}

install_cron_backup() {
  [[ $has_backup == yes ]] || { say "This bundle has no backup command: no backup schedule installed."; return; }
  install -d -m 0755 "$root/etc/cron.d"
  install -m 0644 -o 0 -g 0 "$dest/etc/cron.d/tradevault-backup" "$root/etc/cron.d/tradevault-backup"
  if ! command -v cron >/dev/null; then
    say "warning: cron is not installed: install it (apt-get install cron) so that backups run daily."
  fi
}

link_into_path() {
  install -d -m 0755 "$root/usr/local/bin" "$root/usr/share/bash-completion/completions" "$root/usr/local/share/man/man1"
  ln -sfn /opt/tradevault/current/bin/tradevault "$root/usr/local/bin/tradevault"
  ln -sfn /opt/tradevault/current/share/bash-completion/completions/tradevault \
    "$root/usr/share/bash-completion/completions/tradevault"
  ln -sfn /opt/tradevault/current/share/man/man1/tradevault.1 "$root/usr/local/share/man/man1/tradevault.1"
}

# Keeps this version and the one it replaced (for rollback); removes older ones.
prune_old_versions() {
  local dir name
  for dir in "$opt"/*/; do
    name=$(basename "$dir")
    [[ $name == current || $name == "$version" || $name == "$installed" ]] && continue
    [[ -x $dir/bin/tradevault ]] || continue
    rm -rf -- "$dir"
    say "Removed the old version $name"
  done
}

start_service() {
  if [[ $live_systemd != yes ]]; then return; fi
  if ! bundle_has_command run; then
    say "This bundle has no 'run' command yet: tradevault.service is enabled but not started."
    return
  fi
  systemctl start tradevault.service
  if [[ $has_backup == yes ]]; then systemctl start tradevault-backup.timer; fi
  # an enabled dashboard is restarted too, so that it runs the version just installed
  if [[ $with_dashboard == yes ]] || systemctl is-enabled --quiet tradevault-dashboard.service 2>/dev/null; then
    systemctl restart tradevault-dashboard.service
  fi
  # an enabled replicator runs the version just installed (it begins a new generation)
  if systemctl is-enabled --quiet tradevault-replicate.service 2>/dev/null; then
    systemctl restart tradevault-replicate.service
  fi
}

print_summary() {
  say ""
  say "tradevault $version is installed."
  say "  program        $opt/current -> $version"
  say "  configuration  $conf"
  say "  ledger         $data"
  say "  backups        $backups"
  say ""
  if [[ $created_key == yes ]]; then
    say "A new database key was created in $creds/db-key."
  else
    say "The database key is in $creds/db-key (kept)."
  fi
  if [[ -e $creds/backup-passphrase ]]; then say "The backup passphrase is in $creds/backup-passphrase."; fi
  say "Copy them now to a safe place away from this server (a password manager):"
  say "without the key the database and every backup of it are useless, and nobody can recover them."
  say ""
  if [[ $use_systemd == yes ]]; then
    say "Service: systemctl status tradevault; logs: journalctl -u tradevault -f"
  else
    say "Without systemd, start the bot as the service user with:"
    say "  sudo /opt/tradevault/current/libexec/as-service run"
  fi
  say "Status: sudo /opt/tradevault/current/libexec/as-service status"
  if [[ $with_dashboard == yes && $use_systemd == yes ]]; then
    say "Dashboard: tradevault-dashboard.service on 127.0.0.1:8780. From your laptop:"
    say "  ssh -N -L 8780:127.0.0.1:8780 USER@THIS-SERVER"
    say "then open http://127.0.0.1:8780/?token=TOKEN, TOKEN from: sudo cat $data/dashboard.token"
  elif [[ $with_dashboard == yes ]]; then
    say "Dashboard: without systemd, start it as the service user with:"
    say "  sudo /opt/tradevault/current/libexec/as-service dashboard"
  fi
}
