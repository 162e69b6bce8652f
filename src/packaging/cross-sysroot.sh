#!/bin/bash
# Fetches what building PlugHome for another CPU needs, from Debian's own packages, into
# target/cross/<arch>/: that architecture's JDK (its jmods, for jlink to make the bundled
# runtime) and a minimal root (C library, zlib, libstdc++, dash) for the container image's base
# layer and for running it under qemu-user. Needs root (dpkg --add-architecture, apt-get update).
#   src/packaging/cross-sysroot.sh [arm64]
set -euo pipefail
ARCH=${1:-arm64}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$ROOT/target/cross/$ARCH
if [ -d "$OUT/jdk/jmods" ] && [ -x "$OUT/sysroot/bin/dash" ]; then
  exit 0
fi
[ "$(id -u)" = 0 ] || { echo "fetching $ARCH packages needs root (dpkg --add-architecture $ARCH)" >&2; exit 1; }
added=no
if ! dpkg --print-foreign-architectures | grep -qx "$ARCH"; then
  dpkg --add-architecture "$ARCH"
  added=yes
fi
# the machine's own architecture list is left as it was, whatever happens below
trap '[ "$added" = yes ] && dpkg --remove-architecture "$ARCH" 2>/dev/null || true' EXIT
apt-get update -q > /dev/null
rm -rf "$OUT"
mkdir -p "$OUT/debs" "$OUT/sysroot"
(cd "$OUT/debs" && apt-get download -q -o APT::Sandbox::User=root \
  "openjdk-17-jdk-headless:$ARCH" "openjdk-17-jre-headless:$ARCH" "libc6:$ARCH" "zlib1g:$ARCH" \
  "libgcc-s1:$ARCH" "libstdc++6:$ARCH" "dash:$ARCH" > /dev/null)
for deb in "$OUT"/debs/*.deb; do
  dpkg-deb -x "$deb" "$OUT/sysroot"
done
ln -s "sysroot/usr/lib/jvm/java-17-openjdk-$ARCH" "$OUT/jdk"
[ -d "$OUT/jdk/jmods" ] || { echo "no jmods in openjdk-17-jdk-headless:$ARCH" >&2; exit 1; }
echo "$ARCH: $(sed -n 's/^JAVA_VERSION=//p' "$OUT/jdk/release" | tr -d '"') and a base root in $OUT"
