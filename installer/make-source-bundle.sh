#!/bin/bash
# Makes the archive the seller ships: installer/target/tradevault-<version>-src.tar.gz, the
# source tree without build output, with SHA256SUMS inside (one line per file) and
# tradevault-<version>-src.tar.gz.sha256 beside it. Run from anywhere: installer/make-source-bundle.sh
set -euo pipefail
src=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
version=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$src/pom.xml" | head -n 1)
name=tradevault-$version-src
out=$src/installer/target
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

list_files() {
  if git -C "$src" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git -C "$src" ls-files --cached --others --exclude-standard
  else
    (cd "$src" && find . -type f ! -path '*/target/*' ! -path './.git/*' ! -path './data/*' | sed 's:^\./::')
  fi
}

mkdir -p "$work/$name" "$out"
list_files | sort | while IFS= read -r file; do
  [[ -f $src/$file ]] || continue
  mkdir -p "$work/$name/$(dirname "$file")"
  cp -p "$src/$file" "$work/$name/$file"
done
(cd "$work/$name" && find . -type f | sed 's:^\./::' | sort | xargs -d '\n' sha256sum) >"$work/SHA256SUMS"
mv "$work/SHA256SUMS" "$work/$name/SHA256SUMS"
tar -C "$work" --owner=0 --group=0 --numeric-owner --sort=name -czf "$out/$name.tar.gz" "$name"
(cd "$out" && sha256sum "$name.tar.gz" >"$name.tar.gz.sha256")
echo "$out/$name.tar.gz"
echo "check it with: cd $out && sha256sum -c $name.tar.gz.sha256; inside: sha256sum -c SHA256SUMS"
