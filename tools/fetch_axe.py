"""Fetch axe-core (the accessibility checker the web map's browser tests run) from the npm
registry, pinned and checked against the registry's published integrity hash, into build/axe/.

Only the test suite uses it; nothing of it goes into the plugin.

    python3 tools/fetch_axe.py
"""

import base64
import hashlib
import io
import sys
import tarfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VERSION = "4.14.1"
URL = f"https://registry.npmjs.org/axe-core/-/axe-core-{VERSION}.tgz"
INTEGRITY = "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="
TARGET = ROOT / "build" / "axe" / "axe.min.js"
STAMP = TARGET.with_name("VERSION")


def main() -> int:
    if TARGET.is_file() and STAMP.is_file() and STAMP.read_text().strip() == VERSION:
        return 0
    with urllib.request.urlopen(URL, timeout=120) as response:
        package = response.read()
    digest = "sha512-" + base64.b64encode(hashlib.sha512(package).digest()).decode()
    if digest != INTEGRITY:
        sys.exit(f"axe-core {VERSION} from {URL} does not match its published integrity hash")
    with tarfile.open(fileobj=io.BytesIO(package), mode="r:gz") as archive:
        script = archive.extractfile("package/axe.min.js").read()
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_bytes(script)
    STAMP.write_text(VERSION + "\n")
    print(f"axe-core {VERSION} in {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
