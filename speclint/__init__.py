"""speclint: a linter for public-sector job classification specifications."""

__version__ = "0.1.0"
