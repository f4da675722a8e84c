"""python -m klgui: the whole command line (the window by default, --report, --help)."""

import sys

from klcli.main import main

sys.exit(main())
