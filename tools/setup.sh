#!/usr/bin/env bash
# Install what is missing on Debian 12: QGIS from Debian's packages, then the
# pinned Python packages into the system Python 3.11 that QGIS embeds, so that
# QGIS desktop, qgis_process and the tests all use the same build.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
python=/usr/bin/python3

debian_packages=(
    qgis python3-qgis qgis-providers          # QGIS 3.22 LTR and its Python bindings
    python3-pip python3-dev build-essential   # pip and a compiler for the source builds
    libgeos-dev libproj-dev libgdal-dev       # shapely/pyproj/pyogrio build against these
    proj-bin pkg-config                       # pyproj's build finds PROJ through them
    xvfb xauth poppler-utils                  # screenshots of QGIS, PDF pages as pictures
    chromium chromium-driver fonts-dejavu-core # the web map's browser test; the maps' font
    debootstrap                               # the QGIS 3.44 chroot of make test (tools/qgis344.sh)
    zbar-tools                                # reading back the business cards' QR codes
    pyqt5-dev-tools qttools5-dev-tools        # translations: pylupdate5 (make lint), lrelease (make stage)
    postgresql-15 postgresql-15-postgis-3     # the station database's tests run their own server
    python3-psycopg2                          # ... and log in to it as each role
)
missing=()
for package in "${debian_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
    echo "Installing Debian packages: ${missing[*]}"
    [ "$(id -u)" = 0 ] || { echo "Run as root to install Debian packages." >&2; exit 1; }
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# Debian 12 marks its Python "externally managed"; these packages go to
# /usr/local, beside (not over) Debian's. shapely, pyproj and pyogrio are
# built from source: their wheels bundle a second GEOS/PROJ/GDAL that crashes
# inside QGIS (design.md, "One GEOS, one PROJ, one GDAL").
export PIP_BREAK_SYSTEM_PACKAGES=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore
export PIP_CONSTRAINT=$root/requirements/build-constraints.txt
source_built=shapely,pyproj,pyogrio
pip_install() { "$python" -m pip install -q --no-binary "$source_built" "$@"; }
pip_install -r "$root/requirements/runtime.txt" -r "$root/requirements/dev.txt"
if ! "$python" "$root/tools/check_libraries.py"; then
    echo "Rebuilding shapely, pyproj and pyogrio against the system libraries"
    pip_install --force-reinstall --no-deps $(grep -E '^(shapely|pyproj|pyogrio)==' "$root/requirements/runtime.txt")
    "$python" "$root/tools/check_libraries.py"
fi

# axe-core, for the web map's accessibility tests (pinned, integrity-checked; not shipped).
"$python" "$root/tools/fetch_axe.py"
