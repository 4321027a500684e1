#!/usr/bin/env bash
# Install a built bundle for all users: /opt/facedesk, a menu entry and an icon (run with sudo).
# Data stays in each user's own data folder; uninstalling (remove /opt/facedesk, the .desktop
# file and the icon) never touches it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bundle="${1:-$here/../../dist/facedesk}"
[ -x "$bundle/facedesk" ] || { echo "install.sh: no bundle at $bundle (run installer/build.sh first)" >&2; exit 1; }
"$bundle/facedesk" --self-test
rm -rf /opt/facedesk
cp -a "$bundle" /opt/facedesk
install -Dm644 "$here/facedesk.desktop" /usr/share/applications/facedesk.desktop
install -Dm644 "$here/facedesk.png" /usr/share/icons/hicolor/256x256/apps/facedesk.png
echo "FaceDesk installed in /opt/facedesk; start it from the applications menu."
