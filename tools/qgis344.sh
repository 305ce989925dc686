#!/usr/bin/env bash
# QGIS 3.44 LTR from Debian forky, in a chroot, for the second test leg. The chroot is kept
# outside the checkout (/var/cache/ypo, or YPO_QGIS344_CHROOT), so clean clones share it.
#
#   tools/qgis344.sh build        # build the chroot when missing or its package list changed
#   tools/qgis344.sh run CMD...   # run CMD inside it, in this checkout (same path as outside)
#
# Forky's own packages give QGIS 3.44 with Python 3.14, numpy 2, shapely 2.2, geopandas 1.2:
# nothing is built from source there. Only pytest-qgis, which Debian lacks, comes from PyPI
# (pinned in requirements/qgis344.txt), downloaded on the host and installed from that file,
# so pip inside the chroot needs no network or certificates.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
chroot_dir=${YPO_QGIS344_CHROOT:-/var/cache/ypo/qgis344-forky}
mirror=http://deb.debian.org/debian
wheels=$chroot_dir.wheels

packages=(
    qgis python3-qgis qgis-providers
    python3-shapely python3-geopandas python3-pyproj python3-pyogrio python3-pandas
    python3-scipy python3-matplotlib python3-pytest python3-pip
    python3-selenium chromium chromium-driver python3-segno zbar-tools
    xvfb xauth poppler-utils fonts-dejavu-core ca-certificates
    qttools5-dev-tools
    postgresql-18 postgresql-18-postgis-3 python3-psycopg2  # the station database's tests
)

mounted=()
unmount_all() {
    local index
    for ((index = ${#mounted[@]} - 1; index >= 0; index--)); do
        umount "${mounted[index]}" 2>/dev/null || umount -l "${mounted[index]}" || true
    done
    mounted=()
}
trap unmount_all EXIT INT TERM

mount_into_chroot() {  # mount_into_chroot TARGET mount-arguments...
    local target=$chroot_dir$1
    shift
    mkdir -p "$target"
    mount "$@" "$target"
    mounted+=("$target")
}

unmount_stale() {
    # Mounts left under the chroot by a run that was killed before it could clean up.
    local target
    awk -v root="$chroot_dir/" 'index($2, root) == 1 { print $2 }' /proc/self/mounts | sort -r |
        while read -r target; do umount "$target" 2>/dev/null || umount -l "$target"; done
}

mount_system() {
    mount_into_chroot /proc -t proc proc
    mount_into_chroot /dev --bind /dev
}

in_chroot() {
    chroot "$chroot_dir" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
        DEBIAN_FRONTEND=noninteractive QT_QPA_PLATFORM=offscreen "$@"
}

stamp() {  # what the chroot was built from: rebuilt when this changes
    { printf '%s\n' "${packages[@]}"; cat "$root/requirements/qgis344.txt"; } | sha256sum | cut -d' ' -f1
}

build() {
    local ready=$chroot_dir/.ypo-ready
    if [ -f "$ready" ] && [ "$(cat "$ready")" = "$(stamp)" ]; then
        return
    fi
    [ "$(id -u)" = 0 ] || { echo "Run as root to build the QGIS 3.44 chroot." >&2; exit 1; }
    command -v debootstrap >/dev/null || { echo "debootstrap is missing: run make setup first." >&2; exit 1; }
    echo "Building the QGIS 3.44 chroot in $chroot_dir (Debian forky)"
    unmount_stale
    # --one-file-system: never into a mount (a bind-mounted checkout) that is somehow still there.
    rm -rf --one-file-system "$chroot_dir"
    # Debian 12's debootstrap has no script named forky; sid's serves every later suite.
    debootstrap --variant=minbase forky "$chroot_dir" "$mirror" /usr/share/debootstrap/scripts/sid
    cp /etc/resolv.conf "$chroot_dir/etc/resolv.conf"
    mount_system
    # The mirror's forky Release file can be past its Valid-Until between publications.
    in_chroot apt-get -q -o Acquire::Check-Valid-Until=false update
    in_chroot apt-get install -y -q --no-install-recommends "${packages[@]}"
    in_chroot apt-get clean
    rm -rf "$wheels"
    /usr/bin/python3 -m pip download -q --no-deps --only-binary :all: --dest "$wheels" \
        -r "$root/requirements/qgis344.txt"
    mkdir -p "$chroot_dir/tmp/wheels"
    cp "$wheels"/*.whl "$chroot_dir/tmp/wheels/"
    in_chroot sh -c 'python3 -m pip install -q --break-system-packages --root-user-action=ignore \
        --no-index --no-deps /tmp/wheels/*.whl && rm -rf /tmp/wheels'
    unmount_all
    stamp >"$ready"
}

run() {
    unmount_stale
    build
    mount_system
    mount_into_chroot "$root" --bind "$root"
    # The real data beside the checkout (../shared/data), read-only, when it is there.
    if [ -d "$root/../shared" ]; then
        shared=$(cd "$root/../shared" && pwd)
        mount_into_chroot "$shared" --bind -o ro "$shared"
    fi
    local command
    printf -v command '%q ' "$@"
    in_chroot sh -c "cd $(printf '%q' "$root") && $command"
}

case ${1:-} in
build | run) ;;
*) echo "usage: $0 build | run COMMAND..." >&2; exit 2 ;;
esac
# One run at a time per chroot: another run's mounts are not stale, and its /proc is its own.
mkdir -p "$(dirname "$chroot_dir")"
exec 9>"$chroot_dir.lock"
flock 9
if [ "$1" = build ]; then
    build
else
    shift
    run "$@"
fi
