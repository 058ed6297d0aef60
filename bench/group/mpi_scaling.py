#!/usr/bin/env python3
"""mpi_scaling.py - parallax-mpi stories against parallax stories, by ranks.

Runs `parallax stories` (the baseline, in the same run) and `mpirun -np N
parallax-mpi stories --stats` for each N of --ranks on one input, RUNS
times each, interleaved, and prints per configuration the median wall
time, the speed-up against one rank, the CPU time outside MPI calls
(summed over ranks, and the most of one rank: the critical path), the
bytes exchanged between ranks per article, and the peak memory of a rank
(for parallax stories: its CPU time, user + system); then the phases of
the largest run. Every output is checked to be the
baseline's, byte for byte.

Wall times on a shared machine are noisy (other jobs take the cores);
the CPU and byte figures do not depend on the load.

usage: mpi_scaling.py [-n ARTICLES] [--ranks 1,2,4] [--runs 3] [--input FILE]
"""
import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))


def mpirun(n):
    cmd = ["mpirun", "--oversubscribe", "--mca", "mpi_yield_when_idle", "1", "-np", str(n)]
    if os.geteuid() == 0:
        cmd.insert(1, "--allow-run-as-root")
    return cmd


def run(cmd):
    """wall seconds, CPU seconds (user + system of the command and what it
    waited for), stdout, stderr"""
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wall = time.monotonic() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    if p.returncode not in (0, 1):
        sys.exit("mpi_scaling.py: %s failed:\n%s" % (" ".join(cmd), p.stderr.decode()[-2000:]))
    return wall, cpu, p.stdout, p.stderr.decode()


def parse_stats(err):
    s = {}
    m = re.search(r"^\s+total\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)", err, re.M)
    if m:
        s["cpu_max"], s["work_max"], s["work_sum"] = float(m[2]), float(m[3]), float(m[4])
        s["bytes_doc"] = float(m[5])
    m = re.search(r"peak memory of a rank: ([\d.]+) MB", err)
    s["rss"] = float(m[1]) if m else 0
    s["phases"] = "\n".join(l for l in err.splitlines() if l.startswith("  "))
    return s


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=20000)
    ap.add_argument("--ranks", default="1,2,4")
    ap.add_argument("--runs", type=int, default=int(os.environ.get("RUNS", 3)))
    ap.add_argument("--input")
    ap.add_argument("--parallax", default=os.path.join(ROOT, "build", "parallax"))
    ap.add_argument("--parallax-mpi", default=os.path.join(ROOT, "build", "parallax-mpi"))
    a = ap.parse_args()
    ranks = [int(x) for x in a.ranks.split(",")]
    inp = a.input
    if not inp:
        inp = os.path.join(tempfile.gettempdir(), "px_mpi_corpus_%d.jsonl" % a.n)
        if not os.path.exists(inp):
            subprocess.run([sys.executable, os.path.join(HERE, "gen_corpus.py"), "-n", str(a.n),
                            "--seed", "3", "-o", inp], check=True)
    configs = [("parallax stories", [a.parallax, "stories", inp], None)]
    configs += [("parallax stories --threads 1", [a.parallax, "stories", "--threads", "1", inp],
                 None)]
    for n in ranks:
        configs.append(("mpirun -np %d parallax-mpi" % n,
                        mpirun(n) + [a.parallax_mpi, "stories", "--threads", "1", "--stats", inp], n))
    walls = {c[0]: [] for c in configs}
    cpus = {c[0]: [] for c in configs}
    stats = {}
    base = None
    for _ in range(a.runs):
        for name, cmd, n in configs:
            wall, cpu, out, err = run(cmd)
            cpus[name].append(cpu)
            if base is None:
                base = out
            elif out != base:
                sys.exit("mpi_scaling.py: %s: output differs from parallax stories" % name)
            walls[name].append(wall)
            if n:
                stats.setdefault(name, []).append(parse_stats(err))
    size = os.path.getsize(inp)
    print("input: %s (%d bytes); %d runs, medians; outputs identical to parallax stories"
          % (inp, size, a.runs))
    print("%-30s %8s %8s %9s %9s %10s %8s" % ("", "wall s", "speed-up", "work sum", "work max",
                                             "bytes/art", "rss MB"))
    one = None
    for name, cmd, n in configs:
        w = statistics.median(walls[name])
        if n == 1:
            one = w
        if n:
            st = stats[name]
            med = lambda k: statistics.median(x[k] for x in st)
            print("%-30s %8.2f %8s %9.2f %9.2f %10.0f %8.0f" % (
                name, w, "%.2fx" % (one / w) if one else "-", med("work_sum"), med("work_max"),
                med("bytes_doc"), med("rss")))
        else:
            # the single process: its CPU time (user + system) in the
            # work columns (a rank's work excludes time inside MPI calls)
            c = statistics.median(cpus[name])
            print("%-30s %8.2f %8s %9.2f %9s" % (name, w, "-", c, "(CPU)"))
    last = configs[-1][0]
    print("\nphases of %s (last run):\n%s" % (last, stats[last][-1]["phases"]))


if __name__ == "__main__":
    main()
