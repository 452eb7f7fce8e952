#!/usr/bin/env bash
# The README's export commands, run as a user runs them: a fresh venv with the export extra,
# from a clean clone, in an empty folder. Not part of pytest (it installs); run it by hand:
#   bash tests/readme_exports.sh [REPO]      (REPO: a checkout, default: this one)
set -euo pipefail
repo="$(cd "${1:-$(dirname "$0")/..}" && pwd)"
work="$(mktemp -d)"
git clone -q "$repo" "$work/repo"
python3.11 -m venv "$work/venv" && "$work/venv/bin/pip" install -q "$work/repo[export]"
cd "$work" && mkdir out && cd out
pg="$work/venv/bin/playground"
"$pg" train --dataset xor --layers 4:tanh,4:tanh,1:sigmoid --loss bce --optimizer adam \
    --lr 0.05 --batch-size 32 --epochs 300 --test-fraction 0.5 --seed 0 --out xor.npz --json
"$pg" export xor.npz --format numpy --out xor_reference.py
"$work/venv/bin/python" xor_reference.py | tail -2
"$pg" export xor.npz --format onnx --out xor.onnx
"$work/venv/bin/python" -c "import onnx; onnx.checker.check_model(onnx.load('xor.onnx'))"
"$pg" export xor.npz --format torch --out xor_model.py
"$pg" export xor.npz --format csv --out xor_points.csv
"$pg" export xor.npz --format png --out xor.png
"$pg" export xor.npz --format svg --view diagram --out xor.svg
ls -l "$work/out"
rm -rf "$work"
echo "every export command of the README ran"
