#!/usr/bin/env python3
"""Scale benchmark: 10,000 tokens on one deployment, 50 ms of injected latency.

Serves a sandbox (`bin/astro-shell sandbox serve`, as the README says, its own XDG home, a free loopback port), seeds 10,000 deployment
tokens through the API with the development token it prints, then measures:

  S2  seeding time, and the server's RSS after seeding and listing
  S1  one page request with 10k tokens (latency 0): until the answer's headers arrive on loopback, which the
      sandbox sends once the whole answer is computed (server time plus a round trip)
  A   the astro CLI's algorithm: 100 sequential pages of 100, plain HTTP from Python (latency 50 ms)
  P3  `deployment token update --name "bulk token 4711" ...` in the REPL: cold, and warm after a Tab
  P4  Tab on `--name "bulk tok`: first and warm
  P5  the REPL's RSS after listing the 10k tokens
  L   one-shot `deployment token list`, table and `-o json`

The REPL runs through the launcher (bin/astro-shell) in a pseudo-terminal, logged in to the served sandbox with
`login localhost` (astro.api.localhost-port); each figure runs from the keypress to the answer on the screen (the
next prompt, or for a Tab the first output). Loopback only, every wait bounded, everything it starts is stopped.
Writes the table to target/bench/scale.txt. Usage (after `mvn -q -DskipTests package`):

    python3 src/bench/scale.py [--tokens 10000] [--runs 5]
"""
import argparse
import concurrent.futures
import fcntl
import http.client
import json
import os
import pty
import re
import select
import shutil
import signal
import socket
import statistics
import struct
import subprocess
import tempfile
import termios
import threading
import time

ORG = "clujzde8gxd6ncf10epf91dho"
DEPLOYMENT = "clvj50ce9uvw53efr4edt2syw"  # etl-prod
PROMPT = b"]> "
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


class Api:
    """Keep-alive HTTP to the sandbox, one connection per thread."""

    def __init__(self, port, token):
        self.port, self.token, self.local = port, token, threading.local()

    def call(self, method, path, body=None):
        return self.send(method, path, body)[0]

    def answer_time(self, path):
        """Seconds from sending a GET to its status line and headers, which the sandbox sends with the whole
        answer computed: the server's time plus a loopback round trip, without reading or parsing the body."""
        return self.send("GET", path)[1]

    def send(self, method, path, body=None):
        conn = getattr(self.local, "conn", None)
        if conn is None:
            conn = self.local.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Authorization": "Bearer " + self.token, "Content-Type": "application/json"}
        start = time.monotonic()
        conn.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
        response = conn.getresponse()
        answered = time.monotonic() - start
        data = response.read()
        if response.status >= 300:
            raise RuntimeError("%s %s: %d %s" % (method, path, response.status, data[:200]))
        return (json.loads(data) if data else None), answered


def serve(env, port):
    # through the launcher, as the README starts it (its heap settings bound the server's memory); exec keeps the pid
    proc = subprocess.Popen([os.path.join(ROOT, "bin", "astro-shell"), "sandbox", "serve", "--port", str(port)], env=env,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    token, deadline = None, time.monotonic() + 60
    while token is None and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        if line.startswith("Development token: "):
            token = line.split(": ", 1)[1].strip()
    if token is None:
        proc.kill()
        raise RuntimeError("sandbox serve printed no development token")
    return proc, token


def seed(api, count, threads=4):
    def create(i):
        api.call("POST", "/v1/organizations/%s/tokens" % ORG, {
            "name": "bulk token %d" % i, "description": "bulk %d" % i, "scope": "DEPLOYMENT",
            "entityId": DEPLOYMENT, "role": "DEPLOYMENT_ADMIN"})
    start = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(threads) as pool:
        list(pool.map(create, range(count)))
    return time.monotonic() - start


def timed(fn, runs):
    times = []
    for _ in range(runs):
        start = time.monotonic()
        fn()
        times.append(time.monotonic() - start)
    return statistics.median(times)


class Repl:
    """The shell in a pseudo-terminal."""

    def __init__(self, cmd, env):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execvpe(cmd[0], cmd, env)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 200, 0, 0))
        self.seen = b""

    def read_until(self, predicate, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.fd], [], [], 0.02)
            if ready:
                try:
                    self.seen += os.read(self.fd, 65536)
                except OSError:
                    break
                if predicate(self.seen):
                    return time.monotonic()
        raise RuntimeError("timed out; screen ends with %r" % self.seen[-300:])

    def drain(self, quiet=0.3):
        while select.select([self.fd], [], [], quiet)[0]:
            try:
                self.seen += os.read(self.fd, 65536)
            except OSError:
                return

    def press(self, typed, key, answered, timeout):
        """Types a line, then times from the key to the screen showing the answer."""
        self.drain()
        os.write(self.fd, typed.encode())
        self.drain(0.2)
        self.seen = b""
        start = time.monotonic()
        os.write(self.fd, key)
        return self.read_until(answered, timeout) - start

    def command(self, line, timeout=120):
        """Seconds from Enter to the next prompt (the answer is on the screen before it)."""
        return self.press(line, b"\r", lambda s: PROMPT in s, timeout)

    def tab(self, partial, timeout=120):
        """Seconds from Tab to the first output after it; then the line is abandoned with Ctrl-C."""
        elapsed = self.press(partial, b"\t", lambda s: len(s) > 0, timeout)
        self.drain(0.5)
        if os.environ.get("BENCH_DEBUG"):
            print("after Tab: %r" % self.seen[:400])
        if b"possibilities" in self.seen or b"(y or n)" in self.seen:
            os.write(self.fd, b"n")
            self.drain(0.3)
        self.seen = b""
        os.write(self.fd, b"\x03")
        self.read_until(lambda s: PROMPT in s, 30)
        return elapsed

    def close(self):
        try:
            os.write(self.fd, b"exit\r")
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                done, _ = os.waitpid(self.pid, os.WNOHANG)
                if done:
                    break
                time.sleep(0.1)
            else:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
        except (OSError, ChildProcessError):
            pass
        os.close(self.fd)


def wait_for_launcher_cache(cache_home, timeout=120):
    """The launcher trains its class archive in the background after its first (plain) start."""
    deadline = time.monotonic() + timeout
    root = os.path.join(cache_home, "astro-shell")
    while time.monotonic() < deadline:
        if os.path.isdir(root) and any(os.path.exists(os.path.join(root, d, "ready")) for d in os.listdir(root)):
            return
        time.sleep(0.2)
    raise RuntimeError("the launcher made no cache within %ss" % timeout)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tokens", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--jar", default=os.path.join(ROOT, "target/astro-shell.jar"))
    parser.add_argument("--server-only", action="store_true", help="only the sandbox's figures (S1, S2, A)")
    parser.add_argument("--out", default=os.path.join(ROOT, "target/bench/scale.txt"))
    args = parser.parse_args()
    jar, launcher = os.path.abspath(args.jar), os.path.join(ROOT, "bin/astro-shell")

    home = tempfile.mkdtemp(prefix="astro-shell-scale-")
    port = free_port()
    env = dict(os.environ, TERM="xterm-256color",
               XDG_CONFIG_HOME=os.path.join(home, "config"), XDG_DATA_HOME=os.path.join(home, "data"),
               XDG_STATE_HOME=os.path.join(home, "state"), XDG_CACHE_HOME=os.path.join(home, "cache"),
               ASTRO_SHELL_JAVA_OPTS="-Dastro.api.localhost-port=%d" % port)
    env.pop("ASTRO_API_TOKEN", None)
    rows = []
    server = None
    try:
        server, dev_token = serve(env, port)
        api = Api(port, dev_token)
        tokens_path = "/v1/organizations/%s/tokens?deploymentId=%s" % (ORG, DEPLOYMENT)

        seconds = seed(api, args.tokens)
        total = api.call("GET", tokens_path + "&limit=1")["totalCount"]
        rows.append(("S2 seed %d tokens through the API (4 clients)" % args.tokens, "%.1f s" % seconds))
        rows.append(("   tokens on etl-prod", "%d" % total))
        rows.append(("S2 sandbox serve RSS after seeding", "%.0f MB" % rss_mb(server.pid)))

        for query in ("&offset=0&limit=1000", "&offset=%d&limit=1000" % (total - 1000), "&offset=5000&limit=20",
                      "&offset=%d&limit=1000&sorts=name:asc" % (total - 1000), "&offset=0&limit=100&sorts=updatedAt:desc"):
            for _ in range(20):  # warm the server's code paths
                api.call("GET", tokens_path + query)
            answers = [api.answer_time(tokens_path + query) for _ in range(args.runs * 4)]
            rows.append(("S1 one page%s (to the answer's headers, latency 0)" % query.replace("&", " "),
                         "%.1f ms" % (1000 * statistics.median(answers))))

        api.call("PUT", "/sandbox/faults", {"latencyMs": 50})
        astro = timed(lambda: [api.call("GET", tokens_path + "&offset=%d&limit=100" % off)
                               for off in range(0, total, 100)], 1)
        rows.append(("A  astro CLI algorithm: %d sequential pages of 100 (latency 50 ms)" % ((total + 99) // 100),
                     "%.2f s" % astro))

        if args.server_only:
            return finish(rows, args)
        one_shot = [launcher]
        token_file = os.path.join(home, "token")
        with open(token_file, "w") as f:
            f.write(dev_token)
        for cmd in (["help"], ["login", "localhost", "--token-file", token_file],
                    ["deployment", "switch", DEPLOYMENT]):
            subprocess.run(one_shot + cmd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           check=True, timeout=120)
        wait_for_launcher_cache(env["XDG_CACHE_HOME"])

        def listing(*extra):
            subprocess.run(one_shot + ["deployment", "token", "list", *extra], env=env, stdin=subprocess.DEVNULL,
                           stdout=subprocess.DEVNULL, check=True, timeout=300)
        rows.append(("L  one-shot deployment token list (table)", "%.2f s" % timed(listing, args.runs)))
        rows.append(("L  one-shot deployment token list -o json", "%.2f s" % timed(lambda: listing("-o", "json"),
                                                                                     args.runs)))

        repl = Repl([launcher], env)
        try:
            repl.read_until(lambda s: PROMPT in s, 60)
            update = 'deployment token update --name "bulk token %d" --role DEPLOYMENT_ADMIN --description x'
            rows.append(("P3 update --name, cold", "%.2f s" % repl.command(update % 4711)))
            rows.append(("P4 Tab on --name \"bulk tok, first", "%.2f s" % repl.tab('deployment token update --name "bulk tok')))
            rows.append(("P4 Tab on --name \"bulk tok, warm", "%.2f s" % repl.tab('deployment token update --name "bulk tok')))
            rows.append(("P3 update --name, warm (after a Tab)", "%.2f s" % repl.command(update % 4712)))
            rows.append(("   REPL deployment token list", "%.2f s" % repl.command("deployment token list")))
            rows.append(("P5 REPL RSS after listing", "%.0f MB" % rss_mb(repl.pid)))
        finally:
            repl.close()
        rows.append(("S2 sandbox serve RSS at the end", "%.0f MB" % rss_mb(server.pid)))
        finish(rows, args)
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()
        shutil.rmtree(home, ignore_errors=True)


def finish(rows, args):
    width = max(len(name) for name, _ in rows)
    lines = ["astro-shell scale, %s, %d cores, load %.1f, %d tokens, median of %d" % (
        time.strftime("%Y-%m-%d %H:%M:%S"), os.cpu_count(), os.getloadavg()[0], args.tokens, args.runs)]
    lines += ["%-*s  %s" % (width, name, value) for name, value in rows]
    report(lines, args.out)


def report(lines, out):
    """Appends a run to the results file and shows it."""
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "a") as f:
        f.write("\n".join(lines) + "\n\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
