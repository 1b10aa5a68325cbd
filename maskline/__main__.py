"""``python -m maskline`` runs the CLI."""

from maskline.cli.main import run

run()
