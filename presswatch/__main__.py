"""`python -m presswatch` is the `presswatch` command."""

from presswatch.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
