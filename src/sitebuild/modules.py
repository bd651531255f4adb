"""The modules a page script imports, so that the page can ask for them all at once.

A browser learns a module's imports only once it has fetched and parsed that module, so
a script two imports deep costs two more round trips, taken while the page's main
thread is busy with everything else. ``<link rel="modulepreload">`` for each of them
(``partials/module-preloads.html``) lets them download with the stylesheets instead.
That saves the round trips; it does not change what is downloaded.

Only the site's own relative, static imports are followed: a dynamic ``import()`` is
asked for when the code runs, and a worker's modules belong to the worker.
"""

from __future__ import annotations

import posixpath
import re

from sitebuild import paths

# import x from "./a.js"; import { a, b } from "../b.js"; import "./c.js"; export { d } from "./d.js"
_STATIC_IMPORT = re.compile(
    r"""^[ \t]*(?:import|export)\b[^"';()]*?["'](\.{1,2}/[^"']+\.m?js)["']""",
    re.MULTILINE,
)


def imports_of(source: str) -> list[str]:
    """The relative module specifiers ``source`` imports statically, in source order."""
    return _STATIC_IMPORT.findall(source)


def module_imports(entry: str) -> tuple[str, ...]:
    """Every module ``entry`` (a path under ``overrides/``, as on the site) imports,
    directly or through another, each once, nearest first."""
    found: list[str] = []
    queue = [entry]
    while queue:
        module = queue.pop(0)
        source = (paths.OVERRIDES / module).read_text(encoding="utf-8")
        for specifier in imports_of(source):
            target = posixpath.normpath(posixpath.join(posixpath.dirname(module), specifier))
            if target not in found and target != entry:
                found.append(target)
                queue.append(target)
    return tuple(found)
