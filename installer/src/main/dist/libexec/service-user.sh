# shellcheck shell=bash disable=SC2154 # uid gid creds conf data service_env come from the caller
# Runs a tradevault command as the service user with the credentials of /etc/tradevault/credentials
# handed over the way systemd's LoadCredential= does: copied into a private folder named by
# CREDENTIALS_DIRECTORY, readable by the service user only, removed afterwards. Secrets never
# appear in process arguments or the environment.
# Needs: uid gid creds conf data (set by the caller).

# run_as_service CREDDIR PROGRAM ARGS...   (extra environment: the array service_env)
run_as_service() {
  local creddir=$1 program=$2
  shift 2
  mkdir -m 0700 "$creddir" || return 1
  local status=0
  copy_credentials "$creddir" && (
    cd "$data"
    umask 0077
    setpriv --reuid="$uid" --regid="$gid" --clear-groups -- \
      env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME="$data" CREDENTIALS_DIRECTORY="$creddir" \
      TRADEVAULT_CONFIG="$conf" "${service_env[@]}" "$program" "$@"
  ) || status=$?
  rm -rf -- "$creddir"
  return "$status"
}

copy_credentials() {
  local creddir=$1 file
  chown "$uid:$gid" "$creddir"
  for file in "$creds"/*; do
    [[ -f $file ]] || continue
    install -m 0400 -o "$uid" -g "$gid" "$file" "$creddir/$(basename "$file")"
  done
}

# A folder on a RAM file system when there is one, so that credentials never touch a disk.
private_run_dir() {
  local base=/run
  [[ -d $base && -w $base ]] || base=${TMPDIR:-/tmp}
  mktemp -u -p "$base" "tradevault-$1.XXXXXX"
}
