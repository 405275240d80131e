#!/usr/bin/env python3
"""Time from a fresh CLI JVM's start to the first BatchWriteItem reaching the engine, as bench/run measures it.

Starts an in-memory dynalite, creates the seed-shape table once, then runs the CLI N times through a recording TCP
proxy in front of dynalite and prints, per run, the milliseconds from the process start to the first byte of the
first BatchWriteItem request at the proxy. Two clocks: the wall clock read just before the process is spawned, and
the kernel's process start time (/proc/PID/stat, in CLOCK_BOOTTIME jiffies, exact to 10 ms).

  cli/first-item-timing.py [--runs 5] [--launcher] [--jvm-opt=-XX:...]... [--no-samples-flag] [--jar JAR]

--launcher runs ./dynaseed (the launcher script, with its CDS archive) instead of `java -jar`.
"""
import argparse
import glob
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HOME = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SPEC = """version: 1
tables:
  - name: bench_first
    partitionKey: {name: transaction_id, type: S}
    sortKey: {name: access_timestamp, type: N}
    billing: {mode: PROVISIONED, readCapacity: 5, writeCapacity: 5}
    seed:
      count: 100
      attributes:
        transaction_id: uuid1
        access_timestamp: epochSeconds
        user_id: uuid4
"""
MARK = b"DynamoDB_20120810.BatchWriteItem"
CLK_TCK = os.sysconf("SC_CLK_TCK")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Proxy:
    """A TCP proxy that records the time the first request naming BatchWriteItem passes through it."""

    def __init__(self, upstream):
        self.upstream = upstream
        self.first_wall = None
        self.first_boot = None
        self.first_cpu = None
        self.log = []
        self.pid = None
        self.server = socket.socket()
        self.server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(64)
        self.port = self.server.getsockname()[1]
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.upstream))
            # Forward each chunk at once: without this, Nagle's algorithm holds a request's body until the engine
            # acknowledges its headers (up to 40 ms of delayed ACK per request), which is the proxy's delay, not the CLI's.
            for s in (client, upstream):
                s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            threading.Thread(target=self.pipe, args=(client, upstream, True), daemon=True).start()
            threading.Thread(target=self.pipe, args=(upstream, client, False), daemon=True).start()

    def pipe(self, src, dst, watch):
        tail = b""
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                if watch and b"X-Amz-Target: " in data:
                    op = data.split(b"X-Amz-Target: ", 1)[1].split(b"\r", 1)[0].decode().split(".")[-1]
                    self.log.append((time.time(), "> " + op))
                elif not watch and data.startswith(b"HTTP/"):
                    self.log.append((time.time(), "<"))
                if watch and self.first_wall is None and MARK in tail + data:
                    self.first_wall = time.time()
                    self.first_boot = time.clock_gettime(time.CLOCK_BOOTTIME)
                    if self.pid is not None:
                        self.first_cpu = cpu_seconds(self.pid)
                        self.threads = thread_cpu(self.pid)
                tail = data[-64:]
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def close(self):
        self.server.close()


def stat_fields(pid):
    with open(f"/proc/{pid}/stat") as f:
        return f.read().rsplit(")", 1)[1].split()


def cpu_seconds(pid):
    """User + system CPU time of the process so far (all its threads), fields 14 and 15."""
    fields = stat_fields(pid)
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def thread_cpu(pid):
    """CPU milliseconds per thread name (compiler, GC, main...) so far."""
    by_name = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                text = f.read()
        except OSError:
            continue
        name = text[text.index("(") + 1:text.rindex(")")].rstrip("0123456789#")
        fields = text.rsplit(")", 1)[1].split()
        by_name[name] = by_name.get(name, 0) + round((int(fields[11]) + int(fields[12])) * 1000 / CLK_TCK)
    return by_name


def boot_start(pid):
    """The process's start, in seconds of CLOCK_BOOTTIME: field 22 (starttime)."""
    return int(stat_fields(pid)[19]) / CLK_TCK


def command(args, endpoint, spec):
    if args.launcher:
        head = [os.path.join(HOME, "dynaseed")]
    else:
        jar = args.jar or glob.glob(os.path.join(HOME, "cli/target/dynaseed-cli-*-all.jar"))[0]
        head = [args.java, *args.jvm_opt, "-jar", jar]
    tail = ["apply", "-f", spec, "--endpoint-url", endpoint]
    if not args.no_samples_flag:
        tail += ["--samples", "0"]
    return head + tail + ["-o", "json"]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--launcher", action="store_true")
    p.add_argument("--jvm-opt", action="append", default=[])
    p.add_argument("--no-samples-flag", action="store_true")
    p.add_argument("--jar")
    p.add_argument("--java", default="java")
    p.add_argument("--keep-output", action="store_true")
    p.add_argument("--marks", action="store_true", help="print the 'MARK name epoch-ms' lines of a marked build")
    p.add_argument("--threads", action="store_true", help="print CPU ms per thread name at the first item")
    args = p.parse_args()

    work = tempfile.mkdtemp(prefix="first-item-")
    spec = os.path.join(work, "bench_first.yaml")
    with open(spec, "w") as f:
        f.write(SPEC)
    port = free_port()
    engine = subprocess.Popen(
        ["node", os.path.join(HOME, "node_modules/dynalite/cli.js"), "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port)).close()
                break
            except OSError:
                time.sleep(0.1)
        env = dict(os.environ)
        # Create the table (and write the first 100 items) once, outside the measurement.
        created = subprocess.run(command(args, f"http://127.0.0.1:{port}", spec), cwd=work, env=env, check=True,
                                 stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        json.loads(created.stdout)  # the first run (which writes the launcher's archive) prints clean JSON too
        wall, boot, cpu = [], [], []
        for run in range(args.runs):
            proxy = Proxy(port)
            out_path = os.path.join(work, f"out{run}.json")
            err_path = os.path.join(work, f"err{run}.txt")
            with open(out_path, "w") as out, open(err_path, "w") as err:
                t0 = time.time()
                proc = subprocess.Popen(command(args, f"http://127.0.0.1:{proxy.port}", spec), cwd=work, env=env,
                                        stdout=out, stderr=err)
                proxy.pid = proc.pid
                started = boot_start(proc.pid)
                code = proc.wait()
            proxy.close()
            if code != 0 or proxy.first_wall is None:
                sys.exit(f"run {run}: exit {code}, first item {'seen' if proxy.first_wall else 'never seen'}; "
                         f"{open(out_path).read()} {open(err_path).read()}")
            text = open(out_path).read()
            try:
                json.loads(text)
            except ValueError:
                sys.exit(f"run {run}: stdout is not one JSON document: {text[:300]!r} ... {text[-300:]!r}")
            if os.path.getsize(err_path) and args.keep_output:
                print(f"   stderr: {open(err_path).read()[:300]!r}")
            wall.append(round((proxy.first_wall - t0) * 1000))
            boot.append(round((proxy.first_boot - started) * 1000))
            if args.marks:
                marks = [line.split() for line in open(err_path) if line.startswith("MARK ")]
                print("   run %d: " % run + ", ".join(f"{m[1]} {int(m[2]) - round(t0 * 1000)}"
                                                 + (f" (cpu {m[3]})" if len(m) > 3 else "") for m in marks)
                      + f", first item {round((proxy.first_wall - t0) * 1000)} ms")
                print("      requests: " + " ".join(f"{what}{round((at - t0) * 1000)}" for at, what in proxy.log[:40]))
            if args.threads:
                print(f"   run {run}: CPU ms by thread at the first item: {proxy.threads}")
            cpu.append(round(proxy.first_cpu * 1000) if proxy.first_cpu is not None else -1)
        print(f"runs {args.runs}; load {os.getloadavg()[0]:.2f}; from spawn (wall): {wall} median "
              f"{statistics.median(wall):.0f} ms; from kernel start time: {boot} median {statistics.median(boot):.0f} ms; "
              f"CPU time used by then (all threads): {cpu} median {statistics.median(cpu):.0f} ms")
    finally:
        engine.terminate()
        engine.wait()
        if not args.keep_output:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
