"""Hypothesis profiles for the fuzz suites.

``ci`` (the default) is a short run, so that ``pytest tests/fuzz`` takes well
under two minutes; ``long`` is the run before a release::

    HYPOTHESIS_PROFILE=long pytest tests/fuzz

The fuzz tests set no ``max_examples`` of their own, so the profile decides.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
settings.register_profile(
    "long",
    max_examples=20_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
