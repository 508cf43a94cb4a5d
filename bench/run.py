"""`make bench`: load the site served as in production and write the figures to docs/benchmarks.md.

1. creates (once) a PostgreSQL database of generated content (bench/generate.py);
2. serves it with `make serve` (gunicorn, production settings, Redis) on 127.0.0.1:BENCH_PORT, first with the page
   cache off (cold: every request renders its page), then on (warm);
3. loads the home page, every page the generators name and a static file with wrk (installed with apt-get when
   missing and running as root), each for BENCH_SECONDS in all, in 3 interleaved rounds after a short warm-up, from
   127.0.0.1 only;
4. writes requests per second, p50/p95/p99 latency, errors and the ratio to the static file to docs/benchmarks.md.

Settings (environment): BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/hvdm_bench), BENCH_REDIS_URL
(redis://127.0.0.1:6379/15), BENCH_PAGES (1000), BENCH_SECONDS (30), BENCH_CONNECTIONS (16), BENCH_THREADS (2),
BENCH_PORT (8765). The whole run takes a few minutes; it is not part of `make test`.
"""

import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/hvdm_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15")
PAGES = int(os.environ.get("BENCH_PAGES", "1000"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "30"))
ROUNDS = 3
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
THREADS = int(os.environ.get("BENCH_THREADS", "2"))
PORT = int(os.environ.get("BENCH_PORT", "8765"))
BASE = f"http://127.0.0.1:{PORT}"

ENVIRONMENT = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "settings.production",
    "SECRET_KEY": "benchmark-only-secret-key-never-used-in-production-0123456789",
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "DATABASE_URL": DATABASE_URL,
    "REDIS_URL": REDIS_URL,
    "SECURE_SSL_REDIRECT": "false",  # plain HTTP on 127.0.0.1; TLS is the proxy's job
    "LOG_LEVEL": "WARNING",
}


def step(message):
    print(f"\n==> {message}", flush=True)


def run(*command, **kwargs):
    return subprocess.run(command, cwd=ROOT, env=ENVIRONMENT, check=True, **kwargs)


def ensure_wrk():
    if shutil.which("wrk"):
        return
    if os.geteuid() != 0:
        sys.exit("wrk is not installed; install it (Debian: apt-get install wrk) or run make bench as root.")
    step("installing wrk")
    run("apt-get", "install", "-y", "-qq", "wrk")


def prepare_content():
    step(f"database {DATABASE_URL}: migrate and generate {PAGES} pages")
    run(PY, "scripts/prepare_postgres.py", DATABASE_URL)
    run(PY, "manage.py", "migrate", "--noinput", "--verbosity", "0")
    output = run(PY, "bench/generate.py", "--pages", str(PAGES), capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def static_url():
    manifest = json.loads((ROOT / "var" / "static" / "staticfiles.json").read_text())
    return "/static/" + manifest["paths"]["css/site.css"]


def flush_redis():
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


class Server:
    """`make serve` on 127.0.0.1:PORT in its own process group, stopped with everything it started."""

    def __init__(self, page_cache_seconds):
        self.environment = {**ENVIRONMENT, "PAGE_CACHE_SECONDS": str(page_cache_seconds)}

    def __enter__(self):
        self.log = open(ROOT / "var" / "bench-server.log", "a")
        self.process = subprocess.Popen(
            ["make", "--no-print-directory", "serve", "HOST=127.0.0.1", f"PORT={PORT}"],
            cwd=ROOT,
            env=self.environment,
            stdout=self.log,
            stderr=self.log,
            start_new_session=True,
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{BASE}/healthz", timeout=2) as answer:
                    if answer.status == 200:
                        return self
            except OSError:
                time.sleep(0.5)
            if self.process.poll() is not None:
                sys.exit(f"make serve stopped; see {self.log.name}")
        sys.exit(f"the server did not answer within 120 s; see {self.log.name}")

    def __exit__(self, *exc):
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        self.log.close()


def load(url, seconds):
    """One wrk run against url; the figures from bench/latency.lua."""
    command = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "10s"]
    output = subprocess.run(
        [*command, "-s", "bench/latency.lua", BASE + url],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.split("BENCH ", 1)[1].splitlines()[0])


def measure(targets):
    """Load every target in ROUNDS interleaved rounds, so that other work on the machine hits all targets alike."""
    for url in targets.values():
        load(url, 2)  # warm-up: worker start, connections, and (warm mode) filling the page cache
    rounds = {label: [] for label in targets}
    for _ in range(ROUNDS):
        for label, url in targets.items():
            rounds[label].append(load(url, SECONDS // ROUNDS))
    results = {}
    for label, runs in rounds.items():
        requests = sum(run["requests"] for run in runs)
        results[label] = {
            "requests": requests,
            "rps": requests / (sum(run["duration_us"] for run in runs) / 1_000_000),
            # Percentiles cannot be merged across runs; the worst round's is reported (conservative).
            **{p: max(run[p] for run in runs) for p in ("p50", "p95", "p99")},
            **{e: sum(run[e] for run in runs) for e in ("socket_errors", "http_errors")},
        }
        figures = results[label]
        print(f"   {label:<14} {figures['rps']:8.0f} req/s  p95 {figures['p95'] / 1000:6.1f} ms", flush=True)
    return results


def cpu_model():
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def write_report(targets, results, load_before):
    cores = os.cpu_count()
    workers = os.environ.get("WEB_CONCURRENCY") or str(cores * 2 + 1)
    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench` (bench/run.py); run it again after changes that matter for speed. Not part of `make test`.",
        "",
        f"- Run: {datetime.now():%Y-%m-%d %H:%M}, {cores} cores ({cpu_model()}), Python {platform.python_version()}; "
        f"load average before the run {load_before:.1f}, after it {os.getloadavg()[0]:.1f} (other work on the machine "
        "competes with server and load generator).",
        f"- Site: PostgreSQL ({DATABASE_URL.rsplit('/', 1)[-1]}) with the home page and {PAGES} generated pages "
        "(bench/generate.py), Redis as the cache.",
        f"- Server: `make serve` (gunicorn, production settings, {workers} workers), on the same machine as the load.",
        f"- Load: wrk, {THREADS} threads, {CONNECTIONS} connections, from 127.0.0.1; {SECONDS} s per row in {ROUNDS} "
        "rounds that take turns between the rows of a mode (so other work on the machine hits all rows alike), "
        "after a 2 s warm-up. Requests per second over all rounds; latency percentiles of the worst round.",
        "- Cold: page cache off (`PAGE_CACHE_SECONDS=0`), every request renders its page. "
        "Warm: page cache on, pages come from Redis.",
        "- Ratio: the row's requests per second divided by those of the static file in the same mode "
        "(WhiteNoise through the same middleware: the practical ceiling).",
        "",
        "| target | cache | req/s | p50 (ms) | p95 (ms) | p99 (ms) | errors | ratio to static |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for mode in ("cold", "warm"):
        static = results[mode]["static file"]["rps"]
        for label in [*targets, "static file"]:
            f = results[mode][label]
            errors = f["socket_errors"] + f["http_errors"]
            lines.append(
                f"| {label} | {mode} | {f['rps']:.0f} | {f['p50'] / 1000:.1f} | {f['p95'] / 1000:.1f} | "
                f"{f['p99'] / 1000:.1f} | {errors} | {f['rps'] / static:.0%} |"
            )
    lines += [
        "",
        "## Reading the figures",
        "",
        "- wrk and gunicorn share the machine's cores, and on a shared development machine other processes compete "
        "too (see the load average above): absolute figures vary from run to run, by a factor of two on a busy "
        "machine. The ratios to the static file, measured in alternating rounds, are the stable part.",
        "- Warm, a page is served almost like the static file: both run through the same middleware, and a cache hit "
        "is one Redis round trip and no database query. Cold, every request routes and renders the page with Django "
        "and Wagtail (about ten PostgreSQL queries for these pages); that is what the page cache and a CDN save.",
        "- Latency under load is mostly queueing: 16 connections share the gunicorn workers.",
        "",
        "## Running it",
        "",
        "`make bench` (about 5 minutes, plus a few minutes the first time to generate the content). It needs "
        "PostgreSQL and Redis on 127.0.0.1 and installs wrk with apt-get when it is missing and it runs as root. "
        "Settings are environment variables, listed at the top of bench/run.py: `BENCH_PAGES=10000 make bench` "
        "generates 10,000 pages (in a database of its own per size is best: `BENCH_DATABASE_URL`). Apps add the "
        "pages worth loading (a service page, a theme page, the A to Z index, a search) with a `@generator` in "
        "bench/generate.py; each target adds about a minute to the run.",
        "",
    ]
    (ROOT / "docs" / "benchmarks.md").write_text("\n".join(lines))


def main():
    started = time.monotonic()
    load_before = os.getloadavg()[0]
    ensure_wrk()
    targets = prepare_content()
    run(PY, "manage.py", "collectstatic", "--noinput", "--verbosity", "0")
    all_targets = {**targets, "static file": static_url()}
    results = {}
    for mode, seconds in (("cold", 0), ("warm", 600)):
        step(f"{mode}: page cache {'off' if seconds == 0 else 'on'}")
        flush_redis()
        with Server(seconds):
            results[mode] = measure(all_targets)
    write_report(targets, results, load_before)
    step(f"docs/benchmarks.md written ({time.monotonic() - started:.0f} s)")


if __name__ == "__main__":
    main()
