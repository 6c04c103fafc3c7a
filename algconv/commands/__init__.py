"""Subcommands of the ``algconv`` command line, one module each (see ``algconv.cli``)."""
