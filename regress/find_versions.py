"""Find the Keras and numpy a user got when a TensorFlow release came out.

Prints, for each TensorFlow version given, the first day on which the Python Package Index
listed it and what ``pip install tensorflow==X`` resolved to on that day: the resolver runs
with ``--uploaded-prior-to`` (pip >= 26) against the public index only, so local wheel
folders (which carry no upload times) cannot leak newer releases in. The results are copied
into ``regress/versions.toml`` by hand, once per new TensorFlow release::

    python regress/find_versions.py 2.17.1 2024-10-20

The date is where the day-by-day search starts (for example the build date of the wheel, which
``unzip -l`` shows); it must not be later than the upload.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

# --isolated: no configuration file or PIP_* variable may add an index without upload times.
PIP = [sys.executable, "-m", "pip", "--isolated", "--cert", "/etc/ssl/certs/ca-certificates.crt"]


def _listed(package: str, version: str, before: dt.date) -> bool:
    out = subprocess.run(
        [*PIP, "index", "versions", package, "--json",
         "--uploaded-prior-to", f"{before}T00:00:00Z"],
        capture_output=True, text=True, check=True,
    ).stdout
    return version in json.loads(out)["versions"]


def _resolve(tf_version: str, before: dt.date) -> dict[str, str]:
    report = subprocess.run(
        [*PIP, "install", "--dry-run", "--ignore-installed", "--quiet", "--report", "-",
         "--uploaded-prior-to", f"{before}T00:00:00Z", f"tensorflow=={tf_version}"],
        capture_output=True, text=True, check=True,
    ).stdout
    installed = json.loads(report)["install"]
    return {item["metadata"]["name"].lower(): item["metadata"]["version"] for item in installed}


def main(tf_version: str, start: str) -> None:
    day = dt.date.fromisoformat(start)
    for _ in range(60):
        if _listed("tensorflow", tf_version, day + dt.timedelta(days=1)):
            break
        day += dt.timedelta(days=1)
    else:
        sys.exit(f"tensorflow {tf_version} not on the index within 60 days of {start}")
    # The whole day of the upload: what a user installing that evening got.
    versions = _resolve(tf_version, day + dt.timedelta(days=1))
    print(f"tensorflow {tf_version} released {day}: keras {versions['keras']}, "
          f"numpy {versions['numpy']}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python regress/find_versions.py TF_VERSION START_DATE")
    main(sys.argv[1], sys.argv[2])
