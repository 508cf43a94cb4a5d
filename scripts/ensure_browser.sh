#!/usr/bin/env bash
# Installs Debian's chromium for the browser tests when it is missing and we may (root with apt-get).
# Never downloads a browser build of its own: Playwright drives /usr/bin/chromium.
if [ -x /usr/bin/chromium ]; then
  echo "chromium: $(/usr/bin/chromium --version 2>/dev/null)"
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser tests..."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    && echo "chromium: $(/usr/bin/chromium --version 2>/dev/null)" && exit 0
fi
echo "chromium is not installed and cannot be installed here: browser tests will be skipped (unless REQUIRE_BROWSER=1)."
exit 1
