#!/usr/bin/env python3
"""Startup benchmark (P0, P1, P2): the launcher (bin/astro-shell, the README's run command) beside plain `java -jar`.

P0  the first start to the prompt, with no cache yet: the launcher starts plain and builds its cache in the
    background, which must not slow that start (compared with plain `java -jar`)
P1  launch to the first REPL prompt in a pseudo-terminal (the way a user starts it), and the ratio launcher/plain
P2  one-shot `deployment token list` against a served sandbox (`sandbox serve`, logged in with `login localhost`)

Everything runs in a fresh XDG home (config, data, state and the launcher's cache), after untimed warm-up runs that
seed the sandbox and let the launcher train its cache. The runs alternate launcher and plain, so both see the same
machine. Appends the runs and their medians to target/bench/startup.txt. Usage (after `mvn -q -DskipTests package`):

    python3 src/bench/startup.py [--runs 5]
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
import tempfile
import termios
import time

from scale import DEPLOYMENT, ROOT, free_port, report, serve, wait_for_launcher_cache

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
            ready, _, _ = select.select([fd], [], [], 0.01)
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
    subprocess.run(cmd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, check=True, timeout=120)
    return time.monotonic() - start


def summary(name, times):
    return "%-44s %s  median %.2f" % (name, " ".join("%.2f" % t for t in times), statistics.median(times))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--jar", default=os.path.join(ROOT, "target/astro-shell.jar"))
    parser.add_argument("--out", default=os.path.join(ROOT, "target/bench/startup.txt"))
    args = parser.parse_args()

    home = tempfile.mkdtemp(prefix="astro-shell-bench-")
    env = dict(os.environ, TERM="xterm-256color",
               XDG_CONFIG_HOME=os.path.join(home, "config"), XDG_DATA_HOME=os.path.join(home, "data"),
               XDG_STATE_HOME=os.path.join(home, "state"), XDG_CACHE_HOME=os.path.join(home, "cache"))
    env.pop("ASTRO_API_TOKEN", None)
    env.pop("ASTRO_SHELL_JAVA_OPTS", None)
    launcher = [os.path.join(ROOT, "bin/astro-shell")]
    plain = ["java", "-jar", os.path.abspath(args.jar)]
    server = None
    try:
        one_shot(launcher + ["status"], env)  # untimed: seeds the sandbox, the launcher trains its cache
        wait_for_launcher_cache(env["XDG_CACHE_HOME"])
        one_shot(plain + ["status"], env)  # untimed: warms the OS file cache for the plain jar
        launcher_prompt, plain_prompt = [], []
        for _ in range(args.runs):
            launcher_prompt.append(to_prompt(launcher, env))
            plain_prompt.append(to_prompt(plain, env))

        first_prompt, first_plain_prompt = [], []
        for run in range(args.runs):
            fresh = dict(env, XDG_CACHE_HOME=os.path.join(home, "first-cache-%d" % run))
            first_prompt.append(to_prompt(launcher, fresh))
            wait_for_launcher_cache(fresh["XDG_CACHE_HOME"])  # the build behind it ends before the next run
            first_plain_prompt.append(to_prompt(plain, env))

        port = free_port()
        server, token = serve(env, port)
        remote = dict(env, ASTRO_SHELL_JAVA_OPTS="-Dastro.api.localhost-port=%d" % port)
        token_file = os.path.join(home, "token")
        with open(token_file, "w") as f:
            f.write(token)
        one_shot(launcher + ["login", "localhost", "--token-file", token_file], remote)
        one_shot(launcher + ["deployment", "switch", DEPLOYMENT], remote)
        listing = ["deployment", "token", "list"]
        launcher_list, plain_list = [], []
        for _ in range(args.runs):
            launcher_list.append(one_shot(launcher + listing, remote))
            plain_list.append(one_shot(plain[:1] + ["-Dastro.api.localhost-port=%d" % port] + plain[1:] + listing,
                                       remote))
    finally:
        if server is not None:
            server.terminate()
            server.wait(10)
        shutil.rmtree(home, ignore_errors=True)

    ratio = statistics.median(launcher_prompt) / statistics.median(plain_prompt)
    lines = [
        "astro-shell startup, %d runs, %s, %d cores, load %.1f" % (args.runs, time.strftime("%Y-%m-%d %H:%M:%S"),
                                                                  os.cpu_count(), os.getloadavg()[0]),
        "java: %s" % subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0],
        summary("P0 first start to prompt, no cache yet (s)", first_prompt),
        summary("P0 the same, java -jar (s)", first_plain_prompt),
        summary("P1 launch to prompt, bin/astro-shell (s)", launcher_prompt),
        summary("P1 launch to prompt, java -jar (s)", plain_prompt),
        "P1 ratio launcher / java -jar                %.2f" % ratio,
        summary("P2 one-shot deployment token list, launcher (s)", launcher_list),
        summary("P2 one-shot deployment token list, java -jar (s)", plain_list),
    ]
    report(lines, args.out)


if __name__ == "__main__":
    main()
