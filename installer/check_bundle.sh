#!/usr/bin/env bash
# Check a built bundle (dist/facedesk) the way a receptionist's computer would use it:
#  1. the self-test passes with the OpenCV face engine (dlib's network on OpenCV's DNN, giving
#     dlib's descriptors), and fails naming the file when a model file is missing;
#  2. `init` works from the bundle and the database opens from the source code too;
#  3. the desk starts to its first window under a virtual screen and closes cleanly on SIGTERM;
#     the time from launch to that window is printed (RUNS launches, each with a new data folder);
#  4. the bundle stays under 400 MB.
# Used by .ci/run after installer/build.sh. Needs xvfb-run (Debian xvfb) on Linux.
set -euo pipefail
cd "$(dirname "$0")/.."
bundle=dist/facedesk/facedesk
internal=dist/facedesk/_internal
runs=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"; [ -f "$work.model" ] && mv "$work.model" "$model"' EXIT

echo "== self-test"
"$bundle" --self-test | tee "$work/self-test.txt"
grep -q "^ok    face encoder: opencv engine (OpenCV" "$work/self-test.txt" \
  || { echo "check_bundle: the bundle does not run the OpenCV face engine" >&2; exit 1; }

echo "== self-test with a model file missing"
model="$internal/face_recognition_models/models/dlib_face_recognition_resnet_model_v1.dat"
mv "$model" "$work.model"
if "$bundle" --self-test > "$work/missing.txt" 2>&1; then
  cat "$work/missing.txt"; echo "check_bundle: the self-test passed without a model file" >&2; exit 1
fi
grep -q "FAIL  model file dlib_face_recognition_resnet_model_v1.dat" "$work/missing.txt" \
  || { cat "$work/missing.txt"; echo "check_bundle: the missing file was not named" >&2; exit 1; }
grep "FAIL" "$work/missing.txt"
mv "$work.model" "$model"

echo "== init from the bundle, open from source"
export FACEDESK_PASSPHRASE="bundle check passphrase" FACEDESK_ADMIN_PASSWORD="bundle-check-admin-1"
"$bundle" --data-dir "$work/data" init --business-name "Lotus Inn" --contact "+86 10 1234 5678" --admin boss > /dev/null
uv run facedesk --data-dir "$work/data" audit verify
uv run facedesk --data-dir "$work/data" stats --json > "$work/stats.json"
grep -q '"operators": 1' "$work/stats.json"
unset FACEDESK_PASSPHRASE FACEDESK_ADMIN_PASSWORD

echo "== the desk starts to its first window (xvfb) and closes cleanly; $runs launches"
times=()
for run in $(seq 1 "$runs"); do
  log="$work/start-$run.log"
  start=$(date +%s.%N)
  env -u QT_QPA_PLATFORM xvfb-run -a -s "-screen 0 1280x800x24" "$bundle" --data-dir "$work/desk-$run" -v > "$log" 2>&1 &
  runner=$!
  touch "$log"
  for _ in $(seq 1 600); do
    grep -q "Showing the SetupWizard" "$log" && break
    sleep 0.05
  done
  shown=$(date +%s.%N)
  grep -q "Showing the SetupWizard" "$log" || { cat "$log"; echo "check_bundle: no first window" >&2; exit 1; }
  pkill -TERM -f "^$bundle --data-dir $work/desk-$run" || true  # the desk itself, not xvfb-run
  wait "$runner" || { cat "$log"; echo "check_bundle: the desk did not close cleanly" >&2; exit 1; }
  grep -q "Desk application closed (exit code 0)" "$log" || { cat "$log"; echo "check_bundle: no clean exit" >&2; exit 1; }
  times+=("$(awk "BEGIN {print $shown - $start}")")
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "launch to first window: median %.2f s, fastest %.2f s, slowest %.2f s (%d launches)\n", a[int((NR+1)/2)], a[1], a[NR], NR}'
size_mb=$(du -s --apparent-size --block-size=1M dist/facedesk 2>/dev/null | cut -f1 || true)
[ -n "$size_mb" ] || size_mb=$(du -sm dist/facedesk | cut -f1)  # BSD du (macOS) has no --apparent-size
echo "bundle size: $size_mb MB"
[ "$size_mb" -lt 400 ] || { echo "check_bundle: the bundle is $size_mb MB, over the 400 MB limit" >&2; exit 1; }
