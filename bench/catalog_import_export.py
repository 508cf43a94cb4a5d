"""Benchmark: import N generated services from catalogue CSV, then export the catalogue as CPSV-AP JSON-LD.

    .venv/bin/python bench/catalog_import_export.py --services 10000

Uses its own SQLite database under var/bench/ (deleted first), migrated and loaded with the demo site. Each phase runs
in a fresh process so that its peak memory (maximum resident set size) is its own. Prints a Markdown table for
docs/open-data.md. Timings depend on the machine: compare runs on one machine only.
"""

import argparse
import csv
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"
PYTHON = sys.executable

AUDIENCES = ["Burger", "Onderneming", "Vereniging", "LokaalBestuur"]
THEMES = ["BurgerOverheid", "MobiliteitOpenbareWerken", "BouwenWonen", "CultuurSportVrijeTijd", "EconomieWerk"]
TYPES = ["Bewijs", "Toelating", "FinancieelVoordeel", "InfrastructuurMateriaal", "AdviesBegeleiding"]
CHANNELS = ["Online", "Loket", "Telefoon"]
WORDS = [
    "aanvraag",
    "kaart",
    "premie",
    "vergunning",
    "attest",
    "bewijs",
    "inschrijving",
    "parkeren",
    "afval",
    "woning",
    "school",
    "sport",
    "cultuur",
    "onderneming",
    "markt",
    "evenement",
    "reis",
    "paspoort",
    "rijbewijs",
    "huwelijk",
    "geboorte",
    "verhuizen",
    "subsidie",
    "toelage",
]


def sentence(rng, words=12):
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def generate(path, count, seed=1):
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(
            [
                "external_id", "title", "summary", "description", "conditions", "evidence", "procedure",
                "cost_description", "cost_amount", "processing_time", "keywords", "product_type", "audiences",
                "themes", "channels", "online_url", "department", "contact_phone", "contact_email",
            ]
        )  # fmt: skip
        for number in range(count):
            channels = rng.sample(CHANNELS, rng.randint(1, 3))
            writer.writerow(
                [
                    f"bench-{number:05d}",
                    f"Dienst {number} {rng.choice(WORDS)}",
                    sentence(rng, 20),
                    "\n\n".join(sentence(rng, 30) for _ in range(3)),
                    "- " + sentence(rng) + "\n- " + sentence(rng),
                    "- je identiteitskaart",
                    "1. " + sentence(rng) + "\n2. " + sentence(rng),
                    sentence(rng, 8),
                    f"{rng.randint(0, 200)},{rng.randint(0, 99):02d}",
                    f"P{rng.randint(1, 60)}D",
                    ";".join(rng.sample(WORDS, 4)),
                    rng.choice(TYPES),
                    ";".join(rng.sample(AUDIENCES, rng.randint(1, 2))),
                    ";".join(rng.sample(THEMES, rng.randint(1, 2))),
                    ";".join(channels),
                    f"https://eloket.example.org/dienst-{number}" if "Online" in channels else "",
                    f"Afdeling {rng.randint(1, 12)}",
                    "015 29 76 00",
                    f"afdeling{rng.randint(1, 12)}@mechelen.example",
                ]
            )


def phase(name, argv, env):
    """Run `manage.py argv` in a fresh process; return (seconds, peak RSS in MB)."""
    code = (
        "import resource, sys, time, runpy\n"
        "sys.argv = ['manage.py', *sys.argv[1:]]\n"
        "start = time.perf_counter()\n"
        "try:\n"
        "    runpy.run_path('manage.py', run_name='__main__')\n"
        "finally:\n"
        "    elapsed = time.perf_counter() - start\n"
        "    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
        "    print(f'BENCH {elapsed:.1f} {peak:.0f}', file=sys.stderr)\n"
    )
    result = subprocess.run([PYTHON, "-c", code, *argv], cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    line = next((line for line in result.stderr.splitlines() if line.startswith("BENCH ")), None)
    if result.returncode != 0 or line is None:
        sys.exit(f"{name} failed:\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}")
    _, seconds, peak = line.split()
    return float(seconds), float(peak)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=10_000)
    parser.add_argument("--keep", action="store_true", help="keep var/bench/ afterwards")
    args = parser.parse_args()

    shutil.rmtree(BENCH_DIR, ignore_errors=True)
    BENCH_DIR.mkdir(parents=True)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "settings.test",
        "DATABASE_URL": f"sqlite:///{BENCH_DIR / 'bench.sqlite3'}",
        "REDIS_URL": "",
    }
    csv_path = BENCH_DIR / "services.csv"
    generate(csv_path, args.services)
    print(f"Generated {args.services} services: {csv_path.stat().st_size / 1024 / 1024:.1f} MB of CSV", flush=True)
    subprocess.run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run([PYTHON, "manage.py", "load_demo_content"], cwd=ROOT, env=env, check=True, capture_output=True)

    results = {}
    results["import (drafts)"] = phase("import", ["import_catalog", str(csv_path)], env)
    print("import (drafts)", results["import (drafts)"], flush=True)
    results["import again, publishing (update: new revision, publish, IPDC snapshot)"] = phase(
        "publish", ["import_catalog", str(csv_path), "--publish"], env
    )
    print("import --publish", flush=True)
    out = BENCH_DIR / "catalogus.jsonld"
    results["export_catalog --format jsonld"] = phase(
        "export", ["export_catalog", "--format", "jsonld", "-o", str(out)], env
    )
    results["export_catalog --format csv"] = phase(
        "export", ["export_catalog", "--format", "csv", "-o", str(BENCH_DIR / "catalogus.csv")], env
    )
    size = out.stat().st_size / 1024 / 1024
    services = len(json.loads(out.read_text(encoding="utf-8"))["@graph"])
    print(
        f"\n{args.services} generated services (+ 45 demo services), SQLite, JSON-LD {size:.0f} MB, {services} nodes\n"
    )
    print("| phase | time (s) | peak memory (MB RSS) |")
    print("|---|---|---|")
    for name, (seconds, peak) in results.items():
        print(f"| {name} | {seconds:.0f} | {peak:.0f} |")
    print(f"\nmax RSS of this driver: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB; "
          f"done at {time.strftime('%Y-%m-%d %H:%M')}")  # fmt: skip
    if not args.keep:
        shutil.rmtree(BENCH_DIR, ignore_errors=True)


if __name__ == "__main__":
    main()
