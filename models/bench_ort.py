#!/usr/bin/env python3
"""onnxruntime side of scripts/bench-engine: same models, same inputs (the first
64 held-out digits), same method (median of repeated calls after warm-up).
Reads the engine's numbers (JSON from the Rust bench) and prints both with ratios."""

import json
import os
import sys
import time

import numpy as np
import onnxruntime as ort

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "models", "data")
BATCH = 64
SHAPES = {"mlp_digits8": (64,), "mlp_digits28": (784,), "lenet5": (1, 28, 28)}


def inputs(model):
    if model == "mlp_digits8":
        with open(os.path.join(DATA, "digits_test.json")) as f:
            px = np.array(json.load(f)["pixels8"][:BATCH], dtype=np.float32)
        x = px / np.float32(16.0)
    else:
        raw = np.fromfile(os.path.join(DATA, "digits28_test.u8"), dtype=np.uint8)[: BATCH * 784]
        x = raw.astype(np.float32) / np.float32(255.0)
    return x.reshape((BATCH,) + SHAPES[model]).astype(np.float32)


def measure(f, min_time):
    for _ in range(3):
        f()
    times = []
    start = time.perf_counter()
    while time.perf_counter() - start < min_time or len(times) < 10:
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    times.sort()
    return times[len(times) // 2]


def main():
    engine = {}
    if len(sys.argv) > 1:
        with open(sys.argv[1]) as f:
            engine = {r["model"]: r for r in json.load(f)}
    min_time = float(os.environ.get("VERITY_BENCH_MS", "1500")) / 1000
    opts = ort.SessionOptions()
    rows = []
    for model in SHAPES:
        sess = ort.InferenceSession(os.path.join(ROOT, "models", f"{model}.onnx"), opts,
                                    providers=["CPUExecutionProvider"])
        x = inputs(model)
        x1 = x[:1]
        single = measure(lambda: sess.run(None, {"input": x1}), min_time)
        batch = measure(lambda: sess.run(None, {"input": x}), min_time)
        rows.append((model, single * 1e6, BATCH / batch))

    print(f"onnxruntime {ort.__version__}, {os.cpu_count()} cores; engine numbers from the Rust bench")
    head = f"{'model':<14}{'ort 1 (us)':>12}{'float 1 (us)':>14}{'ratio':>8}{'fixed 1 (us)':>14}{'ratio':>8}" \
           f"{'ort b64 (/s)':>14}{'float b64':>12}{'ratio':>8}{'fixed b64':>12}{'ratio':>8}"
    print(head)
    for model, ort_1, ort_b in rows:
        e = engine.get(model)
        if not e:
            print(f"{model:<14}{ort_1:>12.1f}{'':>44}{ort_b:>14.0f}")
            continue
        # Latency ratio = engine / ort (lower is better); throughput ratio = ort / engine.
        print(f"{model:<14}{ort_1:>12.1f}{e['float_single_us']:>14.1f}{e['float_single_us'] / ort_1:>8.2f}"
              f"{e['fixed_single_us']:>14.1f}{e['fixed_single_us'] / ort_1:>8.2f}"
              f"{ort_b:>14.0f}{e['float_batch64_per_s']:>12.0f}{ort_b / e['float_batch64_per_s']:>8.2f}"
              f"{e['fixed_batch64_per_s']:>12.0f}{ort_b / e['fixed_batch64_per_s']:>8.2f}")
    print("ratios: engine time / onnxruntime time (targets: float <= 2, fixed point <= 5)")


if __name__ == "__main__":
    main()
