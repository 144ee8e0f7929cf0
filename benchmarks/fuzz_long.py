"""The fuzz tests, bigger and at random: many times the suite's examples per root field.

    .venv/bin/python benchmarks/fuzz_long.py [--scale 10]

Runs tests/security/test_fuzz.py with GRIDLINK_FUZZ_SCALE (every count multiplied) and
GRIDLINK_FUZZ_RANDOM (a fresh random seed each run, where the suite is repeatable), against
the test session's own Neo4j (or GRIDLINK_TEST_NEO4J_URI). The run ends with the number of
requests tried; a failure prints the operation that broke the rule, to add to the suite.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=10)
    args = parser.parse_args()
    env = {**os.environ, "GRIDLINK_FUZZ_SCALE": str(args.scale), "GRIDLINK_FUZZ_RANDOM": "1"}
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "tests/security/test_fuzz.py",
    ]
    return subprocess.run(command, cwd=ROOT, env=env, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
