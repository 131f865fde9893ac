#!/usr/bin/env python3
"""Startup benchmark: time from launch to the first REPL prompt, and of a one-shot command.

Runs the packaged jar N times in a pseudo-terminal (the way a user starts it), each with fresh
XDG dirs after one untimed warm-up run that creates the sandbox, and writes the runs and their
median to target/bench/startup.txt. Usage (after `mvn -q -DskipTests package`):

    python3 src/bench/startup.py [--runs 5] [--jar target/astro-shell.jar] [-- extra JVM options]
"""
import argparse
import fcntl
import os
import pty
import select
import shutil
import statistics
import struct
import subprocess
import termios
import tempfile
import time

PROMPT = b"]> "


def to_prompt(cmd, env, timeout=60.0):
    """Seconds until the prompt appears on the pty; then the shell is told to exit."""
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(cmd[0], cmd, env)
    # a pty starts 0x0, where JLine cuts the prompt down to nothing: give it a real window
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    start = time.monotonic()
    seen = b""
    try:
        while time.monotonic() - start < timeout:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                try:
                    seen += os.read(fd, 4096)
                except OSError:
                    break
                if PROMPT in seen:
                    elapsed = time.monotonic() - start
                    os.write(fd, b"exit\r")
                    return elapsed
        raise RuntimeError("no prompt within %ss: %r" % (timeout, seen[-200:]))
    finally:
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass
        os.close(fd)


def one_shot(cmd, env):
    start = time.monotonic()
    subprocess.run(cmd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, check=True)
    return time.monotonic() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--jar", default="target/astro-shell.jar")
    parser.add_argument("--out", default="target/bench/startup.txt")
    parser.add_argument("jvm", nargs="*", help="extra JVM options, after --")
    args = parser.parse_args()

    home = tempfile.mkdtemp(prefix="astro-shell-bench-")
    env = dict(os.environ, TERM="xterm-256color",
               XDG_CONFIG_HOME=os.path.join(home, "config"),
               XDG_DATA_HOME=os.path.join(home, "data"),
               XDG_STATE_HOME=os.path.join(home, "state"))
    env.pop("ASTRO_API_TOKEN", None)
    java = ["java"] + args.jvm + ["-jar", os.path.abspath(args.jar)]
    try:
        one_shot(java + ["status"], env)  # untimed: seeds the sandbox, warms the OS file cache
        prompt = [to_prompt(java, env) for _ in range(args.runs)]
        listing = [one_shot(java + ["deployment", "list"], env) for _ in range(args.runs)]
    finally:
        shutil.rmtree(home, ignore_errors=True)

    lines = [
        "astro-shell startup, %d runs, %s, %d cores" % (args.runs, time.strftime("%Y-%m-%d %H:%M:%S"), os.cpu_count()),
        "java: %s" % " ".join(java),
        "launch to prompt (s):      %s  median %.2f" % (" ".join("%.2f" % t for t in prompt), statistics.median(prompt)),
        "one-shot deployment list (s): %s  median %.2f" % (" ".join("%.2f" % t for t in listing),
                                                       statistics.median(listing)),
    ]
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "a") as f:
        f.write("\n".join(lines) + "\n\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
