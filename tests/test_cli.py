"""The ``unified-account`` command."""

import json
import subprocess
import sys

import pytest

from unified_account import RuleKey
from unified_account.cli import main
from unified_account.snapshot import example_text

ACCOUNT_RULES = {
    "na-scope",
    "list-anywhere",
    "switcher-means-unified",
    "no-merge",
    "home-only-by-default",
    "account-info-defaults",
    "eu-distinct",
    "professional-only",
}


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


class TestRules:
    """``unified-account rules``."""

    def test_json_lists_every_rule_key_with_its_texts(self, capsys):
        """Every key, with key, title, question and summary."""
        status, out, _ = run(capsys, "rules", "--format", "json")
        rules = json.loads(out)["rules"]
        assert status == 0
        assert [r["key"] for r in rules] == [str(k) for k in RuleKey]
        for entry in rules:
            assert all(entry[f] for f in ("title", "question", "summary"))

    def test_text_names_every_rule(self, capsys):
        """The plain listing starts each rule with its key."""
        status, out, _ = run(capsys, "rules")
        assert status == 0
        for key in RuleKey:
            assert f"\n{key}\n" in f"\n{out}"


class TestReport:
    """``unified-account report``."""

    def test_the_example_has_findings_for_every_account_rule(self, capsys):
        """With ``--all``, each account rule appears, with its fields."""
        status, out, err = run(capsys, "report", "--format", "json", "--all")
        document = json.loads(out)
        assert (status, err) == (0, "")
        assert document["edition"] == "faq"
        rules = {finding["rule"] for finding in document["findings"]}
        assert rules >= ACCOUNT_RULES
        for finding in document["findings"]:
            assert {"rule", "outcome", "subject", "message"} <= set(finding)
            assert finding["outcome"] in {
                "allowed",
                "denied",
                "warning",
                "info",
                "undetermined",
            }

    def test_explanations_are_info_and_a_refused_request_is_denied(
        self, capsys
    ):
        """Issue 9: no-merge and the separate accounts' limits explain.

        Nobody asked to merge the accounts or to sell on a marketplace
        they never turned on, so those findings are ``info``; the one
        thing the example seller asked for and is refused (customising
        the storefront link on Amazon.ca) is ``denied``.
        """
        _, out, _ = run(capsys, "report", "--format", "json", "--all")
        findings = json.loads(out)["findings"]
        info = {f["rule"] for f in findings if f["outcome"] == "info"}
        denied = {f["rule"] for f in findings if f["outcome"] == "denied"}
        assert {"no-merge", "eu-distinct", "professional-only"} <= info
        assert denied == {"storefront-origin"}

    def test_a_snapshot_file_is_read(self, capsys, tmp_path):
        """A path on the command line is the snapshot."""
        path = tmp_path / "seller.json"
        path.write_text(example_text(), encoding="utf-8")
        status, out, _ = run(capsys, "report", str(path), "--format", "json")
        assert status == 0
        assert json.loads(out)["findings"]

    def test_a_bad_snapshot_fails_with_its_json_path(self, capsys, tmp_path):
        """One line on stderr naming the path, status 2, stdout empty."""
        document = json.loads(example_text())
        document["account"]["info_overrides"]["CA"]["bank"]["currency"] = 1
        path = tmp_path / "bad.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        status, out, err = run(capsys, "report", str(path))
        assert (status, out) == (2, "")
        assert "account.info_overrides.CA.bank.currency" in err
        assert err.count("\n") == 1

    @pytest.mark.parametrize("text", ["not json", "[1]", "{}"])
    def test_a_malformed_snapshot_fails_cleanly(self, capsys, tmp_path, text):
        """Not JSON, not an object, or missing the account: status 2."""
        path = tmp_path / "bad.json"
        path.write_text(text, encoding="utf-8")
        status, out, err = run(capsys, "report", str(path))
        assert (status, out) == (2, "")
        assert err.startswith("unified-account: error: ")

    def test_the_edition_is_chosen_on_the_command_line(self, capsys):
        """``--edition individual-plans``: the Individual account qualifies."""
        _, out, _ = run(
            capsys,
            "report",
            "--format",
            "json",
            "--edition",
            "individual-plans",
            "--all",
        )
        document = json.loads(out)
        assert document["edition"] == "individual-plans"
        individual = [
            f
            for f in document["findings"]
            if f["subject"]["path"] == "account:A2EXAMPLECA"
            and f["rule"] == "professional-only"
        ]
        assert [f["outcome"] for f in individual] == ["allowed"]

    def test_markdown_is_a_table(self, capsys):
        """One row per finding shown, after the header."""
        _, out, _ = run(capsys, "report", "--format", "markdown", "--all")
        _, json_out, _ = run(capsys, "report", "--format", "json", "--all")
        rows = [line for line in out.splitlines() if line.startswith("| `")]
        assert len(rows) == len(json.loads(json_out)["findings"])


class TestUsage:
    """Mistakes on the command line."""

    def test_an_unknown_option_prints_usage_and_exits_2(self, capsys):
        """Argparse's usage, status 2."""
        with pytest.raises(SystemExit) as exit_:
            main(["report", "--colour"])
        assert exit_.value.code == 2
        assert "usage:" in capsys.readouterr().err

    def test_an_unknown_locale_names_the_supported_ones(self, capsys):
        """``--locale xx``: status 2 and the list of locales."""
        status, out, err = run(capsys, "report", "--locale", "xx")
        assert (status, out) == (2, "")
        for locale in ("en", "zh_Hant", "zh_Hans", "es_MX", "fr_CA"):
            assert locale in err

    def test_explaining_an_unknown_rule_fails(self, capsys):
        """An unknown key is named, with status 2."""
        status, out, err = run(capsys, "explain", "no-such-rule")
        assert (status, out) == (2, "")
        assert "`no-such-rule`" in err

    def test_the_module_runs_as_a_program(self):
        """``python -m unified_account`` is the command."""
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "unified_account",
                "rules",
                "--format",
                "json",
            ],
            capture_output=True,
            check=False,
        )
        assert result.returncode == 0
        assert json.loads(result.stdout)["rules"]


class TestExplain:
    """``unified-account explain RULE_KEY``."""

    @pytest.mark.parametrize(
        "locale", ["en", "zh_Hant", "zh_Hans", "es_MX", "fr_CA"]
    )
    def test_one_rule_in_each_locale(self, capsys, locale):
        """Title, question, the FAQ's own question, summary, example."""
        from unified_account.i18n import rule_text
        from unified_account.rules import rule

        status, out, err = run(
            capsys, "explain", "no-merge", "--locale", locale
        )
        text = rule_text(rule("no-merge"), locale)
        assert (status, err) == (0, "")
        colon = {"fr_CA": "\xa0: ", "zh_Hant": "：", "zh_Hans": "："}.get(
            locale, ": "
        )
        assert out.startswith(f"no-merge{colon}{text.title}\n")
        for part in (text.question, text.summary, text.example):
            assert part in out
        assert "我在多個北美商城中註冊了帳戶。能否合併這些帳戶？" in out

    def test_traditional_chinese_uses_the_faqs_terms(self, capsys):
        """The FAQ's words for the account and the marketplace."""
        _, out, _ = run(capsys, "report", "--locale", "zh_Hant")
        assert "北美聯合帳戶" in out
        assert "商城" in out


@pytest.mark.parametrize(
    ("locale", "phrase"),
    [
        ("en", "the output format"),
        ("zh_Hant", "輸出格式"),
        ("zh_Hans", "输出格式"),
        ("es_MX", "el formato de salida"),
        ("fr_CA", "le format de sortie"),
    ],
)
def test_the_help_speaks_the_chosen_locale(capsys, locale, phrase):
    """``--locale`` also chooses the language of ``--help``."""
    with pytest.raises(SystemExit) as exit_:
        main(["report", f"--locale={locale}", "--help"])
    assert exit_.value.code == 0
    assert phrase in capsys.readouterr().out


@pytest.mark.parametrize("enabled", [True, False])
@pytest.mark.parametrize("snapshot", ["good", "broken"])
def test_the_report_leaves_the_collector_as_it_found_it(
    capsys, tmp_path, enabled, snapshot
):
    """Paused and frozen while reporting; the caller's state afterwards.

    Whether the snapshot loads or is refused, the collector is on again
    only if it was, and nothing stays frozen out of its reach.
    """
    import gc

    path = tmp_path / "snapshot.json"
    path.write_text(example_text() if snapshot == "good" else "{", "utf-8")
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        status, _, _ = run(capsys, "report", str(path))
        assert gc.isenabled() is enabled
        assert gc.get_freeze_count() == 0
    finally:
        (gc.enable if was else gc.disable)()
    assert status == (0 if snapshot == "good" else 2)
