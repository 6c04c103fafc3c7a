"""``python -m algconv``: the same as the ``algconv`` command."""

import sys

from .cli import main

sys.exit(main())
