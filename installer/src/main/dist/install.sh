#!/bin/bash
# Installs (or upgrades in place) the tradevault bundle this script belongs to.
# Usage: sudo ./install.sh [--root DIR] [--no-systemd] [--backup-recipient-key FILE]
#                          [--with-dashboard] [--allow-downgrade] [--help]
# See docs/install.md. Exit codes: 0 done, 1 refused or failed (the message says why and what
# to do next), 2 bad usage.
set -euo pipefail
umask 022
# sudo and cron may give a PATH without the sbin folders, where useradd lives.
PATH=$PATH:/usr/sbin:/sbin

bundle=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
# shellcheck source=SCRIPTDIR/libexec/install-steps.sh
. "$bundle/libexec/install-steps.sh"
# shellcheck source=SCRIPTDIR/libexec/install-checks.sh
. "$bundle/libexec/install-checks.sh"

usage() {
  cat <<'EOF'
Usage: sudo ./install.sh [OPTIONS]
Installs tradevault as a systemd service, or upgrades the installed one in place
(keeps configuration, keys, ledger and backups; backs up before migrating).

  --root DIR                   install into the staging root DIR; touches nothing on this host
  --no-systemd                 do not install systemd units: schedule backups with cron instead
  --backup-recipient-key FILE  encrypt backups to this OpenPGP public key instead of a passphrase
  --with-dashboard             enable and start tradevault-dashboard.service (read-only web dashboard
                               on 127.0.0.1:8780, reached through an SSH tunnel; see docs/dashboard.md)
  --allow-downgrade            allow installing a version older than the installed one
  -h, --help                   show this help
EOF
}

root=""
use_systemd=auto
recipient_key=""
allow_downgrade=no
with_dashboard=no
while (($#)); do
  case "$1" in
    --root) (($# >= 2)) || bad_usage "--root needs a folder"; root=$(readlink -m "$2"); shift 2 ;;
    --no-systemd) use_systemd=no; shift ;;
    --backup-recipient-key)
      (($# >= 2)) || bad_usage "--backup-recipient-key needs a file"; recipient_key=$2; shift 2 ;;
    --allow-downgrade) allow_downgrade=yes; shift ;;
    --with-dashboard) with_dashboard=yes; shift ;;
    -h | --help) usage; exit 0 ;;
    *) bad_usage "unknown option '$1'" ;;
  esac
done

version=$(cat "$bundle/VERSION")
check_preconditions
decide_systemd
installed=$(installed_version)
check_version_order
check_disk_space
if [[ -n $recipient_key ]]; then
  check_recipient_key "$recipient_key"
fi

say "Installing tradevault $version into ${root:-/}${installed:+ (upgrading from $installed)}"
ensure_service_user
ensure_directories
ensure_configuration
ensure_credentials
if [[ -n $installed ]]; then
  stop_running_instance
  backup_before_upgrade
fi
install_program
run_setup_db
if [[ $use_systemd == yes ]]; then
  install_units
else
  install_cron_backup
fi
link_into_path
prune_old_versions
start_service
print_summary
