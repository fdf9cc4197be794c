"""veille: dated French press articles in, a time-aware, sourced knowledge base of
international relations out."""

from .api import IngestReport, Veille
from .errors import GazetteerError, InputError, QueryError, StoreError, VeilleError
from .model import Article, ArticleRecords, Claim, Entity, Event, Fact, Mention, TimeSpan

__all__ = [
    "Veille", "IngestReport",
    "VeilleError", "InputError", "GazetteerError", "StoreError", "QueryError",
    "Article", "ArticleRecords", "Entity", "Mention", "Event", "Fact", "Claim", "TimeSpan",
]
__version__ = "0.1.0"
