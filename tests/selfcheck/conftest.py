"""Test data helpers for the self-check engine, as fixtures.

The helpers themselves live in ``sc_helpers`` (a module with a unique name), because
``from conftest import …`` is ambiguous when several test folders have a conftest.py.
"""

from __future__ import annotations

import pytest
from sc_helpers import clear_answers


@pytest.fixture
def answers() -> dict[str, object]:
    """A complete, valid answer set that gives no finding."""
    return clear_answers()
