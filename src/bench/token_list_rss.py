#!/usr/bin/env python3
"""Token list at scale: a REPL's time and memory around `deployment token list` of many tokens.

Serves a sandbox (`sandbox serve`) in fresh XDG dirs, seeds N deployment tokens named "bulk token NNNNN" on
etl-prod through the API, restarts the server with injected latency, then drives the REPL in a pseudo-terminal
logged in to it: times `deployment token list` (table and -o json, to the prompt's return), a cold and a warm Tab
on `--name "bulk tok`, and an `update --name` right after the list; reads the REPL's VmRSS/VmHWM after each step.
Results go to target/bench/token_list.txt. Usage (after `mvn -q -DskipTests package`):

    python3 src/bench/token_list_rss.py [--tokens 10000] [--latency 50ms] [--jar target/astro-shell.jar] [-- JVM options]
"""
import argparse
import concurrent.futures
import fcntl
import json
import os
import pty
import re
import select
import shutil
import socket
import struct
import subprocess
import tempfile
import termios
import time
import urllib.request

PROMPT = b"]> "


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(java, env, port, latency):
    env = dict(env, ASTRO_SANDBOX_FAULTS_LATENCY=latency)
    proc = subprocess.Popen(java + ["sandbox", "serve", "--port", str(port)], env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    info = {}
    for line in proc.stdout:
        if line.startswith("Log in from another shell:"):
            info["login"] = line.split(":", 1)[1].strip()
            info["token_file"] = info["login"].split("--token-file", 1)[1].strip()
            break
    return proc, info


def api(port, token, method, path, body=None):
    req = urllib.request.Request("http://127.0.0.1:%d/v1%s" % (port, path), method=method,
                                 data=None if body is None else json.dumps(body).encode(),
                                 headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.loads(r.read() or b"null")


def seed(port, token, count):
    org = api(port, token, "GET", "/organizations")["organizations"][0]["id"]
    deps = api(port, token, "GET", "/organizations/%s/deployments" % org)["deployments"]
    dep = next(d["id"] for d in deps if d["name"] == "etl-prod")

    def create(i):
        api(port, token, "POST", "/organizations/%s/tokens" % org,
            {"name": "bulk token %05d" % i, "description": "bulk description %d" % i, "scope": "DEPLOYMENT",
             "entityId": dep, "role": "DEPLOYMENT_ADMIN"})

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        list(pool.map(create, range(count)))
    return org, dep


class Repl:
    def __init__(self, java, env):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execvpe(java[0], java, env)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 200, 0, 0))
        self.seen = b""
        self.until(PROMPT, 90)

    def read(self, timeout):
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if ready:
            chunk = os.read(self.fd, 1 << 16)
            self.seen += chunk
            return len(chunk)
        return 0

    def until(self, marker, timeout):
        """Seconds until `marker` shows after what was seen when called, and the bytes read meanwhile."""
        start, mark, total = time.monotonic(), len(self.seen), 0
        while time.monotonic() - start < timeout:
            searched = max(mark, len(self.seen) - len(marker))
            total += self.read(0.02)
            if self.seen.find(marker, searched) >= 0:
                return time.monotonic() - start, total
        raise RuntimeError("no %r within %ss: %r" % (marker, timeout, self.seen[-300:]))

    def run(self, line, timeout=120, first=None):
        """Seconds to the prompt's return and bytes written; with `first`, also the seconds until it showed."""
        os.write(self.fd, line.encode() + b"\r")
        if first is None:
            return self.until(PROMPT, timeout)
        shown, size = self.until(first, timeout)
        secs, rest = self.until(PROMPT, timeout)
        return shown + secs, size + rest, shown

    def tab(self, text, timeout=30):
        """Seconds from Tab to its answer on the line (the common prefix inserted, a list, or a bell)."""
        os.write(self.fd, text.encode())
        self.until(text[-3:].encode(), 10)  # echoed
        while self.read(0.2):
            pass
        start, mark = time.monotonic(), len(self.seen)
        os.write(self.fd, b"\t")
        while not any(m in self.seen[mark:] for m in (b"en 0", b"possibilities", b"\x07")):
            if time.monotonic() - start > timeout:
                raise RuntimeError("Tab showed nothing: %r" % self.seen[mark:])
            self.read(0.002)
        elapsed = time.monotonic() - start
        while self.read(0.2):
            pass
        os.write(self.fd, b"\x03")  # Ctrl-C clears the line
        self.until(PROMPT, 10)
        return elapsed

    def rss(self):
        java = child_java(self.pid)
        status = open("/proc/%d/status" % java).read()
        return {k: int(re.search(k + r":\s+(\d+)", status).group(1)) // 1024 for k in ("VmRSS", "VmHWM")}

    def close(self):
        os.write(self.fd, b"exit\r")
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass
        os.close(self.fd)


def child_java(pid):
    """The pty child is the java process itself (execvpe), unless a launcher script forks it."""
    try:
        kids = open("/proc/%d/task/%d/children" % (pid, pid)).read().split()
    except OSError:
        kids = []
    return int(kids[0]) if kids else pid


def heap_after_gc(pid):
    """The heap the process keeps: used after a full GC."""
    java = str(child_java(pid))
    subprocess.run(["jcmd", java, "GC.run"], stdout=subprocess.DEVNULL, check=False)
    heap = subprocess.run(["jcmd", java, "GC.heap_info"], capture_output=True, text=True).stdout
    # G1 reports one "garbage-first heap" line, Serial and Parallel one line per generation; Metaspace is not heap
    used = [int(m) for line in heap.splitlines() if "heap" in line or "generation" in line
            for m in re.findall(r"used (\d+)K", line)]
    return sum(used) // 1024 if used else "?"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tokens", type=int, default=10000)
    parser.add_argument("--latency", default="50ms")
    parser.add_argument("--jar", default="target/astro-shell.jar")
    parser.add_argument("--page-size", type=int, help="astro.api.page-size of the REPL (default: its own)")
    parser.add_argument("--home", help="XDG dirs whose sandbox already holds the tokens (copied; seeding skipped)")
    parser.add_argument("--out", default="target/bench/token_list.txt")
    parser.add_argument("jvm", nargs="*", help="extra JVM options of the REPL, after --")
    args = parser.parse_args()

    home = tempfile.mkdtemp(prefix="astro-shell-bench-")
    if args.home:
        shutil.copytree(os.path.join(args.home, "data"), os.path.join(home, "data"))
    env = dict(os.environ, TERM="xterm-256color", XDG_CONFIG_HOME=os.path.join(home, "config"),
               XDG_DATA_HOME=os.path.join(home, "data"), XDG_STATE_HOME=os.path.join(home, "state"))
    env.pop("ASTRO_API_TOKEN", None)
    jar = os.path.abspath(args.jar)
    port = free_port()
    results = []
    server = repl = None
    try:
        if not args.home:
            server, info = serve(["java", "-jar", jar], env, port, "0ms")
            token = open(info["token_file"]).read().strip()
            t = time.monotonic()
            seed(port, token, args.tokens)
            print("seeded %d tokens in %.1fs" % (args.tokens, time.monotonic() - t))
            server.terminate()
            server.wait()
        server, info = serve(["java", "-jar", jar], env, port, args.latency)

        repl_env = dict(env, ASTRO_API_PAGE_SIZE=str(args.page_size)) if args.page_size else env
        repl = Repl(["java"] + args.jvm + ["-jar", jar], repl_env)
        repl.run(info["login"])
        repl.run("deployment switch etl-prod")
        results.append(("after login", None, repl.rss()))
        results.append(("Tab --name \"bulk tok (cold)", repl.tab('deployment token update --name "bulk tok'),
                        repl.rss()))
        results.append(("Tab --name \"bulk tok (warm)", repl.tab('deployment token update --name "bulk tok'),
                        repl.rss()))
        secs, size, shown = repl.run("deployment token list", first=b"bulk token 0")
        results.append(("token list (%d KB, 1st row %.2fs)" % (size // 1024, shown), secs, repl.rss()))
        secs, size, shown = repl.run("deployment token list -o json", first=b'"bulk token 0')
        results.append(("token list -o json (%d KB, 1st %.2fs)" % (size // 1024, shown), secs, repl.rss()))
        results.append(("after a full GC, heap used %s MB" % heap_after_gc(repl.pid), None, repl.rss()))
        secs, _ = repl.run('deployment token update --name "bulk token 09999" --role DEPLOYMENT_ADMIN -d "x"')
        results.append(("update --name, list cached", secs, repl.rss()))
        repl.run("sandbox faults")  # settles: a command that costs nothing
        secs, _ = repl.run('deployment token update --name "bulk token 09998" --role DEPLOYMENT_ADMIN -d "y"')
        results.append(("update --name, cold (after a write)", secs, repl.rss()))
        time.sleep(2)
        results.append(("idle 2s later", None, repl.rss()))
    finally:
        if repl:
            repl.close()
        if server:
            server.terminate()
            server.wait()
        shutil.rmtree(home, ignore_errors=True)

    lines = ["astro-shell token list at scale, %d tokens, latency %s, page size %s, %s, %d cores" % (
        args.tokens, args.latency, args.page_size or "default", time.strftime("%Y-%m-%d %H:%M:%S"), os.cpu_count()),
        "jar: %s  REPL JVM options: %s" % (args.jar, " ".join(args.jvm) or "(none)")]
    for name, secs, rss in results:
        lines.append("%-44s %8s   RSS %4d MB  peak %4d MB" % (name, "" if secs is None else "%.3fs" % secs,
                                                              rss["VmRSS"], rss["VmHWM"]))
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "a") as f:
        f.write("\n".join(lines) + "\n\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
