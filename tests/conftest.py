"""Hypothesis profiles: ``dev`` (default), ``ci`` (more, derandomized).

Pick one with ``HYPOTHESIS_PROFILE=ci`` or ``--hypothesis-profile=ci``.
"""

import os

from hypothesis import HealthCheck, settings

# Tests never time things: Hypothesis's "input generation is slow" check
# is a timing, and fails on a loaded machine, so no profile runs it.
settings.register_profile(
    "dev", max_examples=100, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "ci",
    max_examples=300,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
# mutmut runs the suite once per mutant: fewer examples, same properties.
settings.register_profile(
    "mutation",
    max_examples=25,
    derandomize=True,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
