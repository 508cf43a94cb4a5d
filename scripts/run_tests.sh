#!/usr/bin/env bash
# The test run behind `make test`: lint, checks, then pytest on SQLite and again on PostgreSQL (with Redis as the cache).
# REQUIRE_POSTGRES=1 makes a missing PostgreSQL a failure instead of a skipped pass (CI sets it).
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
status=0

step() { printf '\n==> %s\n' "$*"; }
fail() { printf 'FAILED: %s\n' "$*"; status=1; }

step "ruff check"
.venv/bin/ruff check . || fail "ruff check"
step "ruff format --check"
.venv/bin/ruff format --check . || fail "ruff format"
step "makemigrations --check"
DJANGO_SETTINGS_MODULE=settings.test $PY manage.py makemigrations --check --dry-run || fail "missing migrations"
step "manage.py check"
DJANGO_SETTINGS_MODULE=settings.test $PY manage.py check || fail "system check"

step "browser"
bash scripts/ensure_browser.sh || true

run_pytest() {
  # pytest exits 5 when it collected no test: that is a failure here, never a pass.
  $PY -m pytest "$@"
  local code=$?
  [ $code -eq 5 ] && echo "pytest collected no tests"
  return $code
}

step "pytest on SQLite"
(unset DATABASE_URL REDIS_URL; run_pytest -p no:cacheprovider) || fail "pytest on SQLite"

PG_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/${PG_DATABASE:-hvdm}}"
REDIS_TEST_URL="${REDIS_URL:-redis://127.0.0.1:6379/${REDIS_DB:-1}}"
step "pytest on PostgreSQL ($PG_URL)"
if $PY scripts/prepare_postgres.py "$PG_URL"; then
  if ! $PY -c "import redis,sys; redis.Redis.from_url(sys.argv[1], socket_connect_timeout=1).ping()" "$REDIS_TEST_URL" 2>/dev/null; then
    echo "Redis does not answer at $REDIS_TEST_URL: the PostgreSQL pass uses the in-memory cache."
    REDIS_TEST_URL=""
  fi
  DATABASE_URL="$PG_URL" REDIS_URL="$REDIS_TEST_URL" run_pytest -p no:cacheprovider --create-db || fail "pytest on PostgreSQL"
elif [ "${REQUIRE_POSTGRES:-0}" = "1" ]; then
  fail "PostgreSQL does not answer at $PG_URL and REQUIRE_POSTGRES=1"
else
  echo "PostgreSQL does not answer at $PG_URL: the PostgreSQL pass is skipped (set REQUIRE_POSTGRES=1 to make this an error)."
fi

if [ $status -ne 0 ]; then
  printf '\nmake test: FAILED\n'
else
  printf '\nmake test: all passes succeeded\n'
fi
exit $status
