"""Test support shared by every test folder, each thing once.

- ``support.answers``: the one generator of answer sets (a clear adult, with changes).
- ``support.traffic``: the one recorder of a browser page's requests and errors.
- ``support.evidence``: the one reader of the evidence base's source keys.
- ``support.site``: where things are in a built site.
- The repository root is ``sitebuild.paths.ROOT``; tests import it from there.

pytest puts ``tests/`` on the path (``pythonpath`` in pyproject.toml), so any test
module imports ``from support.answers import clear_answers``.
"""
