"""Build integration for the site: MkDocs hook glue and the steps it calls.

Nothing in here is shipped to the browser; the clinical engine lives in ``selfcheck``.
"""
