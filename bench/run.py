"""`make bench`: load the site served as in production and write the figures to docs/benchmarks.md.

For each catalogue size in BENCH_SIZES (1,000 and 10,000 services):

1. creates (once) a PostgreSQL database of its own with the demo site and that many generated services
   (bench/generate.py), `<BENCH_DATABASE_URL>_<size>`;
2. serves it with `make serve` (gunicorn, production settings, Redis) on 127.0.0.1:BENCH_PORT, first with the page
   cache off (cold: every request renders its page), then on (warm);
3. loads the home page, a service page, a theme page, the A to Z index, a search and a static file with wrk
   (installed with apt-get when missing and running as root), each for BENCH_SECONDS in all, in 3 interleaved rounds
   after a short warm-up, from 127.0.0.1 only: once under heavy load (BENCH_CONNECTIONS at a time: throughput) and,
   cold, once under light load (one connection per core: the time a page takes when the server is not saturated);
4. writes requests per second, p50/p95/p99 latency, errors and the ratio to the static file to docs/benchmarks.md.

Settings (environment): BENCH_SIZES (1000,10000), BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/hvdm_bench),
BENCH_REDIS_URL (redis://127.0.0.1:6379/15), BENCH_SECONDS (30), BENCH_CONNECTIONS (16), BENCH_THREADS (2),
BENCH_PORT (8765). The whole run takes about 25 minutes (plus about 10 the first time, to generate the content); it is
not part of `make test`.
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
SIZES = [int(size) for size in os.environ.get("BENCH_SIZES", "1000,10000").split(",")]
SECONDS = int(os.environ.get("BENCH_SECONDS", "30"))
ROUNDS = 3
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
LIGHT_CONNECTIONS = os.cpu_count() or 1
THREADS = int(os.environ.get("BENCH_THREADS", "2"))
PORT = int(os.environ.get("BENCH_PORT", "8765"))
BASE = f"http://127.0.0.1:{PORT}"

ENVIRONMENT = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "settings.production",
    "SECRET_KEY": "benchmark-only-secret-key-never-used-in-production-0123456789",
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "REDIS_URL": REDIS_URL,
    "SECURE_SSL_REDIRECT": "false",  # plain HTTP on 127.0.0.1; TLS is the proxy's job
    "LOG_LEVEL": "WARNING",
    # No worker recycling while measuring: at the static file's ~3,000 requests per second every worker would reach
    # `make serve`'s limit (10,000 to 15,000 requests) within a minute, and the pause of its restart would land in
    # whichever row runs next (earlier runs showed it as p95 spikes on the home page, the first row of a round).
    "GUNICORN_MAX_REQUESTS": "0",
}


def step(message):
    print(f"\n==> {message}", flush=True)


def run(*command, environment=None, **kwargs):
    return subprocess.run(command, cwd=ROOT, env=environment or ENVIRONMENT, check=True, **kwargs)


def database_url(size):
    return f"{DATABASE_URL}_{size}"


def ensure_wrk():
    if shutil.which("wrk"):
        return
    if os.geteuid() != 0:
        sys.exit("wrk is not installed; install it (Debian: apt-get install wrk) or run make bench as root.")
    step("installing wrk")
    run("apt-get", "install", "-y", "-qq", "wrk")


def prepare_content(size):
    url = database_url(size)
    step(f"database {url}: migrate and generate {size} services")
    environment = {**ENVIRONMENT, "DATABASE_URL": url}
    run(PY, "scripts/prepare_postgres.py", url, environment=environment)
    run(PY, "manage.py", "migrate", "--noinput", "--verbosity", "0", environment=environment)
    output = run(
        PY, "bench/generate.py", "--pages", str(size), environment=environment, stdout=subprocess.PIPE, text=True
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def static_url():
    manifest = json.loads((ROOT / "var" / "static" / "staticfiles.json").read_text())
    return "/static/" + manifest["paths"]["css/site.css"]


def flush_redis():
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


class Server:
    """`make serve` on 127.0.0.1:PORT in its own process group, stopped with everything it started."""

    def __init__(self, size, page_cache_seconds):
        self.environment = {
            **ENVIRONMENT,
            "DATABASE_URL": database_url(size),
            "PAGE_CACHE_SECONDS": str(page_cache_seconds),
        }

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


def load(url, seconds, connections):
    """One wrk run against url; the figures from bench/latency.lua."""
    threads = min(THREADS, connections)
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s"]
    output = subprocess.run(
        [*command, "-s", "bench/latency.lua", BASE + url],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.split("BENCH ", 1)[1].splitlines()[0])


def measure(targets, connections):
    """Load every target in ROUNDS interleaved rounds, so that other work on the machine hits all targets alike."""
    for url in targets.values():
        load(url, 2, connections)  # warm-up: worker start, connections, and (warm mode) filling the page cache
    rounds = {label: [] for label in targets}
    for _ in range(ROUNDS):
        for label, url in targets.items():
            rounds[label].append(load(url, SECONDS // ROUNDS, connections))
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


MODES = (
    # label, page cache seconds, connections
    ("cold", 0, CONNECTIONS),
    ("cold, light load", 0, LIGHT_CONNECTIONS),
    ("warm", 600, CONNECTIONS),
)


def table(size, targets, results):
    lines = [
        f"### {size:,} services",
        "",
        "| target | cache | connections | req/s | p50 (ms) | p95 (ms) | p99 (ms) | errors | ratio to static |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for mode, _, connections in MODES:
        static = results[mode]["static file"]["rps"]
        for label in [*targets, "static file"]:
            f = results[mode][label]
            errors = f["socket_errors"] + f["http_errors"]
            lines.append(
                f"| {label} | {mode} | {connections} | {f['rps']:.0f} | {f['p50'] / 1000:.1f} | {f['p95'] / 1000:.1f} "
                f"| {f['p99'] / 1000:.1f} | {errors} | {f['rps'] / static:.0%} |"
            )
    return [*lines, ""]


def checks(results):
    """The acceptance figures of the serving issue, computed from this run (not asserted anywhere)."""
    lines = ["## The targets", ""]
    for size, (_, by_mode) in results.items():
        warm = by_mode["warm"]
        ratio = warm["service page"]["rps"] / warm["static file"]["rps"]
        lines.append(
            f"- {size:,} services, warm: a service page gives {ratio:.0%} of the static file's requests per second "
            f"(target at least 50%: {'met' if ratio >= 0.5 else 'NOT met'})."
        )
        light = by_mode["cold, light load"]["service page"]["p95"] / 1000
        heavy = by_mode["cold"]["service page"]["p95"] / 1000
        lines.append(
            f"- {size:,} services, cold: p95 of a service page {light:.0f} ms with {LIGHT_CONNECTIONS} connections "
            f"(target under 150 ms: {'met' if light < 150 else 'NOT met'}); {heavy:.0f} ms with {CONNECTIONS} "
            "connections, where requests queue for the workers."
        )
    return [*lines, ""]


def write_report(results, load_before):
    cores = os.cpu_count()
    workers = os.environ.get("WEB_CONCURRENCY") or str(cores * 2 + 1)
    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench` (bench/run.py); run it again after changes that matter for speed. Not part of `make test`.",
        "",
        f"- Run: {datetime.now():%Y-%m-%d %H:%M}, **{cores} cores** ({cpu_model()}), Python {platform.python_version()}; "
        f"load average before the run {load_before:.1f}, after it {os.getloadavg()[0]:.1f} (other work on the machine "
        "competes with server and load generator).",
        "- Site: PostgreSQL with the demo site and 1,000 or 10,000 generated services (bench/generate.py: real service "
        "pages with the content of the demo services), Redis as the cache.",
        f"- Server: `make serve` (gunicorn, production settings, {workers} workers, worker recycling off: see "
        "bench/run.py), on the same machine as the load.",
        f"- Load: wrk, from 127.0.0.1; {SECONDS} s per row in {ROUNDS} rounds that take turns between the rows of a "
        "mode (so other work on the machine hits all rows alike), after a 2 s warm-up. Requests per second over all "
        "rounds; latency percentiles of the worst round.",
        f"- Cold: page cache off (`PAGE_CACHE_SECONDS=0`), every request renders its page; under heavy load "
        f"({CONNECTIONS} connections at a time: the throughput) and under light load ({LIGHT_CONNECTIONS} connections, "
        "one per core: how long a page takes when requests do not queue). Warm: page cache on, pages come from Redis.",
        "- Search always renders (a search with a query is never cached), so its warm row is a cold one.",
        "- Ratio: the row's requests per second divided by those of the static file in the same mode "
        "(WhiteNoise through the same middleware: the practical ceiling).",
        "",
        *checks(results),
        "## The figures",
        "",
    ]
    for size, (targets, by_mode) in results.items():
        lines += table(size, targets, by_mode)
    lines += [
        "## Reading the figures",
        "",
        "- wrk and gunicorn share the machine's cores, and on a shared development machine other processes compete "
        "too (see the load average above): absolute figures vary from run to run, by a factor of two on a busy "
        "machine. The ratios to the static file, measured in alternating rounds, are the stable part.",
        "- Warm, a page is served almost like the static file: both run through the same middleware, and a cache hit "
        "is one Redis round trip and no database query. Cold, every request routes and renders the page with Django "
        "and Wagtail (15 to 40 PostgreSQL queries for these pages, the same at 1,000 and 10,000 services: the "
        "listings are paginated and their query count does not grow with the catalogue); that is what the page "
        "cache and a CDN save.",
        f"- Under heavy load latency is mostly queueing: {CONNECTIONS} connections share {workers} gunicorn workers "
        "on the cores the load generator also uses.",
        "- The A to Z index and the theme pages are the pages whose cold time grows with the catalogue: their counts "
        "(facets, letters, the number of results) run over every service they list (at 10,000 services about 15 and 25 requests per second "
        "cold, against some 45 for a service page). Warm they are served like any other page.",
        "- Worker recycling (`GUNICORN_MAX_REQUESTS`) is off while measuring. With it on, as in production, a run on "
        "2026-11-29 showed a worker's restart as a p95 of 0.5 to 1 s in whichever row ran next (the home page's "
        "light-load p95 was 543 ms there, 55 ms with recycling off); at real traffic, with static files served by "
        "the CDN, a worker restarts every few minutes at most.",
        "",
        "## Running it",
        "",
        "`make bench`. It needs PostgreSQL and Redis on 127.0.0.1 and installs wrk with apt-get when it is missing and "
        "it runs as root. Settings are environment variables, listed at the top of bench/run.py (`BENCH_SIZES=1000 "
        "make bench` for one size, `BENCH_SECONDS=60` for longer rows). The generated databases are kept "
        "(`hvdm_bench_1000`, `hvdm_bench_10000`) and reused by the next run; drop them to start afresh. Apps add "
        "pages worth loading with a `@generator` in bench/generate.py; each target adds about three minutes to a run.",
        "",
    ]
    (ROOT / "docs" / "benchmarks.md").write_text("\n".join(lines))


def main():
    started = time.monotonic()
    load_before = os.getloadavg()[0]
    ensure_wrk()
    contents = {size: prepare_content(size) for size in SIZES}
    run(
        PY, "manage.py", "collectstatic", "--noinput", "--verbosity", "0",
        environment={**ENVIRONMENT, "DATABASE_URL": database_url(SIZES[0])},
    )  # fmt: skip
    results = {}
    for size, targets in contents.items():
        all_targets = {**targets, "static file": static_url()}
        by_mode = {}
        for mode, seconds, connections in MODES:
            step(f"{size} services, {mode}: page cache {'off' if seconds == 0 else 'on'}, {connections} connections")
            flush_redis()
            with Server(size, seconds):
                by_mode[mode] = measure(all_targets, connections)
        results[size] = (targets, by_mode)
    write_report(results, load_before)
    step(f"docs/benchmarks.md written ({time.monotonic() - started:.0f} s)")


if __name__ == "__main__":
    main()
