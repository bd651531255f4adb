"""Test data for the self-check engine, as fixtures (the generator is ``support.answers``)."""

from __future__ import annotations

import pytest
from support.answers import clear_answers


@pytest.fixture
def answers() -> dict[str, object]:
    """A complete, valid answer set that gives no finding."""
    return clear_answers()
