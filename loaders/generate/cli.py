"""`gridlink generate`, registered in gridlink/cli_commands.py.

gridlink generate --preset district --seed 1 --out data/district
gridlink generate --preset city --seed 7 --out data/city   # then: gridlink load data/city
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from gridlink.cli import command


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from loaders.generate.presets import PRESETS

    gen = sub.add_parser(
        "generate",
        help="write a generated dataset at the seed articles' proportions (deterministic)",
    )
    gen.add_argument("--preset", required=True, choices=sorted(PRESETS))
    gen.add_argument("--seed", type=int, default=1, help="same seed, same bytes (default 1)")
    gen.add_argument(
        "--out",
        required=True,
        type=Path,
        help="dataset directory; its nodes/*.jsonl and relationships/*.jsonl are replaced",
    )


@command("generate")
def cmd_generate(args: argparse.Namespace) -> int:
    from loaders.generate import generate

    started = time.monotonic()
    counts = generate(args.preset, args.seed, args.out)
    seconds = time.monotonic() - started
    total = sum(counts.values())
    width = max(len(k) for k in counts)
    for name, n in counts.items():
        print(f"{name:<{width}}  {n:>9,}")
    print(
        f"{total:,} records ({args.preset}, seed {args.seed}) written to {args.out} "
        f"in {seconds:.1f}s",
        file=sys.stderr,
    )
    return 0
