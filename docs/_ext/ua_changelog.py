"""The changelog page: CHANGELOG.md with the unreleased entries rendered.

The entries of the next release wait in ``changelog.d/`` as towncrier
fragments until a release writes them into ``CHANGELOG.md``.  This
extension renders them at build time (``towncrier build --draft``,
nothing written) under an "Unreleased" heading where towncrier will put
them, so the documentation shows every change, released or not.  The
page's source (``docs/changelog.md``) is only a placeholder.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

ROOT = Path(__file__).resolve().parents[2]
START = "<!-- towncrier release notes start -->\n"


def unreleased(version: str) -> str:
    """The fragments in changelog.d/, rendered, under an Unreleased title."""
    result = subprocess.run(
        [
            *(sys.executable, "-m", "towncrier", "build", "--draft"),
            *("--version", version, "--dir", str(ROOT)),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise ExtensionError(
            "towncrier could not render changelog.d/ (install the docs"
            f" extra: pip install -e '.[docs]'): {result.stderr.strip()}"
        )
    draft = result.stdout
    if "## " not in draft:  # no fragment waiting
        return ""
    # The draft's own title names a version not yet released.
    body = draft[draft.index("\n", draft.index("## ")) :].strip("\n")
    return f"## Unreleased\n\n{body}\n\n"


def changelog(version: str) -> str:
    """The whole changelog page, as Markdown."""
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    if START not in text:
        raise ExtensionError(f"CHANGELOG.md has no {START.strip()} line")
    head, _, released = text.partition(START)
    return head + START + "\n" + unreleased(version) + released


def _source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    if docname == "changelog":
        source[0] = changelog(app.config.release)


def setup(app: Sphinx) -> dict[str, object]:
    """Register the changelog page's renderer."""
    app.connect("source-read", _source_read)
    # The page depends on files Sphinx does not track: read it each build.
    app.connect("env-get-outdated", lambda *args: ["changelog"])
    return {"parallel_read_safe": True, "parallel_write_safe": True}
