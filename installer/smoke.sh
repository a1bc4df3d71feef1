#!/usr/bin/env bash
# ./dev smoke-installer: the .deb as a user gets it. Unpacks it with dpkg -x (no root install needed), checks that no
# test jar ships, runs `arcrun --version` and `arcrun status`, then — with a PATH holding no node, npm or wrangler and
# a fresh ARCRUN_HOME — `arcrun install --target local` (the app bootstraps its own Node), `local stop`, `local start`
# and GET /health, then starts the GUI
# launcher under Xvfb and waits for its first window. Needs dpkg, curl, Xvfb and xdotool (installed with apt-get
# when missing and running as root). Where an .rpm was built beside it, its payload (rpm2cpio | cpio) gets the same
# checks of what ships and its declared dependencies are read (rpm -qpR).
# --system (as root): installs the .deb for real with dpkg -i instead, runs the same steps from /opt and
# /usr/bin/arcrun (the postinst's symlink), then removes it with dpkg -r while a local engine runs and checks that the
# prerm stopped it, said where the data stays and removed the symlink, and that ARCRUN_HOME's data is left alone.
# Refuses when arcrun-desktop was installed before (not by an earlier run of this); removes the package on failure.
# Usage: installer/smoke.sh [--system] [path/to.deb]
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
system=; [ "${1:-}" = --system ] && { system=yes; shift; }
deb=${1:-$(ls -t "$top"/target/installer/*.deb 2>/dev/null | head -1 || true)}
rpmfile=$(ls -t "$(dirname "${deb:-.}")"/*.rpm 2>/dev/null | head -1 || true)
marker=/var/tmp/arcrun-smoke-system-installed # an install of ours, left by a run that was killed
if [ -n "$system" ]; then
  [ "$(id -u)" = 0 ] || { echo "smoke-installer: --system installs the .deb with dpkg -i and needs root" >&2; exit 1; }
  if dpkg-query -W -f '${Status}' arcrun-desktop 2>/dev/null | grep -q 'ok installed' && [ ! -e "$marker" ]; then
    echo "smoke-installer: arcrun-desktop is installed on this machine and --system would remove it: remove it first (dpkg -r arcrun-desktop)" >&2; exit 1
  fi
  if [ -e /usr/bin/arcrun ] && [ ! -L /usr/bin/arcrun ]; then
    echo "smoke-installer: /usr/bin/arcrun is a file of something else; --system would replace it" >&2; exit 1
  fi
fi
[ -n "$deb" ] && [ -f "$deb" ] || { echo "smoke-installer: no .deb in target/installer: build it with 'mvn -Pinstaller package'" >&2; exit 1; }

need=()
command -v dpkg >/dev/null || need+=(dpkg)
command -v curl >/dev/null || need+=(curl)
command -v Xvfb >/dev/null || need+=(xvfb)
command -v xdotool >/dev/null || need+=(xdotool)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "smoke-installer: installing ${need[*]} with apt-get" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "smoke-installer: needs ${need[*]}: install them, then run this again" >&2; exit 1
  fi
fi

work=$(mktemp -d); xvfb=; gui=; engine_pid=
cleanup() {
  [ -n "$gui" ] && kill "$gui" 2>/dev/null || true
  [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
  [ -x "${app:-}/bin/arcrun" ] && ARCRUN_HOME="$work/home" PATH="$work/path" "$app/bin/arcrun" local stop >/dev/null 2>&1 || true
  [ -n "$engine_pid" ] && kill "$engine_pid" 2>/dev/null || true
  if [ -n "$system" ] && [ -e "$marker" ]; then
    dpkg -r arcrun-desktop >/dev/null 2>&1 || true
    dpkg-query -W -f '${Status}' arcrun-desktop 2>/dev/null | grep -q 'ok installed' || rm -f "$marker"
  fi
  rm -rf "$work"
}
trap cleanup EXIT
step() { echo "smoke-installer: $*" >&2; }
fail() { echo "smoke-installer: FAILED: $*" >&2; exit 1; }

# What ships, in an unpacked payload ($1: its /opt/arcrun-desktop)
check_payload() {
  [ -x "$1/bin/arcrun" ] && [ -x "$1/bin/Arcrun Desktop" ] || fail "the launchers are not in $1/bin"
  if ls "$1/lib/app" | grep -E -i 'testkit|junit|assertj|testfx|monocle|swagger|archunit'; then fail "test jars ship (above)"; fi
  # The launchers are scripts that exec the bundled runtime: jpackage's native ones ask rpm and dpkg which package
  # owns them on every start (installer/build-installer.sh)
  for l in "$1/bin/arcrun" "$1/bin/Arcrun Desktop"; do
    head -c 2 "$l" | grep -q '#!' || fail "$l is not the launcher script"
  done
  [ -x "$1/lib/stop-engines.sh" ] || fail "the removal's engine stopper is not in $1/lib"
}
step "unpacking $(basename "$deb") ($(du -h "$deb" | cut -f1))"
dpkg -x "$deb" "$work/root"
check_payload "$work/root/opt/arcrun-desktop"
dpkg-deb -f "$deb" Depends | grep -q libgtk-3-0 || fail "the package does not declare GTK 3"
app="$work/root/opt/arcrun-desktop"
if [ -n "$rpmfile" ] && command -v rpm >/dev/null && command -v rpm2cpio >/dev/null && command -v cpio >/dev/null; then
  step "the .rpm beside it: $(basename "$rpmfile") ($(du -h "$rpmfile" | cut -f1)), payload unpacked with rpm2cpio"
  mkdir -p "$work/rpmroot"
  (cd "$work/rpmroot" && rpm2cpio "$rpmfile" | cpio -idm --quiet)
  check_payload "$work/rpmroot/opt/arcrun-desktop"
  rpm -qpR "$rpmfile" 2>/dev/null > "$work/rpm-requires"
  for lib in gtk3 libXtst libXxf86vm libglvnd-glx xdg-utils; do grep -qx "$lib" "$work/rpm-requires" || fail "the .rpm does not declare $lib"; done
  rpm -qp --scripts "$rpmfile" 2>/dev/null > "$work/rpm-scripts"
  grep -q 'ln -sf /opt/arcrun-desktop/bin/arcrun /usr/bin/arcrun' "$work/rpm-scripts" || fail "the .rpm puts no arcrun on PATH"
  grep -q 'stop-engines.sh' "$work/rpm-scripts" || fail "the .rpm's removal stops no engine"
  ! grep -q 'xdg-desktop-menu install .*-arcrun.desktop' "$work/rpm-scripts" || fail "the .rpm puts the CLI in the menu"
  PATH=/usr/bin:/bin "$work/rpmroot/opt/arcrun-desktop/bin/arcrun" --version >/dev/null || fail "the .rpm's arcrun --version failed"
  rm -rf "$work/rpmroot"
elif [ -n "$rpmfile" ]; then
  step "not checking $(basename "$rpmfile"): needs rpm, rpm2cpio and cpio"
fi
dpkg-deb -e "$deb" "$work/control"
grep -q 'xdg-desktop-menu install .*Arcrun_Desktop.desktop' "$work/control/postinst" || fail "postinst adds no menu entry for the GUI"
! grep -q 'xdg-desktop-menu install .*-arcrun.desktop' "$work/control/postinst" || fail "postinst puts the CLI in the menu"
# dpkg -x installs no dependencies; apt does that for a user who installs the .deb. Do the same for the libraries it
# declares (the first of each set of alternatives that this system knows), so a fresh machine can start the GUI.
missing_deps=()
IFS=',' read -ra deps <<< "$(dpkg-deb -f "$deb" Depends)"
for dep in "${deps[@]}"; do
  found=
  IFS='|' read -ra alts <<< "$dep"
  for alt in "${alts[@]}"; do
    alt=$(echo "$alt" | sed 's/(.*)//; s/ //g')
    [ -n "$alt" ] || continue
    if dpkg -s "$alt" >/dev/null 2>&1; then found=yes; break; fi
  done
  if [ -z "$found" ]; then
    if [ -z "${apt_updated:-}" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      apt-get update -qq >/dev/null 2>&1 || true; apt_updated=yes
    fi
    for alt in "${alts[@]}"; do
      alt=$(echo "$alt" | sed 's/(.*)//; s/ //g')
      if apt-cache show "$alt" >/dev/null 2>&1; then missing_deps+=("$alt"); break; fi
    done
  fi
done
if [ ${#missing_deps[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    step "installing the package's dependencies as apt would: ${missing_deps[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing_deps[@]}" >/dev/null
  else
    fail "the package needs ${missing_deps[*]}: install them, then run this again"
  fi
fi

if [ -n "$system" ]; then
  step "dpkg -i $(basename "$deb") (a real install: postinst)"
  touch "$marker"
  dpkg -i "$deb" >&2 || fail "dpkg -i failed"
  [ "$(readlink /usr/bin/arcrun)" = /opt/arcrun-desktop/bin/arcrun ] || fail "postinst made no /usr/bin/arcrun symlink"
  /usr/bin/arcrun --version >/dev/null || fail "/usr/bin/arcrun --version failed"
  app=/opt/arcrun-desktop
fi
# A PATH of the system's programs minus node, npm and wrangler: the app must bring its own.
mkdir -p "$work/path"
for dir in /usr/local/bin /usr/bin /bin /usr/sbin /sbin; do
  [ -d "$dir" ] || continue
  for f in "$dir"/*; do
    n=${f##*/}
    case "$n" in node|nodejs|npm|npx|corepack|wrangler|wrangler2|workerd) continue ;; esac
    [ -e "$work/path/$n" ] || ln -s "$f" "$work/path/$n"
  done
done
export ARCRUN_HOME="$work/home"
cli() { if [ -n "$system" ]; then PATH="$work/path" /usr/bin/arcrun "$@"; else PATH="$work/path" "$app/bin/arcrun" "$@"; fi; }

step "arcrun --version"
cli --version | tee "$work/version" >&2
grep -q "arcrun" "$work/version" || fail "arcrun --version printed no version"
step "arcrun status"
cli status >&2 || fail "arcrun status failed"

step "arcrun install --target local (no node/npm/wrangler on PATH, fresh ARCRUN_HOME: downloads Node, installs wrangler)"
start=$(date +%s)
cli install --target local >&2 || fail "arcrun install --target local failed"
step "installed after $(( $(date +%s) - start )) s; arcrun local stop, then arcrun local start brings the installed engine back"
cli local stop >&2 || fail "arcrun local stop failed"
url=$(cli local start --json --timeout 300 | sed -n 's/.*"url" *: *"\([^"]*\)".*/\1/p')
[ -n "$url" ] || fail "arcrun local start printed no URL"
step "engine at $url after $(( $(date +%s) - start )) s"
curl -fsS "$url/health" | tee "$work/health" >&2; echo >&2
[ -s "$work/health" ] || fail "/health answered nothing"
grep -q "bootstrap/node/bin/node" "$ARCRUN_HOME/tools/toolchain/arcrun-toolchain.properties" || fail "the engine did not run on the bootstrapped Node"
cli local stop >&2 || true

step "GUI launcher without a display: one line, no stack trace"
if env -u DISPLAY -u WAYLAND_DISPLAY PATH="$work/path" "$app/bin/Arcrun Desktop" >"$work/nodisplay.log" 2>&1; then fail "started without a display"; fi
cat "$work/nodisplay.log" >&2
[ "$(wc -l < "$work/nodisplay.log")" -le 1 ] && grep -q DISPLAY "$work/nodisplay.log" && ! grep -q Exception "$work/nodisplay.log" \
  || fail "without a display the launcher did not say so in one line"

step "GUI launcher under Xvfb"
display=:$(( 90 + RANDOM % 100 ))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
sleep 1
mkdir -p "$work/gui-home" # a new user's HOME: nothing cached
DISPLAY=$display HOME="$work/gui-home" PATH="$work/path" "$app/bin/Arcrun Desktop" >"$work/gui.log" 2>&1 & gui=$!
if ! wid=$(DISPLAY=$display timeout 90 xdotool search --sync --onlyvisible --name "Arcrun" 2>/dev/null | head -1) || [ -z "$wid" ]; then
  cat "$work/gui.log" >&2; fail "no Arcrun window within 90 s"
fi
step "first window: $(DISPLAY=$display xdotool getwindowname "$wid")"
kill -0 "$gui" 2>/dev/null || { cat "$work/gui.log" >&2; fail "the GUI exited"; }
# JavaFX's native libraries ship unpacked beside its jars: a first start copies nothing into ~/.openjfx (it used to,
# which made the first window 1.8x slower than a bare one)
[ ! -e "$work/gui-home/.rpmdb" ] || fail "a start wrote ~/.rpmdb (the launcher queried rpm)"
[ ! -e "$work/gui-home/.openjfx" ] || fail "the GUI unpacked JavaFX's native libraries into ~/.openjfx: $(ls -R "$work/gui-home/.openjfx" | head -5)"
if [ -n "$system" ]; then
  kill "$gui" 2>/dev/null || true; gui=
  step "a local engine runs while dpkg -r removes the package (prerm)"
  url=$(cli local start --json --timeout 300 | sed -n 's/.*"url" *: *"\([^"]*\)".*/\1/p')
  curl -fsS "$url/health" >/dev/null || fail "the engine did not answer before the removal"
  engine_pid=$(cli local status --json | sed -n 's/.*"pid" *: *\([0-9]*\).*/\1/p')
  [ -n "$engine_pid" ] || fail "arcrun local status --json named no pid"
  # What the user keeps: every file but the running engine's own (its state file, data and log, wrangler's scratch
  # files and the keys file the engine reads, which a stop deletes on purpose, change as it stops)
  keep() { (cd "$ARCRUN_HOME" && find . -type f ! -path './local/*' ! -path './logs/*' ! -path '*/.wrangler/*' \
    ! -name .dev.vars -print0 | sort -z | xargs -0 sha256sum); }
  keep > "$work/kept-before"
  [ -s "$work/kept-before" ] || fail "ARCRUN_HOME holds no files to keep"
  # dpkg passes its environment to prerm: the remover's ARCRUN_HOME is one the prerm looks in
  ARCRUN_HOME="$ARCRUN_HOME" dpkg -r arcrun-desktop > "$work/remove.log" 2>&1 || { cat "$work/remove.log" >&2; fail "dpkg -r failed"; }
  cat "$work/remove.log" >&2
  dpkg-query -W -f '${Status}' arcrun-desktop 2>/dev/null | grep -q 'ok installed' && fail "the package is still installed"
  rm -f "$marker"
  grep -q 'stay in ~/.local/share/arcrun' "$work/remove.log" || fail "the removal did not say where the data stays"
  [ ! -e /usr/bin/arcrun ] && [ ! -L /usr/bin/arcrun ] || fail "prerm left /usr/bin/arcrun"
  [ ! -e /opt/arcrun-desktop/bin/arcrun ] || fail "the removal left /opt/arcrun-desktop/bin/arcrun"
  if kill -0 "$engine_pid" 2>/dev/null; then fail "prerm left the engine running (pid $engine_pid)"; fi
  if curl -fsS --max-time 5 "$url/health" >/dev/null 2>&1; then fail "the engine still answers at $url after the removal"; fi
  engine_pid=
  keep > "$work/kept-after"
  cmp -s "$work/kept-before" "$work/kept-after" || { diff "$work/kept-before" "$work/kept-after" >&2; fail "the removal changed the user's data in ARCRUN_HOME"; }
  step "dpkg -r stopped the engine, said where the data stays, removed /usr/bin/arcrun and left $(wc -l < "$work/kept-after") files of ARCRUN_HOME alone"
fi
step "OK"
