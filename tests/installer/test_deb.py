"""The Linux package as a user gets it.

``installer/build`` makes the bundle, the .tar.gz and the .deb; ``dpkg -i``
installs the .deb on this machine; the installed ``sla-wizard`` then runs from
a temporary folder, on copies of the shared examples, with a clean environment
(no PYTHONPATH, offscreen Qt) and, where the machine allows a private mount
namespace, with an empty folder mounted over the source tree so that nothing
can be read from it. ``dpkg -r`` removes the package at the end.

It takes minutes and needs root: it runs only with SLA_WIZARD_TEST_BUNDLE=1
(``.ci/run`` sets it) and is skipped otherwise.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tarfile
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx_reading import read_contract
from example_paths import EXAMPLES, ROOT, SHARED_EXAMPLES, US_EXAMPLE
from office import needs_libreoffice, pdf_text

from wizard.core.contract import CONTRACT_LOCALES
from wizard.core.project_file import load_project
from wizard.core.render import generate_contract
from wizard.translations import MESSAGES_DOMAIN, available_languages

pytestmark = [
    pytest.mark.bundle,
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("SLA_WIZARD_TEST_BUNDLE") != "1",
                       reason="builds and installs the .deb: set SLA_WIZARD_TEST_BUNDLE=1"),
]

PACKAGE = "sla-wizard"
PROGRAM = "/usr/bin/sla-wizard"
BUNDLE = Path("/opt/sla-wizard/_internal")
SMOKE_PASSED = re.compile(r"^smoke test passed: \d+ steps, preview rendered$", re.M)
SELF_CHECK_PASSED = re.compile(
    r"^self-check passed: PySide6 \S+, Python \S+: reference count of None changed by "
    r"\+\d+ over \d+ Qt calls that return nothing \(\+\d+\.\d{4} per call\)", re.M)
INTERFACE_LANGUAGES = [code for code in available_languages(MESSAGES_DOMAIN) if code != "en"]
VERSION = re.search(r'^__version__ = "([^"]+)"',
                    (ROOT / "wizard" / "__init__.py").read_text(encoding="utf-8"), re.M)[1]
SOURCE_EXAMPLES = sorted(SHARED_EXAMPLES.glob("*.slaproj")) if SHARED_EXAMPLES.is_dir() \
    else EXAMPLES


def _run(command: list[str], *, cwd: Path | None = None, env: dict[str, str] | None = None,
         timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, env=env, timeout=timeout, capture_output=True,
                          text=True, check=False)


def _masking_works() -> bool:
    """Whether an empty folder can be mounted over the source tree in a private
    mount namespace (root, and a kernel that lets this machine unshare)."""
    if shutil.which("unshare") is None:
        return False
    probe = _run(["unshare", "--mount", "--propagation", "private", "sh", "-c",
                  'mount -t tmpfs -o size=1m none "$1" && test ! -e "$1/README.md"',
                  "sh", str(ROOT)], timeout=30)
    return probe.returncode == 0


@pytest.fixture(scope="module")
def installed() -> Iterator[Path]:
    """The .deb, freshly built and installed on this machine; removed afterwards."""
    if os.geteuid() != 0 or shutil.which("dpkg") is None:
        pytest.fail("the bundle test installs a .deb: run it as root on Debian or Ubuntu")
    build = _run([str(ROOT / "installer" / "build")], cwd=ROOT, timeout=3600)
    assert build.returncode == 0, build.stdout[-4000:] + build.stderr[-4000:]
    architecture = _run(["dpkg", "--print-architecture"]).stdout.strip()
    deb = ROOT / "dist" / f"{PACKAGE}_{VERSION}_{architecture}.deb"
    assert deb.is_file(), build.stdout[-4000:]
    install = _run(["dpkg", "-i", str(deb)], timeout=600)
    try:
        assert install.returncode == 0, install.stdout + install.stderr
        yield deb
    finally:
        removal = _run(["dpkg", "-r", PACKAGE], timeout=600)
        assert removal.returncode == 0, removal.stdout + removal.stderr
        assert not Path("/opt/sla-wizard").exists()
        assert not Path(PROGRAM).exists()


@pytest.fixture(scope="module")
def masked() -> bool:
    works = _masking_works()
    if not works:
        warnings.warn("cannot mount over the source tree here: the installed program runs "
                      "from a temporary folder with a clean environment only", stacklevel=1)
    return works


@pytest.fixture
def user_folder(tmp_path: Path) -> Path:
    """A user's folder holding copies of the shared examples, outside the source tree."""
    folder = tmp_path / "projects"
    folder.mkdir()
    for example in SOURCE_EXAMPLES:
        shutil.copyfile(example, folder / example.name)
    return folder


def run_installed(arguments: list[str], cwd: Path, masked: bool,
                  system_locale: str = "C.UTF-8") -> subprocess.CompletedProcess[str]:
    """``sla-wizard ARGUMENTS`` found on the PATH, as a user starts it, in ``cwd``,
    on a system set to ``system_locale``."""
    home = cwd.parent / "home"
    runtime = cwd.parent / "runtime"
    for folder in (home, runtime):
        folder.mkdir(mode=0o700, exist_ok=True)
    environment = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": str(home),
        "XDG_RUNTIME_DIR": str(runtime),
        "LANG": system_locale,
        "QT_QPA_PLATFORM": "offscreen",
    }
    command = ["sla-wizard", *arguments]
    if masked:
        command = ["unshare", "--mount", "--propagation", "private", "sh", "-c",
                   'mount -t tmpfs -o ro,size=1m none "$0" && exec "$@"', str(ROOT), *command]
    return _run(command, cwd=cwd, env=environment, timeout=300)


def test_the_package_installs_the_program_and_its_desktop_integration(installed: Path) -> None:
    assert Path(PROGRAM).resolve() == Path("/opt/sla-wizard/sla-wizard")
    assert os.access("/opt/sla-wizard/sla-wizard", os.X_OK)
    templates = [p.name for p in (ROOT / "templates").iterdir() if p.suffix in (".docx", ".md")]
    assert "standard.docx" in templates
    for name in templates:  # the contract template and the variables reference
        assert (BUNDLE / "templates" / name).is_file(), name
    assert sorted(p.name for p in (BUNDLE / "resources" / "examples").glob("*.slaproj")) \
        == sorted(p.name for p in EXAMPLES)
    images = {p.name for p in (BUNDLE / "PySide6" / "Qt" / "plugins" / "imageformats").iterdir()}
    assert {"libqjpeg.so", "libqsvg.so"} <= images  # JPEG logos (PNG is built into Qt)
    desktop = Path("/usr/share/applications/example.slawizard.SLAWizard.desktop")
    assert "MimeType=application/x-slaproj;" in desktop.read_text(encoding="utf-8")
    for icon in ("apps/sla-wizard", "mimetypes/application-x-slaproj"):
        assert Path(f"/usr/share/icons/hicolor/48x48/{icon}.png").is_file()
        assert Path(f"/usr/share/icons/hicolor/scalable/{icon}.svg").is_file()
    if shutil.which("desktop-file-validate"):
        check = _run(["desktop-file-validate", str(desktop)])
        assert check.returncode == 0, check.stdout + check.stderr


def test_a_project_file_is_known_and_opens_with_the_program(installed: Path) -> None:
    """shared-mime-info maps *.slaproj to application/x-slaproj, and the desktop
    database maps that type to the program, so double-clicking opens it."""
    if shutil.which("update-mime-database") is None:
        pytest.skip("shared-mime-info is not installed on this machine")
    globs = Path("/usr/share/mime/globs2").read_text(encoding="utf-8")
    assert "application/x-slaproj:*.slaproj" in globs
    assert Path("/usr/share/mime/application/x-slaproj.xml").is_file()
    if shutil.which("update-desktop-database"):
        cache = Path("/usr/share/applications/mimeinfo.cache").read_text(encoding="utf-8")
        assert "application/x-slaproj=example.slawizard.SLAWizard.desktop;" in cache


def test_the_installed_program_says_its_version(installed: Path, user_folder: Path,
                                               masked: bool) -> None:
    result = run_installed(["--version"], user_folder, masked)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"SLA Wizard {VERSION}"


def test_the_installed_programs_qt_calls_leave_none_alone(installed: Path, user_folder: Path,
                                                          masked: bool) -> None:
    """A bundled Qt binding that lowers the reference count of None in each call
    that returns nothing (PySide6 6.12.0 on Python 3.11) makes the window abort
    after some minutes of typing (issue 14)."""
    result = run_installed(["--self-check"], user_folder, masked)
    assert result.returncode == 0, result.stdout + result.stderr
    assert SELF_CHECK_PASSED.search(result.stdout), result.stdout
    assert "Fatal Python error" not in result.stderr, result.stderr


@pytest.mark.parametrize("example", [p.name for p in SOURCE_EXAMPLES])
def test_the_installed_program_visits_every_step_of_each_example(
        installed: Path, user_folder: Path, masked: bool, example: str) -> None:
    result = run_installed(["--smoke-test", example], user_folder, masked)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "smoke test passed: 13 steps, preview rendered" in result.stdout


def test_the_installed_program_writes_a_contract_word_reads(installed: Path, user_folder: Path,
                                                           masked: bool) -> None:
    project = user_folder / "msp-it-support.slaproj"
    title = json.loads(project.read_text(encoding="utf-8"))["agreement"]["title"]
    result = run_installed(["generate", project.name, "-o", "contract.docx"], user_folder,
                           masked)
    assert result.returncode == 0, result.stdout + result.stderr
    contract = read_contract((user_folder / "contract.docx").read_bytes())
    assert title in contract.text
    assert len(contract.tables) >= 1


@pytest.mark.parametrize("example", [p.name for p in SOURCE_EXAMPLES])
def test_the_installed_program_writes_an_english_contract_of_each_example(
        installed: Path, user_folder: Path, masked: bool, example: str) -> None:
    result = run_installed(["generate", example, "--language", "en_GB", "-o", "out.docx"],
                           user_folder, masked)
    assert result.returncode == 0, result.stdout + result.stderr
    assert read_contract((user_folder / "out.docx").read_bytes()).body


@pytest.mark.parametrize("locale", CONTRACT_LOCALES)
def test_the_installed_program_writes_each_contract_locale_as_the_source_does(
        installed: Path, user_folder: Path, masked: bool, tmp_path: Path, locale: str) -> None:
    """The bundle carries Babel's data for every contract locale and the locales it
    inherits from: its contract reads word for word like one made from the source."""
    result = run_installed(["generate", US_EXAMPLE.name, "--language", locale, "-o", "out.docx"],
                           user_folder, masked)
    assert result.returncode == 0, result.stdout + result.stderr
    # the bundle carries the language-identification model: English text in another
    # language's contract is named
    english = "warning: agreement.purpose:" in result.stdout
    assert english is not locale.startswith("en_"), result.stdout
    installed_text = read_contract((user_folder / "out.docx").read_bytes())
    source = tmp_path / "source.docx"
    generate_contract(load_project(user_folder / US_EXAMPLE.name), source, locale)
    source_text = read_contract(source.read_bytes())
    assert installed_text.body == source_text.body
    assert installed_text.tables == source_text.tables


@needs_libreoffice
def test_the_installed_program_writes_a_pdf_with_the_systems_libreoffice(
        installed: Path, user_folder: Path, masked: bool) -> None:
    """The bundled program finds LibreOffice on the PATH and starts it with the
    system's own libraries, not the bundle's."""
    project = user_folder / US_EXAMPLE.name
    title = json.loads(project.read_text(encoding="utf-8"))["agreement"]["title"]
    result = run_installed(["generate", project.name, "-o", "contract.docx", "--pdf"],
                           user_folder, masked)
    assert result.returncode == 0, result.stdout + result.stderr
    assert title in " ".join(pdf_text(user_folder / "contract.pdf").split())


def test_the_installed_program_refuses_a_project_language_it_has_no_contract_for(
        installed: Path, user_folder: Path, masked: bool) -> None:
    """A language outside the contract locales is a problem to fix, named with the
    locales to choose from, whatever locale data the bundle carries; the window
    shows such a project all the same."""
    project = json.loads((user_folder / US_EXAMPLE.name).read_text(encoding="utf-8"))
    project["language"] = "ja_JP"
    (user_folder / "japanese.slaproj").write_text(json.dumps(project), encoding="utf-8")
    result = run_installed(["check", "japanese.slaproj"], user_folder, masked)
    assert result.returncode == 1, result.stdout + result.stderr
    problem = next(line for line in result.stdout.splitlines() if "ja_JP" in line)
    assert all(locale in problem for locale in CONTRACT_LOCALES), problem
    window = run_installed(["--smoke-test", "japanese.slaproj"], user_folder, masked)
    assert window.returncode == 0, window.stdout + window.stderr
    assert "Traceback" not in window.stderr, window.stderr


@pytest.mark.parametrize("language", INTERFACE_LANGUAGES)
def test_the_installed_program_runs_in_each_interface_language(
        installed: Path, user_folder: Path, masked: bool, language: str) -> None:
    """On a system in another language the window comes up in it, Qt's own
    buttons too, and every step and the preview work."""
    assert (BUNDLE / "resources" / "locale" / language / "LC_MESSAGES" / "messages.mo").is_file()
    assert (BUNDLE / "PySide6" / "Qt" / "translations" / f"qtbase_{language}.qm").is_file()
    system_locale = language if "_" in language else f"{language}_{language.upper()}"
    result = run_installed(["--smoke-test", US_EXAMPLE.name], user_folder, masked,
                           system_locale=f"{system_locale}.UTF-8")
    assert result.returncode == 0, result.stdout + result.stderr
    assert SMOKE_PASSED.search(result.stdout), result.stdout
    assert "Traceback" not in result.stderr


def test_the_tarball_holds_the_same_bundle(installed: Path) -> None:
    machine = os.uname().machine
    tarball = ROOT / "dist" / f"{PACKAGE}-{VERSION}-linux-{machine}.tar.gz"
    with tarfile.open(tarball) as archive:
        names = set(archive.getnames())
    top = f"{PACKAGE}-{VERSION}"
    assert f"{top}/sla-wizard" in names
    assert f"{top}/_internal/templates/standard.docx" in names
    installed_files = {str(p.relative_to("/opt/sla-wizard")) for p in
                       Path("/opt/sla-wizard").rglob("*") if not p.is_dir() or p.is_symlink()}
    assert {n.removeprefix(top + "/") for n in names if n.startswith(top + "/")} \
        >= installed_files
