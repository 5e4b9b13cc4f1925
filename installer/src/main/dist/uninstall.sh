#!/bin/bash
# Removes tradevault: stops and disables its units, removes the program, the cron entry and the
# links. Keeps the ledger, the key, the configuration, the backups and the service user unless
# --purge is given (which asks first, or takes --yes). See docs/install.md.
# Exit codes: 0 done, 1 refused or failed, 2 bad usage.
set -euo pipefail
PATH=$PATH:/usr/sbin:/sbin

usage() {
  cat <<'EOF'
Usage: sudo ./uninstall.sh [--purge [--yes]] [--root DIR]
Removes the tradevault program and its units. Keeps /var/lib/tradevault (ledger),
/etc/tradevault (configuration and keys), /var/backups/tradevault and the user tradevault.

  --purge     also delete the ledger, the keys, the configuration, the backups and the user
  --yes       do not ask before purging (for scripts)
  --root DIR  uninstall from the staging root DIR
  -h, --help  show this help
EOF
}

fail() {
  printf 'uninstall.sh: error: %s\n' "$1" >&2
  if [[ -n ${2:-} ]]; then printf 'next: %s\n' "$2" >&2; fi
  exit 1
}

root=""
purge=no
yes=no
while (($#)); do
  case "$1" in
    --purge) purge=yes; shift ;;
    --yes) yes=yes; shift ;;
    --root)
      (($# >= 2)) || { echo "uninstall.sh: error: --root needs a folder" >&2; exit 2; }
      root=$(readlink -m "$2"); shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) printf 'uninstall.sh: error: unknown option %s\nnext: see ./uninstall.sh --help\n' "$1" >&2; exit 2 ;;
  esac
done
if [[ $(id -u) -ne 0 ]]; then
  fail "uninstall.sh must run as root" "run: sudo $0"
fi

units=$root/etc/systemd/system
live_systemd=no
if [[ -z $root && -d /run/systemd/system ]] && command -v systemctl >/dev/null; then live_systemd=yes; fi

confirm_purge() {
  [[ $purge == yes && $yes == no ]] || return 0
  if [[ ! -t 0 ]]; then
    fail "--purge deletes the ledger, the keys and every backup, and there is no terminal to confirm it" \
      "run it from a terminal, or add --yes if you are sure"
  fi
  echo "This deletes for good: $root/var/lib/tradevault (the ledger), $root/etc/tradevault (configuration and"
  echo "keys), $root/var/backups/tradevault (every backup) and the user tradevault."
  read -r -p "Type 'purge' to go on: " answer
  [[ $answer == purge ]] || fail "purge not confirmed; nothing was deleted" "run it again and type 'purge', or leave out --purge"
}

stop_units() {
  if [[ $live_systemd == yes ]]; then
    systemctl disable --now tradevault-replicate.service tradevault-dashboard.service tradevault-backup.timer tradevault.service >/dev/null 2>&1 || true
    systemctl stop tradevault-backup.service >/dev/null 2>&1 || true
  fi
  rm -f "$units/multi-user.target.wants/tradevault.service" "$units/timers.target.wants/tradevault-backup.timer"
  rm -f "$units/multi-user.target.wants/tradevault-dashboard.service" "$units/tradevault-dashboard.service"
  rm -f "$units/multi-user.target.wants/tradevault-replicate.service" "$units/tradevault-replicate.service"
  rm -f "$units/tradevault.service" "$units/tradevault-backup.service" "$units/tradevault-backup.timer" \
    "$units/tradevault-alert@.service"
  rm -rf "$units/tradevault-backup.service.d"
  if [[ $live_systemd == yes ]]; then systemctl daemon-reload; fi
}

remove_program() {
  local exe proc
  for proc in /proc/[0-9]*; do
    exe=$(readlink "$proc/exe" 2>/dev/null) || continue
    if [[ $exe == "$root/opt/tradevault/"* ]]; then
      fail "tradevault is still running (PID ${proc#/proc/}); nothing was removed" "stop it first (kill ${proc#/proc/}) and run uninstall.sh again"
    fi
  done
  rm -f "$root/etc/cron.d/tradevault-backup" "$root/usr/local/bin/tradevault" \
    "$root/usr/share/bash-completion/completions/tradevault" "$root/usr/local/share/man/man1/tradevault.1"
  rm -rf "$root/opt/tradevault"
  echo "Removed the program ($root/opt/tradevault), its units, cron entry and links."
}

purge_data() {
  rm -rf "$root/var/lib/tradevault" "$root/etc/tradevault" "$root/var/backups/tradevault"
  if [[ -n $root ]]; then
    if grep -q '^tradevault:' "$root/etc/passwd" 2>/dev/null; then userdel --prefix "$root" tradevault; fi
  elif getent passwd tradevault >/dev/null; then
    userdel tradevault
  fi
  echo "Purged the ledger, the keys, the configuration, the backups and the user tradevault."
}

confirm_purge
stop_units
remove_program
if [[ $purge == yes ]]; then
  purge_data
else
  echo "Kept: $root/var/lib/tradevault (ledger), $root/etc/tradevault (configuration and keys),"
  echo "      $root/var/backups/tradevault (backups) and the user tradevault."
  echo "Installing again picks them up; 'uninstall.sh --purge' deletes them."
fi
