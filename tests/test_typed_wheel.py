"""Issue 14: the wheel ships ``py.typed``, so a user's ``mypy --strict`` sees natojp's types.

The check runs against what a user installs, not against the source tree: the
project is built into a wheel, the wheel is installed into a fresh virtualenv
in a temporary directory, and mypy is pointed at that virtualenv's Python
(``--python-executable``) from a directory with no config file, no ``MYPYPATH``
and no ``src/`` in sight. mypy then finds ``natojp`` only as an installed
package, which it reads only if the package carries a PEP 561 ``py.typed``
marker. The same check with the marker deleted from the installed copy must
fail, which shows that the marker in the wheel is what is being tested.

natojp's runtime dependencies (attrs, cattrs, python-dateutil, ...) are visible
to that virtualenv, as they would be after ``pip install natojp``: without
them, mypy reads natojp's attrs classes as plain classes (``PartialDate(2022, 6)``
becomes "Too many arguments"). They come from this environment's site-packages,
offline, through a directory of links that leaves out any natojp found there
(an editable install points at ``src/``).
"""

from __future__ import annotations

import importlib.util
import os
import re
import site
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _build_backend_module() -> str:
    """The top-level module of the build backend pyproject.toml names."""
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    match = re.search(r'^build-backend\s*=\s*"([^"]+)"', pyproject, re.MULTILINE)
    backend = match.group(1) if match else "setuptools.build_meta"
    return backend.split(":")[0].split(".")[0]


BACKEND = _build_backend_module()

pytestmark = [
    pytest.mark.skipif(
        importlib.util.find_spec("mypy") is None,
        reason="mypy is not installed (it is in the dev extras)",
    ),
    pytest.mark.skipif(
        importlib.util.find_spec(BACKEND) is None,
        reason=f"the build backend {BACKEND!r} is not installed here, and the wheel is "
        "built offline with --no-build-isolation",
    ),
]

# What a user writes. Each reveal_type() names, after "expect:", the class
# its revealed type must mention (by name, not module path). Kept to the
# public, top-level API.
USER_SCRIPT = '''\
"""Someone's script: natojp's bundled corpus, then a folder of their own."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import natojp


def byline(doc: natojp.Document) -> str:
    authors = ", ".join(doc.authors) or "unsigned"
    return f"{doc.id}: {doc.title} ({authors}, {doc.date or 'undated'})"


def most_published(corpus: natojp.Corpus) -> list[tuple[str, int]]:
    return Counter(author for doc in corpus for author in doc.authors).most_common(3)


def main(argv: list[str]) -> int:
    corpus = natojp.load_corpus()
    reveal_type(corpus)  # expect: Corpus
    for doc in corpus:
        reveal_type(doc)  # expect: Document
        reveal_type(doc.id)  # expect: str
        reveal_type(doc.title)  # expect: str
        reveal_type(doc.text)  # expect: str
        reveal_type(doc.authors)  # expect: str
        reveal_type(doc.date)  # expect: PartialDate
        print(byline(doc))
    op_ed = corpus["2022-06-30-nikkei-op-ed"]
    reveal_type(op_ed)  # expect: Document
    reveal_type(corpus[0])  # expect: Document
    reveal_type(corpus[:2])  # expect: Corpus
    words = sum(len(doc.text.split()) for doc in corpus)
    print(f"{len(corpus)} documents, {words} words; {op_ed.title}")
    print(most_published(corpus))
    if len(argv) > 1:
        mine = natojp.load(Path(argv[1]))
        reveal_type(mine)  # expect: Corpus
        reveal_type(natojp.load_document(Path(argv[1])))  # expect: Document
    reveal_type(natojp.loads(natojp.dumps(corpus)))  # expect: Corpus
    reveal_type(natojp.loads_document(natojp.dumps(op_ed)))  # expect: Document
    reveal_type(corpus.get("nope", op_ed))  # expect: Document
    reveal_type(corpus.kwic("alliance"))  # expect: KwicLine
    reveal_type(corpus.kwic("alliance")[0])  # expect: KwicLine
    reveal_type(corpus.sentences()[0].person_id)  # expect: str
    lookup_error: KeyError = natojp.UnknownIdError("no document with id 'nope'")
    print(lookup_error)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
'''

SCRIPT_NAME = "user_script.py"
EXPECTED = {
    number: line.split("# expect:")[1].strip()
    for number, line in enumerate(USER_SCRIPT.splitlines(), start=1)
    if "reveal_type(" in line
}
REVEALED = re.compile(rf'^{re.escape(SCRIPT_NAME)}:(\d+): note: Revealed type is "(.*)"$')


def _run(args: list[str], *, cwd: Path, env: dict[str, str] | None = None) -> str:
    """Run a command; fail with its output if it exits non-zero."""
    done = subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, (
        f"{' '.join(args)} exited {done.returncode}\n{done.stdout}\n{done.stderr}"
    )
    return done.stdout


def _clean_env() -> dict[str, str]:
    """This environment, with nothing that would show mypy or Python the source tree."""
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "MYPYPATH"}}
    env["PYTHONNOUSERSITE"] = "1"
    return env


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """natojp built into a wheel from the repository root."""
    out = tmp_path_factory.mktemp("wheel")
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "--no-cache-dir",
            "-w",
            str(out),
            str(ROOT),
        ],
        cwd=out,
    )
    (built,) = out.glob("natojp-*.whl")
    return built


@pytest.fixture(scope="module")
def dependencies(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory of links to everything in this environment's site-packages but natojp."""
    links = tmp_path_factory.mktemp("dependencies")
    site_dirs = [*site.getsitepackages()]
    if site.ENABLE_USER_SITE:
        site_dirs.append(site.getusersitepackages())
    for site_dir in map(Path, site_dirs):
        if not site_dir.is_dir():
            continue
        for entry in sorted(site_dir.iterdir()):
            name = entry.name.lower()
            if "natojp" in name or name.endswith(".pth") or (links / entry.name).exists():
                continue
            (links / entry.name).symlink_to(entry, target_is_directory=entry.is_dir())
    return links


def _install(wheel: Path, dependencies: Path, where: Path) -> tuple[Path, Path]:
    """A fresh virtualenv with the wheel installed and the dependencies linked in;
    its Python and the installed natojp package."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(where)], check=True)
    python = where / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "-q",
            "--no-deps",
            "--no-index",
            "--no-cache-dir",
            str(wheel),
        ],
        cwd=where,
    )
    purelib = _run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        cwd=where,
        env=_clean_env(),
    ).strip()
    (Path(purelib) / "_natojp_test_dependencies.pth").write_text(
        f"{dependencies}\n", encoding="utf-8"
    )
    return python, Path(purelib) / "natojp"


def _mypy(python: Path, workdir: Path) -> subprocess.CompletedProcess[str]:
    """``mypy --strict`` on the user's script, as the user would run it, with the
    virtualenv's Python; from a directory holding only the script."""
    workdir.mkdir()
    (workdir / SCRIPT_NAME).write_text(USER_SCRIPT, encoding="utf-8")
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--config-file=",
            "--python-executable",
            str(python),
            "--cache-dir",
            str(workdir.parent / f"{workdir.name}-cache"),
            SCRIPT_NAME,
        ],
        cwd=workdir,
        env=_clean_env(),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _revealed(stdout: str) -> dict[int, str]:
    return {
        int(match.group(1)): match.group(2)
        for match in map(REVEALED.match, stdout.splitlines())
        if match
    }


def test_installed_wheel_has_py_typed_and_mypy_strict_sees_real_types(
    wheel: Path, dependencies: Path, tmp_path: Path
) -> None:
    python, package = _install(wheel, dependencies, tmp_path / "venv")
    assert (package / "py.typed").is_file(), "the wheel does not ship natojp/py.typed"
    # The virtualenv's Python imports natojp from the installed wheel (so not
    # from src/), and its dependencies are importable.
    where = _run(
        [str(python), "-c", "import natojp; print(natojp.__file__)"],
        cwd=tmp_path,
        env=_clean_env(),
    ).strip()
    assert Path(where).resolve() == (package / "__init__.py").resolve()

    done = _mypy(python, tmp_path / "user")
    output = done.stdout + done.stderr
    assert done.returncode == 0, f"mypy --strict failed on the user's script:\n{output}"
    revealed = _revealed(done.stdout)
    for line, name in EXPECTED.items():
        assert line in revealed, f"no revealed type for line {line}:\n{output}"
        assert re.search(rf"\b{name}\b", revealed[line]), (
            f"line {line} revealed {revealed[line]!r}, expected a {name}:\n{output}"
        )
        assert not re.search(r"\bAny\b", revealed[line]), (
            f"line {line} revealed {revealed[line]!r}:\n{output}"
        )


def test_without_py_typed_mypy_strict_rejects_the_installed_package(
    wheel: Path, dependencies: Path, tmp_path: Path
) -> None:
    python, package = _install(wheel, dependencies, tmp_path / "venv")
    (package / "py.typed").unlink()

    done = _mypy(python, tmp_path / "user")
    output = done.stdout + done.stderr
    assert done.returncode != 0, f"mypy --strict passed without py.typed:\n{output}"
    assert "import-untyped" in output
    assert "missing library stubs or py.typed marker" in output
    # And what the first test checks would have caught it: everything is Any.
    assert set(_revealed(done.stdout).values()) == {"Any"}, output
