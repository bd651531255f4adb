"""Work done once per test run and shared by every pytest-xdist process."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from filelock import FileLock


def once_per_run(tmp_path_factory: pytest.TempPathFactory, worker_id: str, name: str,
                 make: Callable[[Path], None]) -> Path:
    """The path ``name``, made by ``make`` once per test run and read by every process.

    Under pytest-xdist the first worker to ask makes it in the run's shared temporary
    directory while the others wait on a lock, then all read the same files. With one
    process there is no one to share with.
    """
    if worker_id == "master":
        path = tmp_path_factory.mktemp("run") / name
        make(path)
        return path
    shared = tmp_path_factory.getbasetemp().parent
    path, done = shared / name, shared / f"{name}.done"
    with FileLock(str(shared / f"{name}.lock")):
        if not done.exists():
            make(path)
            done.touch()
    return path
