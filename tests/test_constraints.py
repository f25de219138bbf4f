"""constraints.txt pins a known-good version of every dependency within setup.cfg's bounds, and CI
installs with it (issue 17)."""

from __future__ import annotations

import configparser
import os
import re
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pins() -> dict[str, Version]:
    pins = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, version = line.split("==")
            pins[_norm(name)] = Version(version)
    return pins


def _requirements() -> list[Requirement]:
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg")
    lines = config["options"]["install_requires"].splitlines()
    for extra in ("test", "dask"):
        lines += config["options.extras_require"][extra].splitlines()
    return [Requirement(line) for line in lines if line.strip()]


def test_every_dependency_is_pinned_within_its_bounds() -> None:
    pins = _pins()
    for requirement in _requirements():
        name = _norm(requirement.name)
        assert name in pins, f"{name} is not in constraints.txt"
        assert requirement.specifier.contains(pins[name], prereleases=True), \
            f"{name}=={pins[name]} is outside {requirement.specifier}"


def test_the_new_dependencies_are_declared() -> None:
    names = {_norm(r.name) for r in _requirements()}
    assert {"sqlite-utils", "holidays"} <= names


def test_ci_installs_with_the_constraints() -> None:
    run = (ROOT / ".ci" / "run").read_text()
    assert "pip install -q -c constraints.txt -e '.[test]'" in run


@pytest.mark.skipif(not os.environ.get("CI"), reason="only CI installs with constraints.txt; "
                    "the README's command takes the newest versions")
def test_the_installed_versions_are_the_pinned_ones() -> None:
    # In CI's fresh environment, this says the suite passed on the versions pinned.
    from importlib.metadata import PackageNotFoundError, version

    mismatched = []
    for requirement in _requirements():
        name = _norm(requirement.name)
        try:
            installed = Version(version(requirement.name))
        except PackageNotFoundError:
            continue
        if installed != _pins()[name]:
            mismatched.append(f"{name}: installed {installed}, pinned {_pins()[name]}")
    assert not mismatched, "regenerate constraints.txt (see README, Development): " + \
        "; ".join(mismatched)
