"""Exit non-zero unless shapely, pyproj and pyogrio use the system's GEOS, PROJ and GDAL.

A binary wheel of the same version satisfies pip but bundles its own
libraries, which break inside QGIS; this check catches it.
"""

import subprocess
import sys


def system_version(command):
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip()


def main() -> int:
    import pyogrio
    import pyproj
    import shapely

    expected = {
        "GEOS (shapely)": (
            ".".join(map(str, shapely.geos_version)),
            system_version(["geos-config", "--version"]),
        ),
        "PROJ (pyproj)": (pyproj.proj_version_str, system_version(["pkg-config", "--modversion", "proj"])),
        "GDAL (pyogrio)": (pyogrio.__gdal_version_string__, system_version(["gdal-config", "--version"])),
    }
    mismatched = {name: pair for name, pair in expected.items() if pair[0] != pair[1]}
    for name, (used, system) in mismatched.items():
        print(f"{name}: uses {used}, the system has {system}", file=sys.stderr)
    return 1 if mismatched else 0


if __name__ == "__main__":
    sys.exit(main())
