#!/bin/bash
# Builds PlugHome's installable forms from target/plughome.jar (run `mvn package` first):
#
#   target/dist/home/opt/plughome/   the unpacked server, a bundled Java runtime and bin/plughome
#   target/dist/plughome_<version>_<arch>.deb
#                                    Debian package: /opt/plughome, a systemd unit running as the
#                                    user plughome, settings in /etc/default/plughome
#   target/dist/plughome-image.tar   container image (OCI layout and docker-archive in one tar:
#                                    `podman load -i` or `docker load -i`), made without a daemon
#                                    from this machine's Debian files: no registry is needed
#
# Needs what every Debian machine with a JDK has: bash, tar, sha256sum, dpkg-deb, and jlink with
# the JDK's jmods (Debian: openjdk-17-jdk-headless brings them; without them the package and the
# image use the machine's `java` and say so).
#
# --arch arm64 builds for a Raspberry Pi 4 (or any 64-bit ARM Linux) on this machine, into
# target/dist-arm64/: the runtime is linked by this machine's jlink from Debian's arm64 JDK and
# the image's base layer is Debian's arm64 C library and dash, both fetched by
# src/packaging/cross-sysroot.sh (root, once). src/packaging/check-arm64.sh then starts the result
# under qemu-user.
#   src/packaging/build.sh [--no-image] [--no-deb] [--arch ARCH]
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TARGET=$ROOT/target
DIST=$TARGET/dist
JAR=$TARGET/plughome.jar
WANT_IMAGE=yes
WANT_DEB=yes
HOST_ARCH=$(dpkg --print-architecture 2>/dev/null || echo amd64)
ARCH=$HOST_ARCH
while [ $# -gt 0 ]; do
  case "$1" in
    --no-image) WANT_IMAGE=no ;;
    --no-deb) WANT_DEB=no ;;
    --arch) ARCH=${2:?--arch needs an architecture, e.g. arm64}; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
[ -f "$JAR" ] || { echo "No $JAR: run mvn package first" >&2; exit 1; }

VERSION=$(sed -n 's/^version=//p' "$TARGET/classes/io/plughome/platform/build.properties" 2>/dev/null || true)
VERSION=${VERSION:-0.0.0}
DEB_VERSION=${VERSION//-/\~}
JAVA_BIN=$(readlink -f "$(command -v java)")
JDK=${JDK_HOME:-${JAVA_HOME:-$(dirname "$(dirname "$JAVA_BIN")")}}
step() { printf '%s %s\n' "$(date +%T)" "$*"; }
JMODS=$JDK/jmods
STRIP=--strip-debug
SYSROOT=
if [ "$ARCH" != "$HOST_ARCH" ]; then
  DIST=$TARGET/dist-$ARCH
  step "fetching Debian's $ARCH JDK and C library"
  "$ROOT/src/packaging/cross-sysroot.sh" "$ARCH"
  JMODS=$TARGET/cross/$ARCH/jdk/jmods
  SYSROOT=$TARGET/cross/$ARCH/sysroot
  # this machine's objcopy cannot strip another CPU's libraries; the Java debug attributes go
  STRIP=--strip-java-debug-attributes
fi

rm -rf "$DIST"
HOME_DIR=$DIST/home/opt/plughome
mkdir -p "$HOME_DIR/bin"

step "unpacking the server"
(cd "$HOME_DIR" && "$JDK/bin/jar" xf "$JAR" wlp)
chmod -R u+rwX,go+rX,go-w "$HOME_DIR/wlp"
chmod 755 "$HOME_DIR"/wlp/bin/server "$HOME_DIR"/wlp/bin/tools/*.jar 2>/dev/null || true
rm -rf "$HOME_DIR"/wlp/usr/servers/plughome/{logs,workarea,tranlog}
# the runnable jar's own JVM options are the launcher's business here
rm -f "$HOME_DIR/wlp/usr/servers/plughome/jvm.options"
install -m 755 "$ROOT/src/packaging/plughome" "$HOME_DIR/bin/plughome"

RUNTIME=none
if [ -d "$JMODS" ]; then
  step "making the Java runtime (jlink)"
  MODULES=java.base,java.compiler,java.datatransfer,java.desktop,java.instrument,java.logging,java.management
  MODULES=$MODULES,java.management.rmi,java.naming,java.net.http,java.prefs,java.rmi,java.scripting
  MODULES=$MODULES,java.security.jgss,java.security.sasl,java.sql,java.sql.rowset,java.transaction.xa,java.xml
  MODULES=$MODULES,java.xml.crypto,jdk.attach,jdk.charsets,jdk.crypto.cryptoki,jdk.crypto.ec,jdk.httpserver
  MODULES=$MODULES,jdk.management,jdk.management.agent,jdk.naming.dns,jdk.naming.rmi,jdk.net,jdk.security.auth
  MODULES=$MODULES,jdk.unsupported,jdk.zipfs
  # Liberty's java9.options exports from jdk.management.agent, which a linked runtime leaves out
  # of the boot layer unless asked: without this every start printed "Unknown module" first
  # (the leading space keeps jlink from reading the value as an option of its own)
  "$JDK/bin/jlink" --module-path "$JMODS" --add-modules "$MODULES" --output "$HOME_DIR/runtime" \
    "$STRIP" --no-man-pages --no-header-files --add-options " --add-modules=jdk.management.agent"
  RUNTIME=bundled
else
  [ -z "$SYSROOT" ] || { echo "no $ARCH jmods in $JMODS" >&2; exit 1; }
  echo "NOTE: $JDK has no jmods: no Java runtime is bundled; the package needs openjdk-17-jre-headless"
fi

if [ "$WANT_DEB" = yes ]; then
  step "making the Debian package"
  STAGE=$DIST/deb
  mkdir -p "$STAGE/opt" "$STAGE/DEBIAN" "$STAGE/lib/systemd/system" "$STAGE/etc/default" "$STAGE/usr/bin" \
    "$STAGE/usr/share/doc/plughome"
  cp -al "$HOME_DIR" "$STAGE/opt/plughome"
  install -m 644 "$ROOT/src/packaging/plughome.service" "$STAGE/lib/systemd/system/plughome.service"
  install -m 644 "$ROOT/src/packaging/default" "$STAGE/etc/default/plughome"
  ln -s /opt/plughome/bin/plughome "$STAGE/usr/bin/plughome"
  install -m 644 "$ROOT/README.md" "$ROOT/docs/configuration.md" "$STAGE/usr/share/doc/plughome/"
  install -m 755 "$ROOT"/src/packaging/deb/{postinst,prerm,postrm} "$STAGE/DEBIAN/"
  echo /etc/default/plughome > "$STAGE/DEBIAN/conffiles"
  DEPENDS="libc6, passwd"
  [ "$RUNTIME" = bundled ] || DEPENDS="$DEPENDS, openjdk-17-jre-headless"
  SIZE=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
  cat > "$STAGE/DEBIAN/control" <<EOF
Package: plughome
Version: $DEB_VERSION
Architecture: $ARCH
Maintainer: PlugHome developers <plughome@localhost>
Installed-Size: $SIZE
Depends: $DEPENDS
Section: net
Priority: optional
Homepage: https://github.com/plughome/plughome
Description: local-first EV charger management (OCPP 1.6J and 2.0.1)
 PlugHome is the server your EV chargers connect to over OCPP instead of a vendor
 cloud: a dashboard, an API, Home Assistant through MQTT discovery, smart charging.
 Runs as the service plughome (settings: /etc/default/plughome, data: /var/lib/plughome).
EOF
  dpkg-deb --root-owner-group -Zgzip -z1 --build "$STAGE" "$DIST/plughome_${DEB_VERSION}_${ARCH}.deb" >/dev/null
  rm -rf "$STAGE"
fi

if [ "$WANT_IMAGE" = yes ]; then
  step "making the container image"
  IMG=$DIST/image
  BASE=$IMG/base
  mkdir -p "$BASE"/{bin,etc,tmp,data,opt,proc,sys,dev}
  # /bin/sh for the launcher, and the C libraries the runtime and the shell load.
  JAVA_FOR_IMAGE=$HOME_DIR/runtime
  [ "$RUNTIME" = bundled ] || { echo "the image needs the bundled runtime (jmods)" >&2; exit 1; }
  if [ -z "$SYSROOT" ]; then
    cp -L /bin/dash "$BASE/bin/sh"
    LIBS=$( { ldd /bin/dash; find "$JAVA_FOR_IMAGE" -name '*.so' -exec ldd {} \; ; ldd "$JAVA_FOR_IMAGE/bin/java"; } 2>/dev/null \
      | awk '/=> \// {print $3} /^\t\/[^ ]+ \(/ {print $1}' | sort -u)
    for extra in /lib/*-linux-gnu/libnss_files.so.2 /lib/*-linux-gnu/libnss_dns.so.2 /lib/*-linux-gnu/libresolv.so.2; do
      [ -e "$extra" ] && LIBS="$LIBS $extra"
    done
  else
    # another CPU's files cannot be run here to ask ldd: follow their NEEDED entries in the root
    cp -L "$SYSROOT/bin/dash" "$BASE/bin/sh"
    LIBS=""
    # (the runtime's X11, font, image, colour, sound and splash-screen libraries, which need
    # Debian's X11, freetype, jpeg, lcms2 and alsa, are never loaded by a headless server)
    todo=$( { echo "$BASE/bin/sh"; echo "$JAVA_FOR_IMAGE/bin/java"; find "$JAVA_FOR_IMAGE" -name '*.so' \
      ! -name libawt_xawt.so ! -name libsplashscreen.so ! -name libjsound.so ! -name libfontmanager.so \
      ! -name libjavajpeg.so ! -name liblcms.so; } )
    seen=" "
    while [ -n "$todo" ]; do
      next=""
      for f in $todo; do
        for need in $(readelf -d "$f" 2>/dev/null | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
          case "$seen" in *" $need "*) continue ;; esac
          seen="$seen$need "
          [ -e "$JAVA_FOR_IMAGE/lib/$need" ] || [ -e "$JAVA_FOR_IMAGE/lib/server/$need" ] && continue
          found=$(find "$SYSROOT/lib" "$SYSROOT/usr/lib" -maxdepth 2 -name "$need" 2>/dev/null | head -1)
          [ -n "$found" ] || { echo "$need, needed by $f, is not in $SYSROOT" >&2; exit 1; }
          LIBS="$LIBS ${found#"$SYSROOT"}"
          next="$next $found"
        done
      done
      todo=$next
    done
    for f in "$SYSROOT"/lib/ld-linux-*.so.* "$SYSROOT"/lib/*-linux-gnu/libnss_files.so.2 \
      "$SYSROOT"/lib/*-linux-gnu/libnss_dns.so.2 "$SYSROOT"/lib/*-linux-gnu/libresolv.so.2; do
      [ -e "$f" ] && LIBS="$LIBS ${f#"$SYSROOT"}"
    done
  fi
  for lib in $LIBS; do
    case "$lib" in "$JAVA_FOR_IMAGE"/*) continue ;; esac
    src=$SYSROOT$lib
    mkdir -p "$BASE$(dirname "$lib")"
    cp -L "$src" "$BASE$lib"
    # the loader is looked for under /lib64 on amd64 and under /lib on arm64; keep both names
    if [ -z "$SYSROOT" ]; then
      real=$(readlink -f "$lib")
      if [ "$real" != "$lib" ] && [ ! -e "$BASE$real" ]; then mkdir -p "$BASE$(dirname "$real")"; cp -L "$lib" "$BASE$real"; fi
    fi
  done
  [ -e /lib64 ] && [ ! -e "$BASE/lib64" ] && mkdir -p "$BASE/lib64"
  printf 'root:x:0:0:root:/root:/bin/sh\nplughome:x:10001:10001:PlugHome:/data:/bin/sh\n' > "$BASE/etc/passwd"
  printf 'root:x:0:\nplughome:x:10001:\n' > "$BASE/etc/group"
  printf 'hosts: files dns\n' > "$BASE/etc/nsswitch.conf"
  printf '127.0.0.1 localhost\n::1 localhost\n' > "$BASE/etc/hosts"
  chmod 1777 "$BASE/tmp"
  chmod 700 "$BASE/data"

  TAR_OPTS=(--sort=name --mtime=@0 --numeric-owner --owner=0 --group=0 --format=posix
            --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime)
  # layer 1: the base (the data folder belongs to the user PlugHome runs as)
  tar -C "$BASE" "${TAR_OPTS[@]}" --exclude=./data -cf "$IMG/base.tar" .
  tar -C "$BASE" --sort=name --mtime=@0 --numeric-owner --owner=10001 --group=10001 --format=posix \
    --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime --no-recursion -rf "$IMG/base.tar" ./data
  # layer 2: PlugHome
  tar -C "$DIST/home" "${TAR_OPTS[@]}" -cf "$IMG/app.tar" ./opt

  mkdir -p "$IMG/out/blobs/sha256"
  blob() { # file -> moves it into blobs, prints its hex digest
    local d; d=$(sha256sum "$1" | cut -d' ' -f1); mv "$1" "$IMG/out/blobs/sha256/$d"; echo "$d"; }
  BASE_D=$(blob "$IMG/base.tar"); APP_D=$(blob "$IMG/app.tar")
  BASE_S=$(stat -c %s "$IMG/out/blobs/sha256/$BASE_D"); APP_S=$(stat -c %s "$IMG/out/blobs/sha256/$APP_D")
  GOARCH=$ARCH
  cat > "$IMG/config.json" <<EOF
{"architecture":"$GOARCH","os":"linux","config":{"User":"10001:10001","Env":["PATH=/opt/plughome/runtime/bin:/bin","PLUGHOME_HOME=/opt/plughome","PLUGHOME_DATA_DIR=/data"],"Entrypoint":["/opt/plughome/bin/plughome"],"WorkingDir":"/data","ExposedPorts":{"8080/tcp":{},"8443/tcp":{}},"Volumes":{"/data":{}},"Labels":{"org.opencontainers.image.title":"PlugHome","org.opencontainers.image.version":"$VERSION"}},"rootfs":{"type":"layers","diff_ids":["sha256:$BASE_D","sha256:$APP_D"]},"history":[{"created_by":"src/packaging/build.sh: C libraries and /bin/sh from this machine's Debian"},{"created_by":"src/packaging/build.sh: PlugHome $VERSION and its Java runtime"}]}
EOF
  CONF_D=$(blob "$IMG/config.json"); CONF_S=$(stat -c %s "$IMG/out/blobs/sha256/$CONF_D")
  cat > "$IMG/manifest.oci.json" <<EOF
{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:$CONF_D","size":$CONF_S},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"sha256:$BASE_D","size":$BASE_S},{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"sha256:$APP_D","size":$APP_S}]}
EOF
  MAN_S=$(stat -c %s "$IMG/manifest.oci.json"); MAN_D=$(blob "$IMG/manifest.oci.json")
  cat > "$IMG/out/index.json" <<EOF
{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:$MAN_D","size":$MAN_S,"annotations":{"io.containerd.image.name":"localhost/plughome:latest","org.opencontainers.image.ref.name":"latest"}}]}
EOF
  echo '{"imageLayoutVersion":"1.0.0"}' > "$IMG/out/oci-layout"
  cat > "$IMG/out/manifest.json" <<EOF
[{"Config":"blobs/sha256/$CONF_D","RepoTags":["localhost/plughome:latest","localhost/plughome:$VERSION"],"Layers":["blobs/sha256/$BASE_D","blobs/sha256/$APP_D"]}]
EOF
  tar -C "$IMG/out" --sort=name --mtime=@0 --numeric-owner --owner=0 --group=0 -cf "$DIST/plughome-image.tar" .
  rm -rf "$IMG"
fi

step "done"
ls -la "$DIST" | sed 1d
echo "Java runtime: $RUNTIME (from $JMODS); architecture: $ARCH; version: $VERSION"
