#!/usr/bin/env bash
# Run by `./mvnw verify` before the tests (exec-maven-plugin, phase process-test-classes): installs, from
# Debian's packages and only when missing, what the tests drive outside the JVM:
#   chromium           the browser tests (Playwright drives Debian's Chromium; never a downloaded browser)
#   fonts-wqy-zenhei   Chinese glyphs in screenshots and rendered documents
#   libreoffice-writer-nogui, poppler-utils   documents rendered to PDF and page images
#   python3            the shared document checkers (../shared/tools/check-*.py)
# Needs root or password-less sudo when something is missing; says what to install otherwise.
# Skip with -Dprovision.skip=true (for instance with -DskipTests).
set -euo pipefail

missing=()
if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1; then missing+=(chromium); fi
if ! fc-list 2>/dev/null | grep -qi "wenquanyi"; then missing+=(fontconfig fonts-wqy-zenhei); fi
if ! command -v soffice >/dev/null 2>&1; then missing+=(libreoffice-writer-nogui); fi
if ! command -v pdftotext >/dev/null 2>&1; then missing+=(poppler-utils); fi
if ! command -v python3 >/dev/null 2>&1; then missing+=(python3); fi
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "The tests need these Debian packages: ${missing[*]}" >&2
  echo "Install them once (sudo apt-get install ${missing[*]}) and run ./mvnw verify again." >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "The tests need ${missing[*]}, and this machine has no apt-get: install them with its package manager." >&2
  exit 1
fi
echo "Installing for the tests: ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
