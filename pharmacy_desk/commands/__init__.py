"""Subcommands added to ``pharmacy-desk`` by features (see ``cli.EXTRA_COMMANDS``)."""
