#!/bin/bash
# The one install command of the source bundle: builds the bundle first when there is no
# prebuilt image (needs JDK 17+ with jmods, and Maven), then runs its installer with the same
# options. Usage: sudo ./install.sh [OPTIONS]   (options: see docs/install.md)
set -euo pipefail
src=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
image=$src/installer/target/tradevault

fail() {
  printf 'install.sh: error: %s\n' "$1" >&2
  if [[ -n ${2:-} ]]; then printf 'next: %s\n' "$2" >&2; fi
  exit 1
}

# Prints what the build needs and this host lacks, one line each.
missing_build_tools() {
  local javac java_home major
  javac=$(command -v javac || true)
  if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/javac ]]; then javac=$JAVA_HOME/bin/javac; fi
  if [[ -z $javac ]]; then
    echo "JDK 17: no javac on the PATH or in \$JAVA_HOME (Debian/Ubuntu: apt-get install openjdk-17-jdk-headless)"
  else
    java_home=$(dirname "$(dirname "$(readlink -f "$javac")")")
    major=$("$javac" -version 2>&1 | sed -n 's/^javac \([0-9]*\).*/\1/p')
    if [[ -z $major || $major -lt 17 ]]; then
      echo "JDK 17: $javac is version ${major:-unknown}, 17 or newer is needed (apt-get install openjdk-17-jdk-headless; set JAVA_HOME to it)"
    elif [[ ! -x $java_home/bin/jlink || ! -e $java_home/jmods/java.base.jmod ]]; then
      echo "JDK 17 jmods: $java_home has no jlink or no jmods folder (apt-get install openjdk-17-jdk-headless, and openjdk-17-jmods where that package exists)"
    fi
  fi
  command -v mvn >/dev/null || echo "Maven 3.8+: no mvn on the PATH (Debian/Ubuntu: apt-get install maven)"
}

build() {
  echo "No prebuilt image in $image: building it from source first."
  local missing
  missing=$(missing_build_tools)
  if [[ -n $missing ]]; then
    printf 'install.sh: error: cannot build the bundle; missing:\n' >&2
    local line
    while IFS= read -r line; do printf '  - %s\n' "$line" >&2; done <<<"$missing"
    printf 'next: install what is listed above and run install.sh again (or unpack the prebuilt tradevault-*-linux-x64.tar.gz)\n' >&2
    exit 1
  fi
  (cd "$src" && mvn -B -q -Dstyle.color=never package -DskipTests) || fail "the build failed (see above)" \
    "fix what it names (a first build needs access to Maven Central), then run install.sh again"
}

if [[ $(uname -m) != x86_64 ]]; then
  fail "unsupported architecture $(uname -m): the bundle is built for x86_64 (linux-x64) only" "install on an x86_64 (amd64) server"
fi
if [[ ! -x $image/install.sh && ${1:-} =~ ^(-h|--help)$ ]]; then
  echo "Usage: sudo ./install.sh [OPTIONS]: builds the bundle (JDK 17 and Maven needed) when there is no"
  echo "prebuilt image in $image, then installs it. Options: see docs/install.md."
  exit 0
fi
if [[ ! -x $image/install.sh ]]; then
  if [[ $(id -u) -ne 0 ]]; then fail "install.sh must run as root" "run: sudo $0 $*"; fi
  build
fi
exec "$image/install.sh" "$@"
