"""Draw every public type with ``st.from_type``: package and Hypothesis only.

``.ci/run`` runs this in the built wheel's fresh environment, before
anything else is installed there.
"""

import typing

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import unified_account


def check(kind):
    """Draw a few values of ``kind`` and check each."""
    expected = getattr(kind, "__supertype__", kind)

    @settings(
        max_examples=5,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.from_type(kind))
    def draw(value):
        assert isinstance(value, expected), (value, expected)
        if attrs.has(type(value)):
            assert attrs.evolve(value) == value

    draw()


checked = []
for name in unified_account.__all__:
    kind = getattr(unified_account, name)
    if isinstance(kind, type) and issubclass(kind, BaseException):
        continue
    if not isinstance(kind, type | typing.NewType):
        continue
    check(kind)
    checked.append(name)
print(f"st.from_type drew valid values of {len(checked)} public types")
