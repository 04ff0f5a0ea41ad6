"""The README's commands stay true: the files they name exist, CI runs the same test
command, and the start command really generates a contract."""

from __future__ import annotations

import io
import re
import shlex
import tomllib
from pathlib import Path

import pytest
from example_paths import ROOT

import wizard.cli

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
    assert "test" in project["optional-dependencies"]  # pip install -e ".[test]"
    assert '".[test]"' in readme_test_command()


def test_start_command_generates_a_contract(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Copying the README's start command gives the reader a contract and exit status 0."""
    arguments = sla_wizard_arguments(start_command())
    assert arguments[0] == "generate"
    assert "-o" in arguments
    # Run from the repository (where the README's relative paths point), but write
    # the contract into a temporary folder instead of the checkout.
    output_index = arguments.index("-o") + 1
    output_name = Path(arguments[output_index]).name
    arguments[output_index] = str(tmp_path / output_name)
    monkeypatch.chdir(ROOT)
    out, err = io.StringIO(), io.StringIO()
    status = wizard.cli.main(arguments, out=out, err=err)
    assert status == 0, err.getvalue()
    assert (tmp_path / output_name).is_file()
    assert "not legal advice" in out.getvalue()
