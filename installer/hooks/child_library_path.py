"""PyInstaller runtime hook: the programs SLA Wizard starts (LibreOffice for a PDF,
the desktop's opener for "Open the contract" and "Show in folder") get the user's
library path, not the bundle's.

On Linux the bootloader starts the program with LD_LIBRARY_PATH pointing into the
bundle and keeps the user's own value in LD_LIBRARY_PATH_ORIG. The dynamic loader
read the variable when the program started, so changing it here only changes what
child processes inherit.
"""

import os
import sys

if sys.platform.startswith("linux") and getattr(sys, "frozen", False):
    original = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
    if original is None:
        os.environ.pop("LD_LIBRARY_PATH", None)
    else:
        os.environ["LD_LIBRARY_PATH"] = original
