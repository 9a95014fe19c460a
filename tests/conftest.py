"""Hypothesis profiles: ``dev`` (default), ``ci`` (more, derandomized).

Pick one with ``HYPOTHESIS_PROFILE=ci`` or ``--hypothesis-profile=ci``.
"""

import os

from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=100)
settings.register_profile(
    "ci",
    max_examples=300,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
