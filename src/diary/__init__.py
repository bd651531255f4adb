"""A private treatment diary for tap-water iontophoresis: sessions, weekly HDSS scores,
a course plan, and a progress summary for the GP or skin team.

Standard library only (plus the self-check's HDSS wording), so the same code runs in
CPython and in the browser through Pyodide. Modules:

* ``model``: the value objects and the file's schema version;
* ``wording``: every sentence the diary shows, as data;
* ``plans``: the published schedules (evidence base section 1.3);
* ``validation`` and ``migrate``: strict checks, and reading files of older versions;
* ``summary``: the progress summary and its evidence-based prompts;
* ``export``: CSV and iCalendar files;
* ``api`` and ``cli``: text in, text out, for the browser and the command line.
"""
