#!/usr/bin/env bash
# Package dist/contractdesk/ (from packaging/build_linux.sh) as dist/contractdesk_<version>_<arch>.deb:
#   /opt/contractdesk/            the one-folder app
#   /usr/bin/contractdesk         -> /opt/contractdesk/contractdesk
#   /usr/share/applications/contractdesk.desktop, /usr/share/icons/hicolor/<n>x<n>/apps/contractdesk.png
# Depends: the Qt runtime libraries the bundle leaves to the system, a Chinese font, and the
# glibc the bundle was built against (so dpkg refuses a too-old system instead of a crash).
set -euo pipefail
cd "$(dirname "$0")/.."

APP=dist/contractdesk
[ -x "$APP/contractdesk" ] || { echo "error: $APP/contractdesk missing: run packaging/build_linux.sh" >&2; exit 1; }
VERSION=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' ui/version.py)
ARCH=$(dpkg --print-architecture)
STAGE=build/deb/contractdesk_${VERSION}_${ARCH}
DEB=dist/contractdesk_${VERSION}_${ARCH}.deb
DEB_MAINTAINER=${DEB_MAINTAINER:-"ContractDesk maintainers <contractdesk@example.invalid>"}  # set for a release

rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
  "$STAGE/usr/share/doc/contractdesk"
cp -a "$APP" "$STAGE/opt/contractdesk"
ln -s /opt/contractdesk/contractdesk "$STAGE/usr/bin/contractdesk"
install -m 644 packaging/linux/contractdesk.desktop "$STAGE/usr/share/applications/contractdesk.desktop"
for size in 16 24 32 48 64 128 256; do
  install -D -m 644 "resources/icons/contractdesk-$size.png" \
    "$STAGE/usr/share/icons/hicolor/${size}x${size}/apps/contractdesk.png"
done
cat > "$STAGE/usr/share/doc/contractdesk/copyright" <<COPYRIGHT
ContractDesk ${VERSION}. Proprietary.
Bundled components and their licences: Help -> About in the app. Licence texts:
/opt/contractdesk/_internal/resources/licences/ (Qt and PySide6: GNU LGPL v3; Python: PSF) and
/opt/contractdesk/_internal/*.dist-info/ (the other components).
Qt for Python source: https://download.qt.io/official_releases/QtForPython/
COPYRIGHT
chmod -R u+rwX,go+rX,go-w "$STAGE"

# The newest glibc symbol version any bundled binary asks for.
GLIBC=$(find "$STAGE/opt" -type f \( -name '*.so*' -o -perm -u+x \) -exec grep -aohE 'GLIBC_2\.[0-9]+' {} + 2>/dev/null \
  | sort -t. -k2,2n -u | tail -1 | sed 's/GLIBC_//')
DEPENDS="libc6 (>= ${GLIBC:-2.28}), libstdc++6, libgcc-s1, zlib1g, liblzma5, libgl1, libegl1, libglib2.0-0, \
libfontconfig1, libfreetype6, libharfbuzz0b, libdbus-1-3, libxkbcommon0, libxkbcommon-x11-0, libx11-6, \
libx11-xcb1, libxcb1, libxcb-cursor0, libxcb-glx0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1, libxcb-randr0, \
libxcb-render0, libxcb-render-util0, libxcb-shape0, libxcb-shm0, libxcb-sync1, libxcb-util1, libxcb-xfixes0, \
libxcb-xkb1, fonts-wqy-microhei | fonts-noto-cjk"

cat > "$STAGE/DEBIAN/control" <<CONTROL
Package: contractdesk
Version: ${VERSION}
Architecture: ${ARCH}
Maintainer: ${DEB_MAINTAINER}
Installed-Size: $(du -sk "$STAGE" | cut -f1)
Depends: ${DEPENDS}
Recommends: libwayland-client0, libwayland-cursor0, libwayland-egl1
Section: misc
Priority: optional
Description: register of procurement contracts (合同台账)
 ContractDesk keeps the procurement contracts of a public body in a local
 register: line items, totals, tax and installments computed exactly, and
 CSV ledgers that Excel and WPS open. The register, logs and settings live
 in the user's own folders.
CONTROL
cat > "$STAGE/DEBIAN/postinst" <<'SCRIPT'
#!/bin/sh
set -e
if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q /usr/share/applications || true; fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true; fi
SCRIPT
cp "$STAGE/DEBIAN/postinst" "$STAGE/DEBIAN/postrm"
chmod 755 "$STAGE/DEBIAN/postinst" "$STAGE/DEBIAN/postrm"

dpkg-deb --root-owner-group -Zxz --build "$STAGE" "$DEB" >/dev/null
echo "built $DEB (needs glibc >= ${GLIBC:-?})"
