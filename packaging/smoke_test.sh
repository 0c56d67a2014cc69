#!/usr/bin/env bash
# Smoke test of a built app (default dist/contractdesk/contractdesk), offscreen, on temporary stores:
#   1. a fresh store: the window opens (the Alembic scripts run from the bundle), is rendered
#      to a PNG, and the program exits 0;
#   2. the command line in the bundle: import the bundled sample ledger, list it;
#   3. the .deb if there is one: its files and a menu entry whose Exec is the installed binary.
# Exits non-zero on the first failure.  Usage: bash packaging/smoke_test.sh [BINARY] [PNG]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-dist/contractdesk/contractdesk}
SHOT=${2:-dist/smoke/contractdesk.png}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export QT_QPA_PLATFORM=offscreen CONTRACTDESK_LOG_DIR="$WORK/logs"
mkdir -p "$(dirname "$SHOT")"
rm -f "$SHOT"

echo "smoke: window on a fresh store -> $SHOT"
timeout 120 "$BIN" --db "$WORK/t.db" --screenshot "$SHOT"
# A real PNG of a real window: the signature, the size from the IHDR chunk, and some bytes.
uv run python - "$SHOT" <<'PY'
import struct, sys
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
width, height = struct.unpack(">II", data[16:24])
assert width >= 600 and height >= 400, f"window too small: {width}x{height}"
assert len(data) > 5000, f"PNG suspiciously small: {len(data)} bytes"
print(f"smoke: {width}x{height} PNG, {len(data)} bytes")
PY
grep -q "started: ContractDesk" "$WORK/logs/contractdesk.log"

echo "smoke: command line in the bundle"
SAMPLES=$(dirname "$BIN")/_internal/resources/sample_ledger
timeout 120 "$BIN" import "$SAMPLES" --db "$WORK/s.db"
LISTED=$(timeout 60 "$BIN" list --db "$WORK/s.db" | wc -l)
[ "$LISTED" -eq 3 ] || { echo "error: list shows $LISTED contracts, not the 3 samples" >&2; exit 1; }

DEB=$(ls dist/contractdesk_*.deb 2>/dev/null | tail -1 || true)
if [ -n "$DEB" ] && command -v dpkg-deb >/dev/null; then
  echo "smoke: $DEB"
  CONTENTS=$(dpkg-deb -c "$DEB")
  for path in ./opt/contractdesk/contractdesk ./usr/bin/contractdesk ./usr/share/applications/contractdesk.desktop \
              ./usr/share/icons/hicolor/48x48/apps/contractdesk.png ./usr/share/icons/hicolor/256x256/apps/contractdesk.png; do
    grep -qE " $path( |\$)" <<<"$CONTENTS" || { echo "error: $path missing from $DEB" >&2; exit 1; }
  done
  # Read whole, then grep: `… | grep -q` under pipefail fails when grep stops reading early (SIGPIPE).
  DESKTOP=$(dpkg-deb --fsys-tarfile "$DEB" | tar -xO ./usr/share/applications/contractdesk.desktop)
  grep -qx "Exec=/opt/contractdesk/contractdesk" <<<"$DESKTOP" || { echo "error: menu entry Exec" >&2; exit 1; }
  DEPENDS=$(dpkg-deb -f "$DEB" Depends)
  grep -q "libxcb-cursor0" <<<"$DEPENDS"
fi
echo "smoke: passed"
