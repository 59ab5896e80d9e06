"""Make the draw tests' helper module importable and share a few slow-to-build PDFs."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
