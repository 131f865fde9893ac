#!/usr/bin/env python3
"""The longer fault soak: FaultSoakTest with more operations, its figures appended to target/bench/soak.txt.

Runs the suite's soak (mixed token commands in one shell against the in-process sandbox, about a fifth of them
meeting lost answers, dropped connections, 5xx and 429) with the operations and seed given, and fails when the
shell reported anything the sandbox does not hold. Usage (from the repository root):

    python3 src/bench/soak.py [--operations 3000] [--seed 20261129] [--offline]
"""
import argparse
import os
import subprocess
import sys

REPORT = os.path.join("target", "bench", "soak.txt")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--operations", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=20261129)
    parser.add_argument("--offline", action="store_true", help="pass -o to Maven")
    args = parser.parse_args()
    if args.operations < 1:
        parser.error("--operations must be at least 1")
    os.makedirs(os.path.dirname(REPORT), exist_ok=True)
    before = os.path.getsize(REPORT) if os.path.exists(REPORT) else 0
    cmd = ["mvn", "-B", "-q"] + (["-o"] if args.offline else []) + [
        "test", "-Dtest=FaultSoakTest#whatTheShellReportsIsWhatTheSandboxHolds",
        "-Dsurefire.failIfNoSpecifiedTests=false",
        f"-Dsoak.operations={args.operations}", f"-Dsoak.seed={args.seed}",
        f"-Dsoak.report={os.path.abspath(REPORT)}"]
    result = subprocess.run(cmd)
    if os.path.exists(REPORT):
        with open(REPORT, "rb") as f:
            f.seek(before)
            sys.stdout.write(f.read().decode("utf-8"))
    if result.returncode != 0:
        print("the soak failed: see target/surefire-reports/dev.astroshell.soak.FaultSoakTest*.txt", file=sys.stderr)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
