#!/bin/bash
# Checks the arm64 build (src/packaging/build.sh --arch arm64) on this x86 machine under qemu-user
# emulation, the way CI checks the amd64 image: the image's layers are unpacked and its entry point
# is started with chroot as the image's user, so the arm64 runtime, shell and C library of the
# image itself run (the kernel hands arm64 programs to qemu through binfmt_misc, registered here
# for the check when it is not already). It must say it is ready, answer /health/ready and take a
# simulated charger. The Debian package holds the same tree and is checked for its architecture
# and contents. Emulation is many times slower than a Raspberry Pi 4: the start is given up to 30
# minutes, and its time says nothing about a real Pi's.
# Needs root, qemu-user-static (Debian), curl, and target/plughome-simulator.jar.
#   src/packaging/check-arm64.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DIST=$ROOT/target/dist-arm64
W=$ROOT/target/check-arm64
say() { printf '%s %s\n' "$(date +%T)" "$*"; }
[ "$(id -u)" = 0 ] || { echo "needs root (chroot, binfmt_misc)" >&2; exit 1; }
[ -f "$DIST/plughome-image.tar" ] || { echo "run src/packaging/build.sh --arch arm64 first" >&2; exit 1; }
CONF=/usr/lib/binfmt.d/qemu-aarch64.conf
[ -f "$CONF" ] || { echo "needs qemu-user-static (apt-get install qemu-user-static)" >&2; exit 1; }

DEB=$(ls "$DIST"/plughome_*_arm64.deb)
[ "$(dpkg-deb -f "$DEB" Architecture)" = arm64 ] || { echo "$DEB is not arm64" >&2; exit 1; }
rm -rf "$W"; mkdir -p "$W/deb"
dpkg-deb -c "$DEB" > "$W/deb.list"
grep -q ' ./lib/systemd/system/plughome.service$' "$W/deb.list" || { echo "no unit in $DEB" >&2; exit 1; }
dpkg-deb -x "$DEB" "$W/deb"
file -b "$W/deb/opt/plughome/runtime/bin/java" | grep -q 'ARM aarch64' || { echo "the package's java is not arm64" >&2; exit 1; }
say "package: $(basename "$DEB"), arm64 runtime, systemd unit"

mkdir -p "$W/image" "$W/rootfs"
tar -xf "$DIST/plughome-image.tar" -C "$W/image"
CONFIG=$(grep -o '"Config":"[^"]*"' "$W/image/manifest.json" | cut -d'"' -f4)
grep -q '"architecture":"arm64"' "$W/image/$CONFIG" || { echo "the image's configuration does not say arm64" >&2; exit 1; }
for layer in $(grep -o '"Layers":\[[^]]*\]' "$W/image/manifest.json" | grep -o 'blobs/sha256/[0-9a-f]*'); do
  tar -xf "$W/image/$layer" -C "$W/rootfs" --same-owner --numeric-owner
done
IMG_ENV=$(grep -o '"Env":\[[^]]*\]' "$W/image/$CONFIG" | grep -o '"[A-Z_]*=[^"]*"' | tr -d '"' | tr '\n' ' ')
ENTRY=$(grep -o '"Entrypoint":\["[^"]*"' "$W/image/$CONFIG" | cut -d'"' -f4)
USERSPEC=$(grep -o '"User":"[^"]*"' "$W/image/$CONFIG" | cut -d'"' -f4)

registered=no mounted=no
cleanup() {
  umount "$W/rootfs/dev" "$W/rootfs/proc" 2>/dev/null || true
  [ "$registered" = yes ] && echo -1 > /proc/sys/fs/binfmt_misc/qemu-aarch64 || true
  [ "$mounted" = yes ] && umount /proc/sys/fs/binfmt_misc || true
}
trap cleanup EXIT
if [ ! -e /proc/sys/fs/binfmt_misc/register ]; then
  mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
  mounted=yes
fi
if [ ! -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ]; then
  cat "$CONF" > /proc/sys/fs/binfmt_misc/register
  registered=yes
fi
mount -t proc proc "$W/rootfs/proc"
mount --bind /dev "$W/rootfs/dev"
say "the image's java: $(chroot "$W/rootfs" /opt/plughome/runtime/bin/java -version 2>&1 | head -1)"

say "starting the image's entry point ($ENTRY) as $USERSPEC under emulation"
t0=$(date +%s)
# shellcheck disable=SC2086
env -i $IMG_ENV PORT=18490 PLUGHOME_HTTPS_PORT=18890 PLUGHOME_ADMIN_TOKEN=arm64-check-admin-token-0123456789 \
  "$(command -v chroot)" --userspec="$USERSPEC" "$W/rootfs" "$ENTRY" > "$W/console.log" 2>&1 &
pid=$!
for _ in $(seq 1 1800); do
  grep -q "is ready" "$W/console.log" && break
  kill -0 $pid 2>/dev/null || break
  sleep 1
done
grep -q "is ready" "$W/console.log" || { cat "$W/console.log"; echo "not ready" >&2; kill $pid 2>/dev/null; exit 1; }
say "ready after $(( $(date +%s) - t0 )) s under emulation; the console:"
sed 's/^/    /' "$W/console.log"
curl -fsS http://127.0.0.1:18490/health/ready | grep -q '"UP"' && say "/health/ready: UP"
java -jar "$ROOT/target/plughome-simulator.jar" --url ws://127.0.0.1:18490/ocpp --chargers 1 --prefix ARM \
  > "$W/simulator.log" 2>&1 &
sim=$!
seen=no
for _ in $(seq 1 300); do
  if curl -fsS -H "Authorization: Bearer arm64-check-admin-token-0123456789" \
      http://127.0.0.1:18490/api/v1/chargers/ARM-1 2>/dev/null | grep -q '"online":true'; then
    seen=yes; break
  fi
  sleep 1
done
kill $sim 2>/dev/null || true
[ "$seen" = yes ] || { tail -20 "$W/simulator.log"; kill $pid; echo "the simulated charger was not seen online" >&2; exit 1; }
say "a simulated charger connected and is online"
pkill -TERM -f "ws-server.jar plughome" || true
wait $pid || true
say "arm64 package and image checked under emulation"
