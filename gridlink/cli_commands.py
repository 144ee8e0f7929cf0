"""Registry of the sub-commands contributed by other layers (load, generate, export, analyze).

Each entry adds its sub-parser and registers its handler with `gridlink.cli.command`.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

Extension = Callable[["argparse._SubParsersAction[argparse.ArgumentParser]"], None]
EXTENSIONS: list[Extension] = []


def _security(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from gridlink.cli_security import register

    register(sub)


EXTENSIONS.append(_security)


def _loaders(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from loaders.cli import register

    register(sub)


EXTENSIONS.append(_loaders)


def _analyze(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from graph.network.command import register

    register(sub)


EXTENSIONS.append(_analyze)


def _generate(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from loaders.generate.cli import register

    register(sub)


EXTENSIONS.append(_generate)
