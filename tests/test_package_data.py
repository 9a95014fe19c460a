"""A file the package ships reads as importlib.resources reads it."""

import importlib
import io
import sys
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unified_account._package_data import package_text, universal_newlines
from unified_account.locales import SUPPORTED_LOCALES

SHIPPED = [
    ("unified_account.snapshot", ("example-seller.json",)),
    ("unified_account.snapshot", ("snapshot.schema.json",)),
    ("unified_account.data", ("subscription-fees.json",)),
    *(
        (
            "unified_account",
            ("locale", locale, "LC_MESSAGES", "unified_account.po"),
        )
        for locale in SUPPORTED_LOCALES
    ),
]


@pytest.mark.parametrize(("package", "parts"), SHIPPED)
def test_every_shipped_file_reads_as_resources_reads_it(package, parts):
    importlib.import_module(package)
    expected = (
        resources.files(package).joinpath(*parts).read_text(encoding="utf-8")
    )
    assert package_text(package, *parts) == expected


@pytest.fixture(scope="module")
def shipped(tmp_path_factory):
    """A package ``shipped_pkg`` and a namespace package ``shipped_ns``."""
    folder = tmp_path_factory.mktemp("shipped")
    (folder / "shipped_pkg").mkdir()
    (folder / "shipped_pkg" / "__init__.py").write_text("")
    (folder / "shipped_ns").mkdir()  # no __init__.py: a namespace
    with pytest.MonkeyPatch.context() as patch:
        patch.syspath_prepend(str(folder))
        for name in ("shipped_pkg", "shipped_ns"):
            patch.delitem(sys.modules, name, raising=False)
            importlib.import_module(name)
        yield folder


LINES = st.lists(
    st.tuples(
        st.text(
            st.characters(
                blacklist_characters="\r\n", blacklist_categories=("Cs",)
            ),
            max_size=5,
        ),
        st.sampled_from(["\n", "\r\n", "\r", ""]),
    ),
    max_size=6,
).map(lambda lines: "".join(text + end for text, end in lines))


def read_as_text_files_read(data: bytes) -> str:
    """What ``open(..., encoding="utf-8")`` reads: universal newlines."""
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8").read()


@given(text=LINES)
def test_line_ends_are_read_as_text_files_read_them(text):
    """CR LF and CR become LF, as ``read_text`` reads them."""
    assert universal_newlines(text) == read_as_text_files_read(
        text.encode("utf-8")
    )


@pytest.mark.parametrize("package", ["shipped_pkg", "shipped_ns"])
@pytest.mark.parametrize("text", ["a\r\nb\rc\n\r\n", "", "one line"])
def test_a_package_and_a_namespace_read_as_resources_reads(
    shipped, package, text
):
    """A namespace package's loader has no ``get_data``: resources reads."""
    (shipped / package / "data.txt").write_bytes(text.encode("utf-8"))
    expected = (
        resources.files(package)
        .joinpath("data.txt")
        .read_text(encoding="utf-8")
    )
    assert package_text(package, "data.txt") == expected


def test_a_missing_file_is_the_same_error(shipped):
    with pytest.raises(FileNotFoundError):
        resources.files("shipped_pkg").joinpath("absent").read_text()
    with pytest.raises(FileNotFoundError):
        package_text("shipped_pkg", "absent")


def test_text_that_is_not_utf8_is_refused_alike(shipped):
    (shipped / "shipped_pkg" / "data.txt").write_bytes(b"caf\xe9")
    with pytest.raises(UnicodeDecodeError):
        package_text("shipped_pkg", "data.txt")
