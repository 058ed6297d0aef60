"""pytest setup: the parallax module built by pip (tests/cli/test_python
puts it on PYTHONPATH), the CLI binary ($PARALLAX) and the data."""
import json
import os
import pathlib
import subprocess

import pytest

SOURCE = pathlib.Path(os.environ.get("PX_SOURCE_DIR", pathlib.Path(__file__).parents[2]))
SHARED = pathlib.Path(os.environ.get("PX_SHARED", SOURCE.parent / "shared"))
EXAMPLES = SOURCE / "examples" / "story"
SEEDS = SHARED / "seeds"


def cli(*args, check=True):
    """Runs the parallax binary; returns its standard output (bytes)."""
    binary = os.environ.get("PARALLAX", str(SOURCE / "build" / "parallax"))
    p = subprocess.run([binary, *map(str, args)], capture_output=True, timeout=300)
    if check and p.returncode not in (0,):
        raise AssertionError("parallax %s: exit %d: %s" % (args, p.returncode, p.stderr[-2000:]))
    return p.stdout


def cli_jsonl(*args):
    return [json.loads(line) for line in cli(*args).decode("utf-8").splitlines() if line]


@pytest.fixture(params=["examples", "seeds"])
def inputs(request):
    path = EXAMPLES if request.param == "examples" else SEEDS
    if not path.exists():
        pytest.skip("%s not found" % path)
    return path
