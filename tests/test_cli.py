"""The command line (``sla-wizard generate`` / ``check``): what a user types and sees.

Most tests call :func:`wizard.cli.main` in-process with string streams; a few
run ``python main.py`` and ``python -m wizard.app`` in a real process to prove
that a failure reaches the user as one line, never as a traceback.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import pytest
from example_paths import EXAMPLES, ROOT
from office import needs_libreoffice, pdf_text

import wizard
import wizard.cli
import wizard.core.project_file
from wizard.core.contract import SUPPORTED_LOCALES
from wizard.settings import CONFIG_ENV, Settings, save_settings

US_EXAMPLE = ROOT / "resources" / "examples" / "msp-it-support.slaproj"
FR_EXAMPLE = ROOT / "resources" / "examples" / "cloud-hosting-fr.slaproj"
DE_EXAMPLE = ROOT / "resources" / "examples" / "internal-leads-de.slaproj"
US_PROVIDER = "Northwind IT Services LLC"
SUPPORTED_LIST = ", ".join(SUPPORTED_LOCALES)  # "en_US, en_GB"

# How each entry point is started in a real process (cwd is the repository).
ENTRY_POINTS = {
    "main.py": [sys.executable, "main.py"],
    "-m wizard.app": [sys.executable, "-m", "wizard.app"],
}

# --------------------------------------------------------------------------- helpers


@dataclass(frozen=True)
class Result:
    status: int
    out: str
    err: str


def run(*argv: str | Path) -> Result:
    """Run the command line in-process, as ``sla-wizard ARGV…``."""
    out, err = io.StringIO(), io.StringIO()
    status = wizard.cli.main([str(arg) for arg in argv], out=out, err=err)
    return Result(status, out.getvalue(), err.getvalue())


def run_process(entry: str, *argv: str | Path, cwd: Path = ROOT,
                language: str = "en_US.UTF-8", config: Path | None = None) -> Result:
    """Run the command line in a separate Python process, on a system set to
    ``language``; ``config`` holds its settings (none by default)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
           "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": language,
           CONFIG_ENV: str(config or cwd / "no-such-config-folder")}
    done = subprocess.run(
        [*ENTRY_POINTS[entry], *(str(arg) for arg in argv)],
        cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8", timeout=120,
        check=False,
    )
    return Result(done.returncode, done.stdout, done.stderr)


def assert_one_line_failure(result: Result, *fragments: str) -> str:
    """Exit status 2, nothing on stdout, exactly one line on stderr (returned)."""
    assert result.status == 2, result
    assert "Traceback" not in result.err + result.out
    lines = result.err.splitlines()
    assert len(lines) == 1, f"expected one line on stderr, got: {result.err!r}"
    assert result.err.endswith("\n")
    line = lines[0]
    assert line.startswith("sla-wizard: "), line
    for fragment in fragments:
        assert fragment in line, f"{fragment!r} not in {line!r}"
    return line


def docx_text(path: Path) -> str:
    """All the text of a Word file: paragraphs, tables, headers and footers."""
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    for section in document.sections:
        for part in (section.header, section.footer):
            parts.extend(p.text for p in part.paragraphs)
    return "\n".join(parts)


def copy_example(example: Path, folder: Path, name: str | None = None) -> Path:
    target = folder / (name or example.name)
    shutil.copyfile(example, target)
    return target


def write_project(folder: Path, change: Callable[[dict[str, Any]], None],
                  name: str = "edited.slaproj") -> Path:
    """The US example with ``change`` applied to its JSON data, saved in ``folder``."""
    data = json.loads(US_EXAMPLE.read_text(encoding="utf-8"))
    change(data)
    path = folder / name
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def unknown_service(data: dict[str, Any]) -> None:
    data["metrics"][0]["service"] = "nope"


def files_in(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


# --------------------------------------------------------------------------- generate


def test_generate_us_example_writes_a_word_contract(tmp_path: Path) -> None:
    """A user generating the bundled example gets a Word contract naming the provider."""
    target = tmp_path / "out.docx"
    result = run("generate", US_EXAMPLE, "-o", target)
    assert result.status == 0, result
    assert result.err == ""
    assert target.is_file()
    assert US_PROVIDER in docx_text(target)
    assert str(target) in result.out
    assert "not legal advice" in result.out


def test_generate_uses_the_projects_own_date_format(tmp_path: Path) -> None:
    """An en_US contract shows US dates ("January 1, 2027"), not British ones."""
    target = tmp_path / "out.docx"
    assert run("generate", US_EXAMPLE, "-o", target).status == 0
    text = docx_text(target)
    assert "January 1, 2027" in text
    assert "1 January 2027" not in text


def test_generate_us_example_in_british_english(tmp_path: Path) -> None:
    """--language en_GB on an en_US project writes British dates ("1 January 2027")."""
    target = tmp_path / "out.docx"
    result = run("generate", US_EXAMPLE, "-o", target, "--language", "en_GB")
    assert result.status == 0, result
    assert "1 January 2027" in docx_text(target)


def test_generate_without_output_writes_beside_the_project(tmp_path: Path) -> None:
    """Without -o the contract lands next to the project, same name, .docx."""
    project = copy_example(US_EXAMPLE, tmp_path, "my-agreement.slaproj")
    result = run("generate", project)
    assert result.status == 0, result
    expected = tmp_path / "my-agreement.docx"
    assert expected.is_file()
    assert files_in(tmp_path) == {"my-agreement.slaproj", "my-agreement.docx"}
    assert str(expected) in result.out
    assert US_PROVIDER in docx_text(expected)


def test_generate_replaces_an_existing_contract(tmp_path: Path) -> None:
    """Generating again overwrites the previous contract instead of failing."""
    target = tmp_path / "out.docx"
    target.write_bytes(b"an old contract")
    result = run("generate", US_EXAMPLE, "-o", target)
    assert result.status == 0, result
    assert US_PROVIDER in docx_text(target)
    assert files_in(tmp_path) == {"out.docx"}  # no temporary file left behind


def test_generate_leaves_the_example_folder_untouched(tmp_path: Path) -> None:
    """Generating with -o writes nothing into the project's own folder."""
    before = files_in(US_EXAMPLE.parent)
    assert run("generate", US_EXAMPLE, "-o", tmp_path / "out.docx").status == 0
    assert files_in(US_EXAMPLE.parent) == before


def test_generate_never_overwrites_the_project_itself(tmp_path: Path) -> None:
    """A project saved as NAME.docx must not be destroyed by its own contract."""
    project = copy_example(US_EXAMPLE, tmp_path, "agreement.docx")
    original = project.read_bytes()
    run("generate", project)
    assert project.read_bytes() == original


# --------------------------------------------------------------------------- languages


def test_generate_french_project_in_its_own_language(tmp_path: Path) -> None:
    """A fr_FR project gets a French contract, with French dates, by default."""
    target = tmp_path / "out.docx"
    result = run("generate", FR_EXAMPLE, "-o", target)
    assert result.status == 0, result
    text = docx_text(target)
    assert "15 mars 2027" in text
    assert "Niveaux de service" in text or "niveaux de service" in text


def test_a_project_in_an_undesigned_language_needs_a_contract_language(tmp_path: Path) -> None:
    """A project in a language with no contract clauses is refused like any project
    with an error, naming the language and the supported locales."""
    project = write_project(tmp_path, lambda data: data.update(language="ja_JP"))
    target = tmp_path / "out.docx"
    result = run("generate", project, "-o", target)
    assert result.status == 1, result
    assert "Traceback" not in result.err
    assert "ja_JP" in result.err
    assert SUPPORTED_LIST in result.err
    assert result.out == ""
    assert not target.exists()


def test_generate_french_project_in_british_english(tmp_path: Path) -> None:
    """--language en_GB turns a fr_FR project into an English contract with UK dates."""
    target = tmp_path / "out.docx"
    result = run("generate", FR_EXAMPLE, "-o", target, "--language", "en_GB")
    assert result.status == 0, result
    assert result.err == ""
    text = docx_text(target)
    assert "15 March 2027" in text  # effective date 2027-03-15
    assert "Nuage Léger SAS" in text
    assert "not legal advice" in result.out


def test_generate_shows_warnings_but_still_writes(tmp_path: Path) -> None:
    """Warnings of a project are listed on stdout after the contract is written."""
    target = tmp_path / "out.docx"
    result = run("generate", FR_EXAMPLE, "-o", target, "--language", "en_GB")
    assert result.status == 0, result
    assert target.is_file()
    assert "Worth a look before you send it:" in result.out
    assert any(line.startswith("warning: metrics[") for line in result.out.splitlines())


def _frame_on(data: dict[str, Any]) -> None:
    data.setdefault("frame", {})["included"] = True
    data["frame"]["governing_law"] = ""


@pytest.mark.parametrize("language", ["pt_BR", "nl_NL"])
def test_frame_is_checked_in_the_language_of_the_contract(tmp_path: Path, language: str) -> None:
    """A US project with the legal frame on, written in a language whose country
    has a governing law: no warning that the United States has none, neither
    from check nor from generate, and the contract names that law."""
    project = write_project(tmp_path, _frame_on)
    assert "governing law" in run("check", project).out  # in American English: none
    checked = run("check", project, "--language", language)
    assert "governing law" not in checked.out, checked.out
    target = tmp_path / "out.docx"
    generated = run("generate", project, "-o", target, "--language", language)
    assert generated.status == 0, generated
    assert "governing law" not in generated.out, generated.out
    law = {"pt_BR": "Brasil", "nl_NL": "Nederland"}[language]
    assert law in docx_text(target)


@pytest.mark.parametrize("language", ["xx_YY", "ja_JP", "de", "en", "en-GB"])
def test_generate_refuses_an_unsupported_language(tmp_path: Path, language: str) -> None:
    """An unsupported --language is refused in one line listing the supported ones."""
    target = tmp_path / "out.docx"
    result = run("generate", US_EXAMPLE, "-o", target, "--language", language)
    assert_one_line_failure(result, language, SUPPORTED_LIST)
    assert not target.exists()


@pytest.mark.parametrize("language", ["en_US", "en_GB", "de_DE", "de_AT", "de_CH", "fr_FR",
                                      "fr_BE", "es_ES", "es_MX", "nl_NL", "nl_BE", "it_IT",
                                      "pt_BR"])
def test_generate_works_in_every_contract_locale(tmp_path: Path, language: str) -> None:
    """Every designed locale writes a contract; the date shows the locale's own format."""
    target = tmp_path / "out.docx"
    result = run("generate", DE_EXAMPLE, "-o", target, "--language", language)
    assert result.status == 0, result
    text = docx_text(target)
    assert "2027" in text and "Muster GmbH" in text


# --------------------------------------------------------------------------- project errors


def test_generate_refuses_a_project_with_errors(tmp_path: Path) -> None:
    """A project with an error gets no contract; stderr names the field to fix."""
    project = write_project(tmp_path, unknown_service)
    target = tmp_path / "out.docx"
    result = run("generate", project, "-o", target)
    assert result.status == 1, result
    assert result.out == ""
    assert "Traceback" not in result.err
    lines = result.err.splitlines()
    assert str(project) in lines[0]
    assert "not generated" in lines[0]
    error_lines = [line for line in lines if line.startswith("error: ")]
    assert any(
        line.startswith("error: metrics[1].service: ") and '"nope"' in line
        for line in error_lines
    ), result.err
    assert not any(line.startswith("warning:") for line in lines)
    assert not target.exists()
    assert files_in(tmp_path) == {project.name}


def test_generate_errors_without_output_option_write_nothing(tmp_path: Path) -> None:
    """A refused project leaves no .docx beside it either."""
    project = write_project(tmp_path, unknown_service)
    assert run("generate", project).status == 1
    assert files_in(tmp_path) == {project.name}


def test_check_reports_a_project_with_errors(tmp_path: Path) -> None:
    """`check` lists each error with its field and ends with a summary, exit 1."""
    project = write_project(tmp_path, unknown_service)
    result = run("check", project)
    assert result.status == 1, result
    assert result.err == ""
    lines = result.out.splitlines()
    assert any(line.startswith("error: metrics[1].service: ") for line in lines), result.out
    assert lines[-1].startswith(f"{project}: ")
    assert "1 error(s)" in lines[-1]
    assert "warning(s)" in lines[-1]
    assert files_in(tmp_path) == {project.name}


def error_and_warnings(data: dict[str, Any]) -> None:
    """An error on the second metric, warnings on the first metric and on reporting
    (besides the example's own: its Critical level is answered at all times)."""
    data["metrics"][0]["measurement"] = ""  # warning: metrics[1].measurement
    data["metrics"][1]["service"] = "nope"  # error: metrics[2].service
    data["reporting"]["recipient"] = ""  # warning: reporting.recipient


def test_check_lists_errors_before_warnings(tmp_path: Path) -> None:
    """In `check` output, the errors come first, then the warnings, then the summary."""
    project = write_project(tmp_path, error_and_warnings)
    result = run("check", project)
    assert result.status == 1, result
    lines = result.out.splitlines()
    assert [line.split(": ", 2)[:2] for line in lines[:-1]] == [
        ["error", "metrics[2].service"],
        # the example's "Business Hours" and "Monthly Uptime Percentage" repeat built-in terms
        ["warning", "agreement.definitions[2].term"],
        ["warning", "agreement.definitions[3].term"],
        ["warning", "metrics[1].measurement"],
        ["warning", "severity_levels[1].measured_during"],
        ["warning", "reporting.recipient"],
        # ticked, but without payment terms the suspension exclusion is left out
        ["warning", "exclusions.standard[6]"],
    ], result.out
    assert lines[-1] == f"{project}: 1 error(s), 6 warning(s)"


def test_generate_refusal_lists_only_the_errors(tmp_path: Path) -> None:
    """When a contract is refused, stderr shows the errors to fix, not the warnings."""
    project = write_project(tmp_path, error_and_warnings)
    result = run("generate", project)
    assert result.status == 1, result
    lines = result.err.splitlines()
    assert len(lines) == 2, result.err
    assert lines[1].startswith("error: metrics[2].service: ")
    assert files_in(tmp_path) == {project.name}


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_check_accepts_every_example(example: Path) -> None:
    """`check` on each bundled example succeeds and prints a summary naming the file."""
    result = run("check", example)
    assert result.status == 0, result
    assert result.err == ""
    summary = result.out.splitlines()[-1]
    assert summary.startswith(f"{example}: 0 error(s), ")
    assert not any(line.startswith("error:") for line in result.out.splitlines())


# --------------------------------------------------------------------------- broken files


def _not_json(folder: Path) -> Path:
    path = folder / "broken.slaproj"
    path.write_text('{"format": "sla-project", "format_version": 1,', encoding="utf-8")
    return path


def _newer_format(folder: Path) -> Path:
    return write_project(folder, lambda data: data.update(format_version=99), "newer.slaproj")


def _missing(folder: Path) -> Path:
    return folder / "missing.slaproj"


def _not_utf8(folder: Path) -> Path:
    path = folder / "latin1.slaproj"
    path.write_bytes(b'{"format": "sla-project", "note": "caf\xe9"}')
    return path


def _not_a_project(folder: Path) -> Path:
    path = folder / "list.slaproj"
    path.write_text("[1, 2, 3]", encoding="utf-8")
    return path


def _invalid_field(folder: Path) -> Path:
    def change(data: dict[str, Any]) -> None:
        data["metrics"][0]["target"] = ["not", "a", "number"]
        data["services"] = "everything"

    return write_project(folder, change, "invalid.slaproj")


def _folder(folder: Path) -> Path:
    path = folder / "a-folder.slaproj"
    path.mkdir()
    return path


BROKEN: dict[str, tuple[Callable[[Path], Path], str]] = {
    "not-json": (_not_json, "not valid JSON"),
    "newer-format": (_newer_format, "newer version"),
    "missing": (_missing, "no such file"),
    "not-utf8": (_not_utf8, "UTF-8"),
    "not-a-project": (_not_a_project, "not an SLA Wizard project"),
    "invalid-field": (_invalid_field, "more problems"),
    "folder": (_folder, "folder"),
}


@pytest.mark.parametrize("command", ["generate", "check"])
@pytest.mark.parametrize("kind", BROKEN)
def test_broken_project_file_fails_in_one_line(tmp_path: Path, kind: str, command: str) -> None:
    """A damaged, newer or missing project gives one clear line and status 2."""
    make, fragment = BROKEN[kind]
    project = make(tmp_path)
    before = files_in(tmp_path)
    result = run(command, project)
    assert_one_line_failure(result, project.name, fragment)
    assert result.out == ""
    assert files_in(tmp_path) == before  # no contract, and the project is left alone


def test_newer_format_file_is_left_unchanged(tmp_path: Path) -> None:
    """A project from a newer SLA Wizard is refused without being modified."""
    project = _newer_format(tmp_path)
    original = project.read_bytes()
    result = run("generate", project, "-o", tmp_path / "out.docx")
    assert_one_line_failure(result, "format 99", "Update SLA Wizard")
    assert project.read_bytes() == original


@pytest.mark.parametrize("entry", ENTRY_POINTS)
@pytest.mark.parametrize("kind", ["not-json", "newer-format", "missing"])
def test_broken_project_file_no_traceback_in_a_real_process(
    tmp_path: Path, kind: str, entry: str
) -> None:
    """Run for real, a broken project still shows one line and no Python traceback."""
    make, fragment = BROKEN[kind]
    project = make(tmp_path)
    result = run_process(entry, "generate", project, "-o", tmp_path / "out.docx")
    assert_one_line_failure(result, project.name, fragment)
    assert result.out == ""
    assert not (tmp_path / "out.docx").exists()


# --------------------------------------------------------------------------- output location


def test_generate_into_a_missing_folder_fails_in_one_line(tmp_path: Path) -> None:
    """-o into a folder that does not exist gives one line and status 2."""
    target = tmp_path / "nonexistent-dir" / "x.docx"
    result = run("generate", US_EXAMPLE, "-o", target)
    assert_one_line_failure(result, "x.docx")
    assert not target.parent.exists()


def test_generate_into_root_level_missing_folder_fails_in_one_line() -> None:
    """-o /nonexistent-dir/x.docx gives one line and status 2, nothing is created."""
    target = Path("/nonexistent-dir/x.docx")
    assert not target.parent.exists()
    result = run("generate", US_EXAMPLE, "-o", target)
    assert_one_line_failure(result, "x.docx")
    assert not target.parent.exists()


def test_generate_below_a_plain_file_fails_in_one_line(tmp_path: Path) -> None:
    """-o whose 'folder' is actually a file gives one line and status 2."""
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = run("generate", US_EXAMPLE, "-o", blocker / "x.docx")
    assert_one_line_failure(result, "x.docx")
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_generate_onto_a_folder_fails_in_one_line(tmp_path: Path) -> None:
    """-o naming an existing folder gives one line and status 2, the folder survives."""
    folder = tmp_path / "contracts"
    folder.mkdir()
    result = run("generate", US_EXAMPLE, "-o", folder)
    assert_one_line_failure(result, folder.name)
    assert folder.is_dir()
    assert files_in(folder) == set()
    assert files_in(tmp_path) == {"contracts"}  # no temporary file left behind


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="permissions do not stop root (or do not exist here)")
def test_generate_into_a_read_only_folder_fails_in_one_line(tmp_path: Path) -> None:
    """-o into a folder the user may not write gives one line and status 2."""
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        result = run("generate", US_EXAMPLE, "-o", folder / "x.docx")
        assert_one_line_failure(result, "x.docx")
        assert files_in(folder) == set()
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_missing_output_folder_no_traceback_in_a_real_process(entry: str) -> None:
    """Run for real, an impossible -o gives one line and no Python traceback."""
    result = run_process(entry, "generate", US_EXAMPLE, "-o", "/nonexistent-dir/x.docx")
    assert_one_line_failure(result, "x.docx")


# --------------------------------------------------------------------------- real processes


@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_generate_in_a_real_process(tmp_path: Path, entry: str) -> None:
    """`python main.py generate` and `python -m wizard.app generate` write the contract."""
    target = tmp_path / "out.docx"
    result = run_process(entry, "generate", US_EXAMPLE, "-o", target)
    assert result.status == 0, result
    assert result.err == ""
    assert str(target) in result.out
    assert "not legal advice" in result.out
    assert US_PROVIDER in docx_text(target)


def test_generate_relative_path_in_a_real_process(tmp_path: Path) -> None:
    """Run from the project's folder with a bare file name, the contract lands there."""
    copy_example(US_EXAMPLE, tmp_path, "deal.slaproj")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "generate", "deal.slaproj"],
        cwd=tmp_path, env=env, capture_output=True, text=True, encoding="utf-8", timeout=120,
        check=False,
    )
    assert done.returncode == 0, done
    assert "Traceback" not in done.stderr
    assert (tmp_path / "deal.docx").is_file()
    assert files_in(tmp_path) == {"deal.slaproj", "deal.docx"}


def test_generate_bare_file_name_writes_in_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`generate deal.slaproj` run inside the folder writes deal.docx in that folder."""
    copy_example(US_EXAMPLE, tmp_path, "deal.slaproj")
    monkeypatch.chdir(tmp_path)
    result = run("generate", "deal.slaproj")
    assert result.status == 0, result
    assert (tmp_path / "deal.docx").is_file()
    assert "deal.docx" in result.out


@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_check_in_a_real_process(entry: str) -> None:
    """`check` run for real exits 0 on the US example and prints its summary."""
    result = run_process(entry, "check", US_EXAMPLE)
    assert result.status == 0, result
    assert result.err == ""
    assert "0 error(s)" in result.out


# --------------------------------------------------------------------------- version


def test_version_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    """`--version` prints "SLA Wizard" and the version, and exits 0."""
    with pytest.raises(SystemExit) as raised:
        wizard.cli.main(["--version"], out=io.StringIO(), err=io.StringIO())
    assert raised.value.code == 0
    captured = capsys.readouterr()
    assert captured.out == f"SLA Wizard {wizard.__version__}\n"
    assert captured.err == ""


@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_version_in_a_real_process(entry: str) -> None:
    """`python main.py --version` / `python -m wizard.app --version` print the version."""
    result = run_process(entry, "--version")
    assert result.status == 0, result
    assert result.out == f"SLA Wizard {wizard.__version__}\n"
    assert result.err == ""


# --------------------------------------------------------------------------- unexpected errors


@pytest.mark.parametrize("command", ["generate", "check"])
def test_unexpected_error_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    """A bug inside the program still ends with one line and status 2, no traceback."""

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(wizard.cli, "check_project", boom)
    argv: list[str | Path] = [command, US_EXAMPLE]
    if command == "generate":
        argv += ["-o", tmp_path / "out.docx"]
    result = run(*argv)
    assert_one_line_failure(result, "RuntimeError", "boom")
    assert result.out == ""
    assert files_in(tmp_path) == set()


def test_a_traceback_for_a_bug_report_when_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    """With SLA_WIZARD_TRACEBACK set, the one line is followed by where it happened."""

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(wizard.cli, "check_project", boom)
    monkeypatch.setenv(wizard.cli.TRACEBACK_ENV, "1")
    result = run("check", US_EXAMPLE)
    assert result.status == 2
    assert result.err.startswith("sla-wizard: unexpected error (RuntimeError): boom\n")
    assert "Traceback (most recent call last)" in result.err and "in boom" in result.err


def test_unexpected_multiline_error_keeps_only_the_first_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A bug whose message spans lines is still reported as a single line."""

    def boom(*args: object, **kwargs: object) -> None:
        raise ValueError("first line\nsecond line\n  File \"x.py\", line 1")

    monkeypatch.setattr(wizard.cli, "check_project", boom)
    line = assert_one_line_failure(run("check", US_EXAMPLE), "ValueError", "first line")
    assert "second line" not in line


def test_unexpected_error_without_message_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug raising an exception with no message still gives one line naming its kind."""

    def boom(*args: object, **kwargs: object) -> None:
        raise KeyError

    monkeypatch.setattr(wizard.cli, "check_project", boom)
    assert_one_line_failure(run("check", US_EXAMPLE), "KeyError")


def test_unexpected_error_in_a_real_process(tmp_path: Path) -> None:
    """Run for real, an internal bug shows one line on stderr and no traceback."""
    script = (
        "import sys, wizard.cli\n"
        "def boom(*a, **k):\n"
        "    raise RuntimeError('boom')\n"
        "wizard.cli.check_project = boom\n"
        "from wizard.app import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", script, "check", str(US_EXAMPLE)],
        cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8", timeout=120,
        check=False,
    )
    assert_one_line_failure(Result(done.returncode, done.stdout, done.stderr),
                            "RuntimeError", "boom")


# --------------------------------------------------------------------------- templates


def restyled_template(folder: Path) -> Path:
    """The standard template as a consultant might restyle it in Word: another
    body font and dark red headings."""
    from docx.shared import Pt, RGBColor

    from wizard.paths import standard_template

    document = docx.Document(str(standard_template()))
    document.styles["Normal"].font.name = "Courier New"
    document.styles["Normal"].font.size = Pt(10)
    for style in document.styles:
        if style.name.startswith("Heading"):
            style.font.color.rgb = RGBColor(0x80, 0x10, 0x10)
    path = folder / "restyled.docx"
    document.save(str(path))
    return path


def test_generate_with_a_restyled_template(tmp_path: Path) -> None:
    """--template writes the contract in the consultant's own look, with the
    standard wording."""
    target = tmp_path / "out.docx"
    result = run("generate", US_EXAMPLE, "-o", target, "--template", restyled_template(tmp_path))
    assert result.status == 0, result
    written = docx.Document(str(target))
    assert written.styles["Normal"].font.name == "Courier New"
    assert US_PROVIDER in docx_text(target)


def test_generate_with_another_template(tmp_path: Path) -> None:
    """A template of the user's own, with none of the standard text, is what gets written."""
    template = docx.Document()
    template.add_paragraph("{{ provider.name }} serves {{ customer.name }}.")
    template.save(str(tmp_path / "letter.docx"))
    target = tmp_path / "out.docx"
    result = run("generate", US_EXAMPLE, "-o", target, "--template", tmp_path / "letter.docx")
    assert result.status == 0, result
    project = wizard.core.project_file.load_project(US_EXAMPLE)
    assert docx_text(target).strip() == (
        f"{project.parties.provider.name} serves {project.parties.customer.name}.")


def test_the_template_a_project_names_beside_it(tmp_path: Path) -> None:
    """A project naming a template by a path relative to itself gets it, from
    any working folder; --template replaces it, even when it has gone."""
    folder = tmp_path / "clients"
    (folder / "looks").mkdir(parents=True)
    template = docx.Document()
    template.add_paragraph("Letter for {{ customer.name }}")
    template.save(str(folder / "looks" / "letter.docx"))
    project = write_project(folder, lambda data: data.update(template="looks/letter.docx"))
    result = run("generate", project)
    assert result.status == 0, result
    assert docx_text(folder / "edited.docx").strip() == "Letter for Harbor Bakery Co."
    (folder / "looks" / "letter.docx").unlink()
    result = run("generate", project)
    assert result.status == 1, result
    assert "looks/letter.docx" in result.err
    result = run("generate", project, "--template", restyled_template(tmp_path))
    assert result.status == 0, result
    assert US_PROVIDER in docx_text(folder / "edited.docx")


def test_a_missing_template_fails_in_one_line_and_writes_nothing(tmp_path: Path) -> None:
    """A mistyped template name is named in one line; no contract appears."""
    project = copy_example(US_EXAMPLE, tmp_path, "project.slaproj")
    result = run("generate", project, "--template", tmp_path / "nope.docx")
    assert_one_line_failure(result, "nope.docx")
    assert files_in(tmp_path) == {"project.slaproj"}


def test_a_broken_template_fails_in_one_line_and_writes_nothing(tmp_path: Path) -> None:
    """A template with an unclosed tag is refused in one line, naming the template."""
    template = docx.Document()
    template.add_paragraph("{% if provider.name %}Dear {{ provider.name }},")
    template.add_paragraph("Our terms follow.")
    template.save(str(tmp_path / "broken.docx"))
    project = copy_example(US_EXAMPLE, tmp_path, "project.slaproj")
    result = run("generate", project, "--template", tmp_path / "broken.docx")
    assert_one_line_failure(result, "broken.docx")
    assert files_in(tmp_path) == {"project.slaproj", "broken.docx"}


def test_the_contract_never_overwrites_its_template(tmp_path: Path) -> None:
    """-o naming the template itself is refused before the template is destroyed."""
    template = restyled_template(tmp_path)
    original = template.read_bytes()
    result = run("generate", US_EXAMPLE, "-o", template, "--template", template)
    assert_one_line_failure(result, "restyled.docx")
    assert template.read_bytes() == original


# --------------------------------------------------------------------------- PDF


@pytest.mark.slow
@needs_libreoffice
def test_generate_pdf_beside_the_contract(tmp_path: Path) -> None:
    """--pdf writes a PDF beside the Word contract that a client can read: both
    parties and every service level target as the contract words them."""
    from wizard.core.contract import build_context
    from wizard.core.project_file import load_project

    project_path = copy_example(US_EXAMPLE, tmp_path, "northwind.slaproj")
    result = run("generate", project_path, "--pdf")
    assert result.status == 0, result
    assert result.err == ""
    pdf = tmp_path / "northwind.pdf"
    assert files_in(tmp_path) == {"northwind.slaproj", "northwind.docx", "northwind.pdf"}
    assert str(pdf) in result.out
    text = " ".join(pdf_text(pdf).split())
    project = load_project(project_path)
    assert project.parties.provider.name in text
    assert project.parties.customer.name in text
    targets = [str(metric["target"]) for metric in build_context(project)["metrics"]]
    assert len(targets) == len(project.metrics) > 0
    for target in targets:
        assert " ".join(target.split()) in text, target


def test_generate_pdf_without_libreoffice_says_how_to_get_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without LibreOffice, --pdf is refused up front with where to get it."""
    from wizard.core.pdf_export import SOFFICE_ENV

    monkeypatch.setenv(SOFFICE_ENV, str(tmp_path / "nowhere" / "soffice"))
    project = copy_example(US_EXAMPLE, tmp_path, "project.slaproj")
    assert_one_line_failure(run("generate", project, "--pdf"), "LibreOffice", "libreoffice.org")
    assert files_in(tmp_path) == {"project.slaproj"}


@pytest.mark.skipif(sys.platform == "win32", reason="the fake soffice is a shell script")
def test_a_failed_pdf_keeps_the_word_contract(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """When LibreOffice fails, its reason is shown in one line and the Word
    contract is still there."""
    from wizard.core.pdf_export import SOFFICE_ENV

    soffice = tmp_path / "bin" / "soffice"
    soffice.parent.mkdir()
    soffice.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n")
    soffice.chmod(0o755)
    monkeypatch.setenv(SOFFICE_ENV, str(soffice))
    project = copy_example(US_EXAMPLE, tmp_path, "project.slaproj")
    result = run("generate", project, "--pdf")
    assert_one_line_failure(result, "Error: source file could not be loaded")
    assert files_in(tmp_path) == {"project.slaproj", "project.docx", "bin"}
    assert US_PROVIDER in docx_text(tmp_path / "project.docx")
    assert str(tmp_path / "project.docx") in result.out


# --------------------------------------------------------------------------- language


def test_messages_come_in_the_system_language(tmp_path: Path) -> None:
    """A German user would get the refusal in English."""
    result = run_process("main.py", "generate", US_EXAMPLE, "-o", tmp_path / "x.docx",
                         "--template", tmp_path / "fehlt.docx", language="de_DE.UTF-8",
                         config=tmp_path / "config")
    line = assert_one_line_failure(result, "fehlt.docx")
    assert "Die Vertragsvorlage" in line, line
    assert not (tmp_path / "x.docx").exists()


def test_the_language_chosen_in_the_window_wins_over_the_system(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Someone who chose French in the Language menu would get another language
    from the command line than in the window."""
    config = tmp_path / "config"
    monkeypatch.setenv(CONFIG_ENV, str(config))
    save_settings(Settings(interface_language="fr"))
    result = run_process("main.py", "check", US_EXAMPLE, language="de_DE.UTF-8",
                         config=config)
    assert result.status == 0, result
    # P1 at all times, two terms that repeat built-in ones, checks every minute counted
    # to the second
    assert "0 erreur(s), 5 avertissement(s)" in result.out


@pytest.mark.parametrize(("environ", "expected"), [
    ({"LANG": "de_AT.UTF-8"}, "de_AT"),
    ({"LANGUAGE": "pt_BR:en", "LANG": "de_DE.UTF-8"}, "pt_BR"),
    ({"LC_ALL": "fr_BE.UTF-8@euro", "LANG": "de_DE.UTF-8"}, "fr_BE"),
    ({"LANG": "C.UTF-8"}, ""),
    ({}, ""),
])
def test_the_system_locale_is_read_as_gettext_reads_it(environ: dict[str, str],
                                                       expected: str) -> None:
    assert wizard.cli.system_locale(environ) == expected
