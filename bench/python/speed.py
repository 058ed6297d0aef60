#!/usr/bin/env python3
"""The Python module against the CLI: CPU time (medians of N runs,
interleaved) of the same work through 'import parallax' and through the
parallax binary, on the example story and on PolNeAR dev.

    PYTHONPATH=build/python /usr/bin/python3 bench/python/speed.py [--runs 11]

CPU time rather than wall time: the machine is shared. The CLI's figure
includes its process start (exec, dynamic loading), the module's the
conversion of the records into dicts; '(no dicts)' calls the extension
directly and shows the library's own work.
"""
import argparse
import pathlib
import resource
import statistics
import subprocess
import time

import parallax
from parallax import _parallax

ROOT = pathlib.Path(__file__).resolve().parents[2]


def child_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=11)
    ap.add_argument("--parallax", default=str(ROOT / "build" / "parallax"))
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    a = ap.parse_args()
    ex = str(ROOT / "examples" / "story")
    dev = str(pathlib.Path(a.shared) / "data" / "polnear" / "dev" / "text")
    cases = [
        ("report examples (md)", lambda: parallax.report(ex, format="md"), ["report", ex]),
        ("report examples (json)", lambda: parallax.report(ex), ["report", "--format", "json", ex]),
        ("quotes examples", lambda: parallax.quotes(ex), ["quotes", ex]),
    ]
    if pathlib.Path(dev).exists():
        cases += [
            ("quotes PolNeAR dev", lambda: parallax.quotes(dev), ["quotes", dev]),
            ("quotes PolNeAR dev (no dicts)", lambda: _parallax._run("quotes", [dev]),
             ["quotes", dev]),
            ("read PolNeAR dev", lambda: parallax.read(dev), ["read", dev]),
        ]
    for name, call, args in cases:
        cli, py = [], []
        for _ in range(a.runs):
            c0 = child_cpu()
            subprocess.run([a.parallax, *args], stdout=subprocess.DEVNULL, check=True)
            cli.append(child_cpu() - c0)
            t0 = time.process_time()
            call()
            py.append(time.process_time() - t0)
        c, p = statistics.median(cli), statistics.median(py)
        print("%-32s CLI %7.1f ms   Python %7.1f ms   Python/CLI %.2f" % (name, c * 1e3, p * 1e3,
                                                                           p / c))


if __name__ == "__main__":
    main()
