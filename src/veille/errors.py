"""The one error hierarchy of veille. A user sees one line naming the input
and what is wrong with it, never a traceback.

    VeilleError
    ├── InputError      an input file or line that cannot be read as an article
    ├── GazetteerError  a data file of the package is malformed
    ├── StoreError      the database cannot be opened or is not a veille database
    ├── QueryError      a query names something unknown (an entity, a date)
    └── EngineError     the distributed engine asked for is missing or unreachable
"""

from __future__ import annotations


class VeilleError(Exception):
    """Base class of every error veille reports to a user."""


class InputError(VeilleError):
    """An input that is not read; ``source`` is ``path`` or ``path:line``."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class GazetteerError(VeilleError):
    pass


class StoreError(VeilleError):
    pass


class QueryError(VeilleError):
    pass


class EngineError(VeilleError):
    pass
