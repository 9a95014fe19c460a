"""Skips for absent shared data fail where the shared data is required.

``UNIFIED_ACCOUNT_REQUIRE_SHARED=1`` (``.ci/run`` sets it when it sees
``../shared``) turns those skips, and only those, into failures.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent

SUITE = textwrap.dedent(
    """
    import pytest

    @pytest.mark.skipif(True, reason="shared data absent: ../shared/x")
    def test_needs_shared():
        pass

    def test_skips_inside():
        pytest.skip("shared data absent: ../shared/y")

    @pytest.mark.skip(reason="some other reason")
    def test_other_skip():
        pass

    def test_plain():
        pass
    """
)

MODULE = textwrap.dedent(
    """
    import pytest

    pytest.skip("shared data absent: ../shared/z", allow_module_level=True)

    def test_never():
        pass
    """
)


def _run(tmp_path, required, source=SUITE):
    (tmp_path / "test_suite.py").write_text(source)
    environment = dict(os.environ, PYTHONPATH=str(TESTS))
    environment.pop("UNIFIED_ACCOUNT_REQUIRE_SHARED", None)
    if required:
        environment["UNIFIED_ACCOUNT_REQUIRE_SHARED"] = "1"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "_shared_required",
            "-p",
            "no:cacheprovider",
            "-q",
            "-rA",
            "--rootdir",
            str(tmp_path),
            "-c",
            os.devnull,
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=environment,
        timeout=120,
    )
    return done.stdout


@pytest.mark.parametrize("required", [False, True])
def test_skips_for_absent_shared_data_fail_only_when_required(
    tmp_path, required
):
    out = _run(tmp_path, required)
    summary = out.strip().splitlines()[-1]
    if required:
        # The mark skips in setup (now an error), the call in the test
        # (now a failure); the other reason still skips.
        assert "1 failed" in summary
        assert "1 error" in summary
        assert "1 skipped" in summary
        assert "UNIFIED_ACCOUNT_REQUIRE_SHARED=1" in out
    else:
        assert "failed" not in summary
        assert "3 skipped" in summary
    assert "1 passed" in summary


@pytest.mark.parametrize("required", [False, True])
def test_a_module_skipped_for_absent_shared_data(tmp_path, required):
    """Skipped at collection: an error, which stops the run, if required."""
    summary = _run(tmp_path, required, MODULE).strip().splitlines()[-1]
    assert ("1 error" in summary) == required
    assert ("1 skipped" in summary) == (not required)
