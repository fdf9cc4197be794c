"""``python -m veille``: the command line."""

from .cli import main

main()
