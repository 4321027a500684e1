#!/usr/bin/env bash
# Build the one-folder FaceDesk bundle into dist/facedesk/ (Linux and macOS).
#   installer/build.sh            build, then run the bundle's self-test
# Needs uv (https://docs.astral.sh/uv/); everything else comes from the lock file.
set -euo pipefail
cd "$(dirname "$0")/.."

rm -rf build dist
mkdir -p build/i18n
# Compiled translations are build output, never committed.
for ts in resources/i18n/*.ts; do
  uv run pyside6-lrelease -silent "$ts" -qm "build/i18n/$(basename "${ts%.ts}").qm"
done
uv run --group package pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
  installer/facedesk.spec
# Drop the debug symbols of the Python runtime and of SQLCipher (about 33 MB). Only these: the
# wheels of Qt, OpenCV and NumPy are already stripped, and stripping libraries that auditwheel
# patched can break them.
internal=dist/facedesk/_internal
if [ "$(uname -s)" = "Linux" ]; then
  strip --strip-unneeded "$internal"/libpython3*.so* "$internal"/sqlcipher3/_sqlite3*.so \
    "$internal"/python3*/lib-dynload/*.so
fi
size=$(du -sh --apparent-size dist/facedesk 2>/dev/null || du -sh dist/facedesk)  # BSD du (macOS) has no --apparent-size
echo "Built dist/facedesk (${size%%[[:space:]]*})."
dist/facedesk/facedesk --self-test
