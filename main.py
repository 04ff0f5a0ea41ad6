"""Start SLA Wizard from a source checkout: ``python main.py``."""

import sys

from wizard.app import main

if __name__ == "__main__":
    sys.exit(main())
