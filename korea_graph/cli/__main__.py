"""``python -m korea_graph.cli``."""

import sys

from . import main

sys.exit(main())
