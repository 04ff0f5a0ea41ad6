"""The README's commands stay true: the files they name exist, CI runs the same test
command, and the start command really opens the wizard."""

from __future__ import annotations

import re
import shlex
import tomllib
from pathlib import Path

from example_paths import ROOT

README = ROOT / "README.md"
CI_SCRIPT = ROOT / ".ci" / "run"
PYPROJECT = ROOT / "pyproject.toml"
US_EXAMPLE = "resources/examples/msp-it-support.slaproj"

_SH_BLOCK = re.compile(r"^```sh[ \t]*\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)


def sh_blocks() -> list[str]:
    """The contents of the README's ```sh code blocks, in order."""
    return [block.strip() for block in _SH_BLOCK.findall(README.read_text(encoding="utf-8"))]


def start_command() -> str:
    return sh_blocks()[0]


def readme_test_command() -> str:
    return sh_blocks()[1]


def sla_wizard_arguments(command: str) -> list[str]:
    """The arguments given to ``sla-wizard`` in a ``… && .venv/bin/sla-wizard …`` line."""
    steps = [shlex.split(step) for step in command.split("&&")]
    calls = [words for words in steps if words and Path(words[0]).name == "sla-wizard"]
    assert len(calls) == 1, f"expected one sla-wizard call in {command!r}"
    return calls[0][1:]


def test_readme_has_the_two_commands() -> None:
    """The README shows an install-and-start command and a test command, one line each."""
    blocks = sh_blocks()
    assert len(blocks) >= 2, blocks
    assert len(start_command().splitlines()) == 1
    assert len(readme_test_command().splitlines()) == 1
    assert "sla-wizard" in start_command()
    assert "pytest" in readme_test_command()


def test_ci_runs_the_readme_test_command() -> None:
    """CI runs exactly the test command a reader copies from the README."""
    ci_lines = [line.strip() for line in CI_SCRIPT.read_text(encoding="utf-8").splitlines()]
    assert readme_test_command() in ci_lines


def test_start_command_names_an_existing_example() -> None:
    """The README's first command points at an example project that is in the repository."""
    command = start_command()
    assert US_EXAMPLE in command
    named = [word for word in shlex.split(command.replace("&&", " ")) if word.endswith(".slaproj")]
    assert named, command
    for word in named:
        assert (ROOT / word).is_file(), f"{word} does not exist in the repository"


def test_start_command_script_is_the_installed_entry_point() -> None:
    """The `sla-wizard` the README runs is the console script pyproject.toml installs."""
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    assert project["scripts"]["sla-wizard"] == "wizard.app:main"
    assert "test" in project["optional-dependencies"]
    assert "--extra test" in readme_test_command()


def test_commands_install_only_from_the_lock() -> None:
    """Both README commands, the installer build and the release workflow install the
    versions uv.lock pins, with the uv version pyproject.toml requires, and no command
    installs the project or its dependencies by ranges."""
    required = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["uv"][
        "required-version"].removeprefix("==")
    places = {
        "README start": start_command(),
        "README test": readme_test_command(),
        "installer/build": (ROOT / "installer" / "build").read_text(encoding="utf-8"),
        "release": (ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8"),
    }
    for name, text in places.items():
        assert f"pip install -q uv=={required}" in text, name
        assert "sync -q --locked" in text, name
        assert not re.search(r"pip install [^&\n]*(-e |\.\[|-r )", text), name
    assert (ROOT / "uv.lock").is_file()


def test_start_command_opens_the_window_on_the_example() -> None:
    """Copying the README's start command opens the wizard on the bundled example:
    the same arguments with --smoke-test start the window, visit every step and exit 0."""
    import subprocess
    import sys

    arguments = sla_wizard_arguments(start_command())
    assert arguments == [US_EXAMPLE]
    result = subprocess.run(
        [sys.executable, "main.py", *arguments, "--smoke-test"], cwd=ROOT,
        capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert "smoke test passed" in result.stdout
