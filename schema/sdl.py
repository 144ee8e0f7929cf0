"""The schema as SDL, committed at the repo root as schema.graphql (a test keeps it equal).

Regenerate after changing the schema:  .venv/bin/python -m schema.sdl
"""

from __future__ import annotations

from pathlib import Path

from schema.api import build_schema

SDL_PATH = Path(__file__).resolve().parent.parent / "schema.graphql"
REGENERATE = ".venv/bin/python -m schema.sdl"


def sdl() -> str:
    return build_schema().as_str() + "\n"


def main() -> None:
    SDL_PATH.write_text(sdl(), encoding="utf-8")
    print(f"wrote {SDL_PATH}")


if __name__ == "__main__":
    main()
