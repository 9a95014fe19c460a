"""``python -m unified_account`` runs the ``unified-account`` command."""

import sys

from .cli import main

sys.exit(main())
