#!/usr/bin/env bash
# Launch-to-first-window of the installed GUI side by side with a bare JavaFX window (one Stage, one Label) started
# from the same runtime, A/B over several runs under Xvfb. Not a CI gate. Needs the .deb (mvn -Pinstaller package),
# a JDK 25 (to compile the bare window), Xvfb and xdotool.
#   bench/launch/launch-bench.sh [RUNS] [path/to.deb] [path/to/baseline.deb]
# With a baseline .deb (say one built before a launcher change) its GUI's first start and its `arcrun --version` are
# timed in the same interleaved runs, next to this .deb's.
# The bare window and each "first start" run get a fresh, empty HOME (no cache of any kind: a new user); the "later
# starts" reuse one HOME and ARCRUN_HOME (what every later start of a user sees). The three kinds interleave, so a
# change of load on the machine hits all of them alike. Afterwards it checks that no start unpacked JavaFX's native
# libraries into ~/.openjfx (the installer ships them unpacked).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); top=$(cd "$here/../.." && pwd)
runs=${1:-5}
deb=${2:-$(ls -t "$top"/target/installer/*.deb | head -1)}
jdk=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
work=$(mktemp -d); xvfb=
trap '[ -n "$xvfb" ] && kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT
baseline=${3:-}
dpkg -x "$deb" "$work/root"
app="$work/root/opt/arcrun-desktop"
if [ -n "$baseline" ]; then dpkg -x "$baseline" "$work/base-root"; base="$work/base-root/opt/arcrun-desktop"; fi
fx=$(ls "$app"/lib/app/javafx-*.jar | tr '\n' ':')
"$jdk/bin/javac" -d "$work/bare" -cp "$fx" "$here/BareWindow.java"
display=:$(( 150 + RANDOM % 50 ))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
sleep 1
export DISPLAY=$display

# ms from spawn until a visible window named $1 exists; the process is then killed
time_window() {
  local name=$1; shift
  local t0 t1 pid
  t0=$(date +%s%N)
  "$@" >/dev/null 2>&1 & pid=$!
  # xdotool's own --sync polls only every 0.5 s, coarser than what is measured: poll every 10 ms instead
  local deadline=$(( t0 + 120000000000 ))
  until xdotool search --onlyvisible --name "$name" >/dev/null 2>&1; do
    [ "$(date +%s%N)" -gt "$deadline" ] && break
    sleep 0.01
  done
  t1=$(date +%s%N)
  kill $pid 2>/dev/null; wait $pid 2>/dev/null || true
  echo $(( (t1 - t0) / 1000000 ))
}
# ms of one run of a command to its end
time_run() {
  local t0 t1
  t0=$(date +%s%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s%N)
  echo $(( (t1 - t0) / 1000000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# The app's launcher options (its .cfg) minus jpackage's own: the bare window also runs once more with them, so the
# figures show how much of the gap the options close and how much is the app's own work.
load_before=$(uptime | sed 's/.*load average: //')
opts=$(sed -n 's/^java-options=//p' "$app/lib/app/Arcrun Desktop.cfg" | grep -v '^-Djpackage' | tr '\n' ' ')
bare=(); bareo=(); cold=(); warm=(); basecold=(); cli=(); basecli=()
mkdir -p "$work/warm-home"
HOME="$work/warm-home" ARCRUN_HOME="$work/warm-home/arcrun" time_window "Arcrun Desktop" "$app/bin/Arcrun Desktop" >/dev/null # primes it
for i in $(seq "$runs"); do
  b="$work/bare-$i"; mkdir -p "$b"
  bare+=("$(HOME="$b" time_window "Bare JavaFX window" "$app/lib/runtime/bin/java" --enable-native-access=ALL-UNNAMED -cp "$work/bare:$fx" BareWindow)")
  h="$work/cold-$i"; mkdir -p "$h"
  b="$work/bareo-$i"; mkdir -p "$b"
  # shellcheck disable=SC2086 # the options are words
  bareo+=("$(HOME="$b" time_window "Bare JavaFX window" "$app/lib/runtime/bin/java" $opts -cp "$work/bare:$fx" BareWindow)")
  cold+=("$(HOME="$h" ARCRUN_HOME="$h/arcrun" time_window "Arcrun Desktop" "$app/bin/Arcrun Desktop")")
  warm+=("$(HOME="$work/warm-home" ARCRUN_HOME="$work/warm-home/arcrun" time_window "Arcrun Desktop" "$app/bin/Arcrun Desktop")")
  cli+=("$(HOME="$work/warm-home" ARCRUN_HOME="$work/warm-home/arcrun" time_run "$app/bin/arcrun" --version)")
  if [ -n "$baseline" ]; then
    h="$work/basecold-$i"; mkdir -p "$h"
    basecold+=("$(HOME="$h" ARCRUN_HOME="$h/arcrun" time_window "Arcrun Desktop" "$base/bin/Arcrun Desktop")")
    basecli+=("$(HOME="$work/warm-home" ARCRUN_HOME="$work/warm-home/arcrun" time_run "$base/bin/arcrun" --version)")
  fi
done
mb=$(printf '%s\n' "${bare[@]}" | median); mc=$(printf '%s\n' "${cold[@]}" | median); mw=$(printf '%s\n' "${warm[@]}" | median)
mo=$(printf '%s\n' "${bareo[@]}" | median)
echo "bare JavaFX window ms: ${bare[*]} (median $mb)"
echo "bare JavaFX window with the app's options ($opts) ms: ${bareo[*]} (median $mo)"
echo "Arcrun Desktop, first start ms: ${cold[*]} (median $mc, $(awk "BEGIN{printf \"%.2f\", $mc/$mb}")x bare)"
echo "Arcrun Desktop, later starts ms: ${warm[*]} (median $mw, $(awk "BEGIN{printf \"%.2f\", $mw/$mb}")x bare)"
echo "Arcrun Desktop vs the bare window with the same options: first $(awk "BEGIN{printf \"%.2f\", $mc/$mo}")x, later $(awk "BEGIN{printf \"%.2f\", $mw/$mo}")x"
echo "arcrun --version ms: ${cli[*]} (median $(printf '%s\n' "${cli[@]}" | median))"
if [ -n "$baseline" ]; then
  mbc=$(printf '%s\n' "${basecold[@]}" | median)
  echo "baseline $(basename "$baseline"), first start ms: ${basecold[*]} (median $mbc, $(awk "BEGIN{printf \"%.2f\", $mbc/$mo}")x the bare window with options)"
  echo "baseline arcrun --version ms: ${basecli[*]} (median $(printf '%s\n' "${basecli[@]}" | median))"
fi
echo "installer: $(basename "$deb") $(stat -c %s "$deb") bytes"
# The same as one table, with the machine's load (compare ratios: the machine may be shared)
ratio() { awk "BEGIN{printf \"%.2f\", $1/$2}"; }
echo
echo "load average before: $load_before; after: $(uptime | sed 's/.*load average: //')"
echo "| launch (median of $runs) | ms | x bare | x bare with the app's options |"
echo "|---|---|---|---|"
echo "| bare JavaFX window | $mb | 1.00 | $(ratio "$mb" "$mo") |"
echo "| bare JavaFX window, app's options | $mo | $(ratio "$mo" "$mb") | 1.00 |"
echo "| Arcrun Desktop, first start | $mc | $(ratio "$mc" "$mb") | $(ratio "$mc" "$mo") |"
echo "| Arcrun Desktop, later starts | $mw | $(ratio "$mw" "$mb") | $(ratio "$mw" "$mo") |"
[ -n "$baseline" ] && echo "| baseline, first start | $mbc | $(ratio "$mbc" "$mb") | $(ratio "$mbc" "$mo") |"
if ls -d "$work"/*/.openjfx >/dev/null 2>&1; then echo "note: a start unpacked JavaFX's native libraries: $(ls -d "$work"/*/.openjfx | head -3)"; fi
