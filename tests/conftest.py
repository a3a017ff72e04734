import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLE = SHARED / "examples" / "republished-article.txt"

needs_shared = pytest.mark.skipif(not SHARED.exists(), reason="../shared is not present")
needs_example = pytest.mark.skipif(not EXAMPLE.exists(), reason="../shared example absent")

sys.path.insert(0, str(ROOT / "bench"))
