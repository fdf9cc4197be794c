"""The command line: a thin layer over ``veille.api``.

Every command takes ``--db PATH`` (default ``./veille.db`` or ``$VEILLE_DB``);
every listing takes ``--json``. Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from .api import Veille, default_db
from .errors import InputError, VeilleError
from .render import render

db_option = click.option(
    "--db", "db", default=None, metavar="PATH",
    help="SQLite database (default: ./veille.db, or $VEILLE_DB).")
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")


def _open(db: str | None) -> Veille:
    return Veille(db or default_db())


def _emit(rows: Any, as_json: bool, kind: str) -> None:
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        click.echo(render(kind, rows))


def _check_date(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    from .timex import parse_iso

    try:
        return parse_iso(value).start
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint=option) from None


class VeilleGroup(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except VeilleError as exc:
            click.echo(f"veille: {exc}", err=True)
            ctx.exit(2)


@click.group(cls=VeilleGroup)
@click.version_option(package_name="veille")
def main() -> None:
    """veille: dated French press articles in, a time-aware, sourced knowledge
    base of international relations out."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--date", default=None, help="Date of plain .txt files that carry no date line.")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar (default: when stderr is a terminal).")
@click.option("--workers", default=None, type=click.IntRange(1, 64),
              help="Processes that parse in parallel; extraction and storing stay in this "
                   "one (default: up to two, for inputs of more than 200 articles). "
                   "With --dask local: the workers of the local cluster.")
@click.option("--dask", "dask", default=None, metavar="ADDRESS",
              help="Extract on a Dask cluster: the scheduler's address (tcp://host:8786), "
                   "or 'local' for a cluster on this machine. Needs veille[dask].")
@db_option
def ingest(paths, date, progress, workers, dask, db):
    """Read files or folders (recursive: .txt, .jsonl, .html), extract, store.

    A bad input is named on stderr with its reason and skipped; the rest goes
    in. Exit code 1 when any input was rejected."""
    date = _check_date(date, "--date")
    kb = _open(db)

    def on_error(err: InputError) -> None:
        click.echo(str(err), err=True)

    report = kb.ingest(paths, date=date, on_error=on_error, progress=progress, workers=workers,
                       dask=dask)
    c = report.counts
    click.echo(
        f"{report.added} articles added, {report.already} already stored, "
        f"{len(report.rejected)} rejected; the knowledge base holds {c['articles']} articles, "
        f"{c['entities']} entities, {c['mentions']} mentions, {c['events']} events, "
        f"{c['facts']} facts, {c['claims']} claims ({kb.store.path})")
    kb.close()
    sys.exit(1 if report.rejected else 0)


@main.command()
@click.option("--type", "type_", default=None,
              type=click.Choice(["PERSON", "COUNTRY", "ORG", "PLACE"], case_sensitive=False),
              help="Only entities of this type.")
@click.option("--article", default=None, help="Only entities mentioned in this article id.")
@json_option
@db_option
def entities(type_, article, as_json, db):
    """Canonical entities with type, names, Wikidata id and mention count."""
    _emit(_open(db).entities(type_, article), as_json, "entities")


@main.command()
@json_option
@db_option
def articles(as_json, db):
    """What has been ingested: id, source, date, title, counts of records."""
    _emit(_open(db).articles(), as_json, "articles")


@main.command()
@click.option("--article", default=None, help="Article id (or its first characters).")
@click.option("--entity", default=None, help="Entity name, in any known alias.")
@json_option
@db_option
def mentions(article, entity, as_json, db):
    """Every mention with its text, offsets, sentence and resolved entity."""
    _emit(_open(db).mentions(article, entity), as_json, "mentions")


@main.command()
@click.option("--actor", default=None, help="Any alias of an actor ('Poutine', 'OCS').")
@click.option("--type", "type_", default=None, help="PLOVER type (CONSULT, AGREE, ...).")
@click.option("--since", default=None, help="Events on or after this date (YYYY[-MM[-DD]]).")
@click.option("--until", default=None, help="Events on or before this date.")
@json_option
@db_option
def events(actor, type_, since, until, as_json, db):
    """Events coded in PLOVER, with actors, place, date, status and evidence."""
    since, until = _check_date(since, "--since"), _check_date(until, "--until")
    _emit(_open(db).events(actor, type_, since, until), as_json, "events")


@main.command()
@click.argument("org")
@click.option("--at", default=None, help="Date (YYYY[-MM[-DD]]); default: the latest known.")
@json_option
@db_option
def members(org, at, as_json, db):
    """Members of ORG as of a date, with since-when, evidence and count claims."""
    at = _check_date(at, "--at")
    _emit(_open(db).members(org, at), as_json, "members")


@main.command()
@click.option("--subject", default=None, help="Only facts about this entity.")
@click.option("--predicate", default=None, help="member_of, left, relation:tension, ...")
@json_option
@db_option
def facts(subject, predicate, as_json, db):
    """Time-bounded facts (memberships, relations, offices) with evidence."""
    _emit(_open(db).facts(subject, predicate), as_json, "facts")


@main.command()
@click.option("--subject", default=None, help="Only claims about this entity.")
@click.option("--measure", default=None, help="Measure contains this text.")
@json_option
@db_option
def claims(subject, measure, as_json, db):
    """Quantitative claims, who made them, as of when, with evidence."""
    _emit(_open(db).claims(subject, measure), as_json, "claims")


@main.command()
@json_option
@db_option
def conflicts(as_json, db):
    """Where articles disagree: updates explained by a change, and contradictions."""
    _emit(_open(db).conflicts(), as_json, "conflicts")


@main.command()
@click.argument("name")
@json_option
@db_option
def timeline(name, as_json, db):
    """Everything about one entity (any alias), in date order."""
    _emit(_open(db).timeline(name), as_json, "timeline")


@main.command()
@click.option("--port", default=8765, show_default=True, help="Port on 127.0.0.1.")
@db_option
def serve(port, db):
    """HTTP API (/api/...) and a web page on 127.0.0.1, read-only."""
    from .web import make_server

    server = make_server(_open(db), port=port)
    click.echo(f"veille serving {db or default_db()} on http://127.0.0.1:{port}/ (Ctrl-C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        server.server_close()


@main.command(name="eval")
@click.argument("corpus", type=click.Path(exists=True, file_okay=False))
@click.option("--report", "report_path", default=None, type=click.Path(dir_okay=False),
              help="Write every miss and spurious item to this file, one per line.")
@json_option
def eval_(corpus, report_path, as_json):
    """Score veille against a gold corpus (folder with articles/, gold/, questions.json)."""
    from .evaluate import evaluate_corpus, format_scores

    scores = evaluate_corpus(corpus, report_path=report_path,
                             progress=sys.stderr.isatty())
    click.echo(json.dumps(scores, indent=2) if as_json else format_scores(scores))
