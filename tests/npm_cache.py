"""JavaScript packages the tests check argmap's output with, installed with npm into
benchmarks/.cache on first use (shared by the test workers); a test skips, saying why, where
Node.js or the package cannot be had."""

from __future__ import annotations

import fcntl
import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def installed(package: str, version: str) -> Path:
    """The folder whose node_modules holds ``package`` at ``version``."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.skip(f"node and npm are not on PATH: {package} cannot run")
    folder = ROOT / "benchmarks" / ".cache" / f"{package.strip('@').replace('/', '-')}-{version}"
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # test workers share the folder
        manifest = folder / "node_modules" / package / "package.json"
        if not (manifest.exists() and json.loads(manifest.read_text())["version"] == version):
            project = {"private": True, "type": "module", "dependencies": {package: version}}
            (folder / "package.json").write_text(json.dumps(project, indent=2) + "\n")
            npm = ["npm", "install", "--no-audit", "--no-fund", "--loglevel=error", "--save-exact"]
            done = subprocess.run([*npm, f"{package}@{version}"], cwd=folder, capture_output=True, text=True)
            if done.returncode != 0:
                pytest.skip(f"npm could not install {package}@{version}: {done.stderr[-500:]}")
    return folder
