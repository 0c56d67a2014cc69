#!/usr/bin/env bash
# Build the Linux app in one command, from the repository root or anywhere:
#
#     bash packaging/build_linux.sh            # dist/contractdesk/ and dist/contractdesk_<version>_<arch>.deb
#     bash packaging/build_linux.sh --no-deb   # only the one-folder app dist/contractdesk/
#
# Needs uv (the PyInstaller of the dev group) and, for the .deb, dpkg-deb (Debian, UOS, Kylin).
set -euo pipefail
cd "$(dirname "$0")/.."

uv run pyinstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/contractdesk.spec
echo "built dist/contractdesk/contractdesk"

if [ "${1:-}" != "--no-deb" ]; then
  bash packaging/build_deb.sh
fi
