"""Subcommands added to ``pharmacy-desk`` by features; each registers itself in ``cli.EXTRA_COMMANDS``."""
