#!/usr/bin/env bash
# ./dev smoke-installer: the .deb as a user gets it. Unpacks it with dpkg -x (no root install needed), checks that no
# test jar ships, runs `arcrun --version` and `arcrun status`, then — with a PATH holding no node, npm or wrangler and
# a fresh ARCRUN_HOME — `arcrun install --target local` (the app bootstraps its own Node), `local stop`, `local start`
# and GET /health, then starts the GUI
# launcher under Xvfb and waits for its first window. Needs dpkg, curl, Xvfb and xdotool (installed with apt-get
# when missing and running as root). Usage: installer/smoke.sh [path/to.deb]
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
deb=${1:-$(ls -t "$top"/target/installer/*.deb 2>/dev/null | head -1 || true)}
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

work=$(mktemp -d); xvfb=; gui=
cleanup() {
  [ -n "$gui" ] && kill "$gui" 2>/dev/null || true
  [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
  [ -x "${app:-}/bin/arcrun" ] && ARCRUN_HOME="$work/home" PATH="$work/path" "$app/bin/arcrun" local stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
step() { echo "smoke-installer: $*" >&2; }
fail() { echo "smoke-installer: FAILED: $*" >&2; exit 1; }

step "unpacking $(basename "$deb") ($(du -h "$deb" | cut -f1))"
dpkg -x "$deb" "$work/root"
app="$work/root/opt/arcrun-desktop"
[ -x "$app/bin/arcrun" ] && [ -x "$app/bin/Arcrun Desktop" ] || fail "the launchers are not in $app/bin"
if ls "$app/lib/app" | grep -E -i 'testkit|junit|assertj|testfx|monocle|swagger|archunit'; then fail "test jars ship (above)"; fi
dpkg-deb -f "$deb" Depends | grep -q libgtk-3-0 || fail "the package does not declare GTK 3"
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
cli() { PATH="$work/path" "$app/bin/arcrun" "$@"; }

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
[ ! -e "$work/gui-home/.openjfx" ] || fail "the GUI unpacked JavaFX's native libraries into ~/.openjfx: $(ls -R "$work/gui-home/.openjfx" | head -5)"
step "OK"
