"""``python -m natojp``: the same as the ``natojp`` command."""

from natojp.cli import run

run()
