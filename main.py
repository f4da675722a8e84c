"""Start KL Explorer: ``python main.py [--report [--json]] [--screenshot OUT.png] [FILE ...]``."""

import sys

from klcli.main import main

if __name__ == "__main__":
    sys.exit(main())
