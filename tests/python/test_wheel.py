"""The wheel `make wheel` builds, installed as a user would: into a fresh virtual environment,
binary only (no compiler, no CMake), then the command-line tool and one Python call."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import venv
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DIST = Path(os.environ.get("ALIGNGRAPH_WHEEL_DIR", ROOT / "build" / "dist"))
SAMPLE = ROOT / "examples" / "sample-portfolio.json"


def built_wheel() -> Path:
    wheels = sorted(DIST.glob("aligngraph-*manylinux*.whl"))
    assert wheels, f"no repaired wheel in {DIST}: `make wheel` (part of `make test`) builds it"
    return wheels[-1]


def test_the_wheel_is_manylinux_and_carries_the_tool() -> None:
    wheel = built_wheel()
    names = zipfile.ZipFile(wheel).namelist()
    assert any(n.startswith("aligngraph/_core") and n.endswith(".so") for n in names)
    assert any(n.endswith("/scripts/aligngraph") for n in names), "the command-line tool is in the wheel"
    assert "aligngraph/_core.pyi" in names and "aligngraph/py.typed" in names
    assert "manylinux" in wheel.name
    sdists = sorted(DIST.glob("aligngraph-*.tar.gz"))
    assert sdists, "make wheel builds the sdist too"
    members = {Path(m).name for m in __import__("tarfile").open(sdists[-1]).getnames()}
    assert {"CMakeLists.txt", "pyproject.toml", "briefing.hpp"} <= members


def test_a_fresh_environment_installs_the_wheel_without_a_compiler(tmp_path: Path) -> None:
    wheel = built_wheel()
    env_dir = tmp_path / "env"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    # No compiler and no CMake on the way: pip may only unpack binaries.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(CC="/bin/false", CXX="/bin/false", PATH=f"{env_dir / 'bin'}:/usr/bin:/bin")
    t0 = time.perf_counter()
    r = subprocess.run([str(python), "-m", "pip", "install", "-q", "--only-binary", ":all:", str(wheel)], env=env,
                       capture_output=True, text=True, timeout=600)
    seconds = time.perf_counter() - t0
    assert r.returncode == 0, r.stdout + r.stderr
    print(f"installed {wheel.name} with its dependencies in {seconds:.1f} s")
    tool = env_dir / "bin" / "aligngraph"
    r = subprocess.run([str(tool), "optimize", str(SAMPLE), "--format", "json"], env=env, capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0, r.stderr
    assert '"proven": true' in r.stdout
    code = ("import aligngraph as ag, sys; p = ag.Portfolio.sample(); r = p.optimize(); "
            "print(len(r.selected), r.proven, ag.__file__)")
    r = subprocess.run([str(python), "-c", code], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    count, proven, where = r.stdout.split()
    assert proven == "True" and int(count) > 0
    assert Path(where).is_relative_to(env_dir), f"imported from {where}, not from the fresh environment"
