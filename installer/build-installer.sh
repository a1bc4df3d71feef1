#!/usr/bin/env bash
# Builds the installers for the system it runs on (called by `mvn -Pinstaller package`, see installer/pom.xml):
#   1. jdeps finds the JDK modules the runtime jars use; jlink makes a runtime of only those.
#   2. jpackage makes the installers (.deb/.rpm on Linux, .dmg/.pkg on macOS, .msi on Windows) with two launchers:
#      "Arcrun Desktop" (GUI) and "arcrun" (CLI), into target/installer/ at the top of the repository.
# INSTALLER_TYPES="deb" (say) builds only those types. Usage: build-installer.sh TOP VERSION BUILD_DIR
set -euo pipefail
top=$(cd "$1" && pwd); version=$2; build=$3
input="$build/input"; res="$top/installer-resources"; out="$top/target/installer"
bin() { # a JDK tool: JAVA_HOME's (./dev and setup-java set it), else PATH's
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/$1" -o -x "$JAVA_HOME/bin/$1.exe" ]; then echo "$JAVA_HOME/bin/$1"; else command -v "$1"; fi
}
# jpackage wants N[.N[.N]]: 0.1.0-SNAPSHOT ships as 0.1.0.
appVersion=${version%%-*}
name="Arcrun Desktop"
vendor="Arcrun"
description="Install and run the arcrun engine on Cloudflare or on this computer."
# Stable for ever: Windows Installer uses it to replace an older .msi with a newer one instead of installing twice.
upgradeUuid="6f0c1f3e-2b7a-4c55-9a3e-8d3b7a1c2e90"

case "$(uname -s)" in
  Linux) os=linux; types=(deb); command -v rpmbuild >/dev/null 2>&1 && types+=(rpm) ;;
  Darwin) os=macos; types=(dmg pkg) ;;
  MINGW*|MSYS*|CYGWIN*) os=windows; types=(msi) ;;
  *) echo "build-installer: no installer type for $(uname -s)" >&2; exit 1 ;;
esac
[ -n "${INSTALLER_TYPES:-}" ] && read -r -a types <<< "$INSTALLER_TYPES"

# The empty javafx-*.jar stubs (the per-platform jars carry the classes) only add noise.
find "$input" -name 'javafx-*-[0-9]*.[0-9].jar' ! -name '*-linux*' ! -name '*-mac*' ! -name '*-win*' -size -2k -delete
# JavaFX's native libraries ship unpacked beside its jars: JavaFX loads them from the folder of its jar first, and
# only when they are absent there does it copy them out of the jar into ~/.openjfx/cache, on every user's first start
# (that copy made the first window 1.8x slower than a bare one). Windows looks in ../bin instead, so its launcher
# names the folder (java.library.path, below).
natives_beside() { # JAR DIR: the native libraries at the root of JAR, into DIR
  local names; names=$("$(bin jar)" tf "$1" | tr -d '\r' | grep -E '^[^/]+\.(so|dylib|dll)$' || true)
  [ -z "$names" ] && return 0
  (cd "$2" && "$(bin jar)" xf "$1" $names)
}
# Jars stored, not deflated: the installer's own xz then compresses everything together, to half the size
# (and the class loader skips inflating). Needs zip/unzip; without them the jars ship as they are, and JavaFX's
# native libraries twice (in the jar and beside it).
stored="$build/input-stored"; rm -rf "$stored"; mkdir -p "$stored"
for jar in "$input"/*.jar; do
  case "$(basename "$jar")" in javafx-*) natives_beside "$jar" "$stored" ;; esac
  if command -v zip >/dev/null 2>&1 && command -v unzip >/dev/null 2>&1; then
    tmp=$(mktemp -d)
    (cd "$tmp" && unzip -q "$jar" && case "$(basename "$jar")" in javafx-*) rm -f ./*.so ./*.dylib ./*.dll ;; esac \
      && zip -q -0 -X -r "$stored/$(basename "$jar")" .)
    rm -rf "$tmp"
  else
    cp "$jar" "$stored/"
  fi
done
input="$stored"
mainJar=$(cd "$input" && ls arcrun-app-*.jar)
if ls "$input" | grep -E -i '(testkit|junit|assertj|testfx|monocle|swagger|archunit)'; then
  echo "build-installer: a test jar reached $input (above): it must not ship" >&2; exit 1
fi

# 1. runtime: the modules jdeps finds, plus what only reflection or service loading reaches
#    (jdk.crypto.cryptoki is not needed: HTTPS to Cloudflare and the npm registry uses java.base's providers).
sep=":"; [ "$os" = windows ] && sep=";"
cp=$(find "$input" -name '*.jar' | sort | tr '\n' "$sep")
modules=$("$(bin jdeps)" -q --ignore-missing-deps --multi-release 25 --print-module-deps --class-path "$cp" "$input"/*.jar)
modules="$modules,jdk.localedata,jdk.charsets,jdk.zipfs,jdk.unsupported"
echo "build-installer: runtime modules $modules"
rm -rf "$build/runtime"
# No --compress: the installer's xz compresses the plain modules file to less than jlink's zip does.
"$(bin jlink)" --add-modules "$modules" --output "$build/runtime" --strip-debug --no-man-pages --no-header-files \
  --include-locales=en
# libjvm.so keeps a 5 MB symbol table nobody uses at run time.
if [ "$os" = linux ] && command -v strip >/dev/null 2>&1; then
  chmod u+w "$build/runtime/lib/server/libjvm.so" && strip --strip-unneeded "$build/runtime/lib/server/libjvm.so"
fi

# 2. installers
mkdir -p "$out"
meta=(--name "$name" --app-version "$appVersion" --vendor "$vendor" --description "$description"
  --copyright "Copyright the Arcrun authors")
app=(--input "$input" --main-jar "$mainJar" --main-class dev.arcrun.app.Launcher --runtime-image "$build/runtime"
  --java-options --enable-native-access=ALL-UNNAMED
  # C1 only, like the CLI: on a 2-core laptop C2's compiler threads take the CPU the first window needs (first window
  # 8.7 s -> 5.1 s under load, bench/launch); the app's hot work runs in child processes (node, wrangler), not here.
  --java-options -XX:TieredStopAtLevel=1
  --add-launcher "arcrun=$res/cli-launcher.properties")
common=("${meta[@]}" --license-file "$top/LICENSE" "${app[@]}" --dest "$out")

# Writes a POSIX sh launcher from a jpackage .cfg: CFG OUT. jpackage's Linux native launcher runs `rpm -qf` and
# `dpkg -S` (then `dpkg -L`/`rpm -ql`) on every start to find which package owns it, whatever its .cfg says
# (jdk.jpackage's LinuxPackage.c, getJvmLauncherLibPath): 0.3-0.7 s before the JVM starts, for the GUI and for
# every `arcrun` command, and rpm creates ~/.rpmdb in the user's home. The script execs the bundled runtime with
# the same options and classpath instead.
shell_launcher() {
  local cfg=$1 out=$2 main cp opts="" line
  main=$(sed -n 's/^app.mainclass=//p' "$cfg")
  cp=$(sed -n 's/^app.classpath=//p' "$cfg" | tr '\n' ':' | sed 's/:$//')
  [ -n "$main" ] && [ -n "$cp" ] || { echo "build-installer: no main class or classpath in $cfg" >&2; return 1; }
  q() { # a word for inside a double-quoted sh string; the .cfg's $APPDIR, $BINDIR and $ROOTDIR stay variables
    printf '%s' "$1" | sed -e 's/[\\"`$]/\\&/g' -e 's/\\\$\(APPDIR\|BINDIR\|ROOTDIR\)/$\1/g'
  }
  while IFS= read -r line; do opts="$opts \"$(q "$line")\""; done < <(sed -n 's/^java-options=//p' "$cfg")
  {
    echo '#!/bin/sh'
    echo "# $(basename "$cfg" .cfg): the bundled runtime with the options and classpath of lib/app/$(basename "$cfg"),"
    echo "# written by installer/build-installer.sh in place of jpackage's native launcher (which queries the package"
    echo "# manager on every start)."
    echo 'self=$(readlink -f "$0") || self=$0'
    echo 'ROOTDIR=${self%/bin/*}; BINDIR=$ROOTDIR/bin; APPDIR=$ROOTDIR/lib/app'
    echo "exec \"\$ROOTDIR/lib/runtime/bin/java\"$opts -Djpackage.app-path=\"\$self\" -cp \"$(q "$cp")\" $(q "$main") \"\$@\""
  } > "$out.tmp"
  chmod 755 "$out.tmp" && mv "$out.tmp" "$out"
}
case "$os" in
  linux) extra=(--icon "$res/linux/arcrun.png" --resource-dir "$res/linux/package" --linux-package-name arcrun-desktop
    --linux-app-category devel --linux-menu-group "Development;Network;" --linux-shortcut --install-dir /opt
    --linux-deb-maintainer arcrun@users.noreply.github.com
    # The whole list but xdg-utils (linux/package/control names it, for the menu entry, and drops jpackage's own list,
    # which names the build machine's packages): GTK 3 and OpenGL for JavaFX; X11, ALSA and fonts for the runtime's
    # java.desktop. Ubuntu 24.04 renamed some (…t64); either name satisfies it.
    --linux-package-deps "libgtk-3-0 | libgtk-3-0t64, libgl1, libxtst6, libxxf86vm1, libx11-6, libxext6, libxi6, libxrender1, libasound2 | libasound2t64, libfreetype6, libfontconfig1, zlib1g, libc6") ;;
  macos) extra=(--icon "$res/macos/arcrun.icns" --mac-package-identifier dev.arcrun.desktop --mac-package-name "Arcrun Desktop")
    if [ -n "${MAC_SIGNING_IDENTITY:-}" ]; then extra+=(--mac-sign --mac-signing-key-user-name "$MAC_SIGNING_IDENTITY"); fi ;;
  windows) extra=(--java-options '-Djava.library.path=$APPDIR' --icon "$res/windows/arcrun.ico" --win-per-user-install --win-dir-chooser --win-menu --win-menu-group Arcrun
    --win-shortcut --win-shortcut-prompt --win-upgrade-uuid "$upgradeUuid") ;;
esac
if [ "$os" = linux ]; then
  # The app image first, its two launchers replaced by scripts (shell_launcher), then the packages made from it.
  image="$build/app-image"; rm -rf "$image"; mkdir -p "$image"
  echo "build-installer: jpackage --type app-image"
  "$(bin jpackage)" --type app-image "${meta[@]}" "${app[@]}" --icon "$res/linux/arcrun.png" --dest "$image"
  image="$image/$name"
  for launcher in "$name" arcrun; do shell_launcher "$image/lib/app/$launcher.cfg" "$image/bin/$launcher"; done
  rm -f "$image/lib/libapplauncher.so" # only the native launchers load it
  # the .deb's prerm and the .rpm's %preun stop the users' local engines with it
  install -m 755 "$res/linux/stop-engines.sh" "$image/lib/stop-engines.sh"
  common=("${meta[@]}" --license-file "$top/LICENSE" --app-image "$image" --dest "$out")
fi
for type in "${types[@]}"; do
  rpmExtra=()
  # rpm names its dependencies differently from Debian
  [ "$type" = rpm ] && rpmExtra=(--linux-package-deps "gtk3, libglvnd-glx, libXtst, libXxf86vm" --linux-rpm-license-type "ASL 2.0")
  echo "build-installer: jpackage --type $type"
  "$(bin jpackage)" --type "$type" "${common[@]}" "${extra[@]}" "${rpmExtra[@]}"
done
ls -l "$out"
