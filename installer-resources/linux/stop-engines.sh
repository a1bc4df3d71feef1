#!/bin/sh
# Stops the local engines the app started, for the package's removal (the .deb's prerm and the .rpm's %preun call
# it): those of every user with the default data folder (~/.local/share/arcrun), each as its owner, and those of the
# remover's ARCRUN_HOME when set. With "remove", then says where the data stays (it is never deleted). Never fails: a
# stuck engine is reported, not fatal. A data folder elsewhere (XDG_DATA_HOME, a user's own ARCRUN_HOME) cannot be
# found from here; the message names it.
cli=/opt/arcrun-desktop/bin/arcrun
[ -x "$cli" ] || exit 0

stop_in() { # ROOT HOME OWNER: every install's engine under ROOT (local/installs/NAME/engine.json, and the layout
            # before installs had folders of their own, local/engine.json)
    for state in "$1"/local/installs/*/engine.json "$1"/local/engine.json; do
        [ -f "$state" ] || continue
        dir=${state%/engine.json}
        case "$dir" in */local/installs/*) which="--install ${dir##*/}" ;; *) which= ;; esac
        if [ "$3" = "$(id -un)" ]; then as=; elif command -v runuser >/dev/null 2>&1; then as="runuser -u $3 --"; else continue; fi
        # shellcheck disable=SC2086 # $as and $which are words
        $as env HOME="$2" ARCRUN_HOME="$1" timeout 30 "$cli" local stop $which >/dev/null 2>&1 \
            || echo "Arcrun: could not stop the local engine of $3 in $1; stop it with 'arcrun local stop'." >&2
    done
}

if [ -n "${ARCRUN_HOME:-}" ] && [ -d "$ARCRUN_HOME" ]; then
    stop_in "$ARCRUN_HOME" "${HOME:-/root}" "$(stat -c %U "$ARCRUN_HOME" 2>/dev/null || id -un)"
fi
for root in /root/.local/share/arcrun /home/*/.local/share/arcrun; do
    [ -d "$root/local" ] || continue
    home=${root%/.local/share/arcrun}
    owner=$(stat -c %U "$home" 2>/dev/null) || continue
    stop_in "$root" "$home" "$owner"
done
[ "${1:-}" = remove ] && echo "Arcrun Desktop is removed. Your installs, settings and logs stay in ~/.local/share/arcrun of each user${ARCRUN_HOME:+ and in $ARCRUN_HOME} (or in ARCRUN_HOME where you set one); delete that folder to remove them too."
exit 0
