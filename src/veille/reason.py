"""Reasoning over time (placeholder until the facts stage lands)."""

from __future__ import annotations

from typing import Any

from .store import Store


def members(store: Store, org: str, at: str | None) -> dict[str, Any]:
    return {"org": org, "at": at, "members": [], "count_claims": [], "consistent": None}


def conflicts(store: Store) -> list[dict[str, Any]]:
    return []


def timeline(store: Store, name: str) -> list[dict[str, Any]]:
    return []
