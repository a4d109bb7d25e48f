#!/usr/bin/env python3
"""Classifies a handwritten digit on the Verity chain of ``scripts/dev``.

``scripts/dev`` registers the example model (``mlp_digits8``, a 64-32-10
MLP on 8x8 digits) and bonds Alice as its executor; this script finds it
(or registers it), then asks the chain to classify a test digit with a
Groth16-proved (``zk``) inference, compares the answer with a local run of
the same quantized model, and prints the block, executor and proof status.

    scripts/dev                       # in another terminal
    python sdk/python/examples/classify_digit.py [--index N] [--mode zk|vanilla|now]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from verity import Client, VerityError, engine

ROOT = Path(__file__).resolve().parents[3]
MODEL = "mlp_digits8"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="ws://127.0.0.1:9944")
    parser.add_argument("--suri", default="//Bob", help="the requester's secret URI")
    parser.add_argument("--index", type=int, default=0, help="which test digit")
    parser.add_argument("--mode", default="zk", choices=["zk", "vanilla", "optimistic", "now"])
    args = parser.parse_args()

    digits = json.loads((ROOT / "models/data/digits_test.json").read_text())
    # 8x8 inputs are the pixels (0..16) / 16, one row of 64.
    pixels = np.asarray(digits["pixels8"][args.index], dtype=np.float32).reshape(1, 64) / 16
    label = digits["labels"][args.index]

    with Client(args.url, args.suri) as client:
        found = client.models(name=MODEL)
        if found:
            model_id = found[-1].id
            print(f"model {model_id} ({MODEL}) is registered; key ceremony {found[-1].ceremony}")
        else:
            print(f"registering {MODEL} (quantize, upload, key ceremony)...")
            model_id = client.register_model(
                ROOT / f"models/{MODEL}.onnx",
                ROOT / f"models/data/{MODEL}.calibration.json",
                MODEL,
                "1.0.0",
            )
            print(f"registered as model {model_id}")
        if args.mode == "now" and not client.model(model_id).sync_enabled:
            print("enabling the model for mode='now' (as the sudo key, //Alice)")
            with Client(args.url, "//Alice") as sudo:
                sudo.set_sync(model_id, True)

        local = engine.quantize(
            ROOT / f"models/{MODEL}.onnx", ROOT / f"models/data/{MODEL}.calibration.json"
        ).run({"input": pixels})
        print(f"requesting a {args.mode} inference of digit #{args.index} (label {label})...")
        try:
            r = client.infer(model_id, {"input": pixels}, mode=args.mode)
        except VerityError as e:
            print(f"error: {type(e).__name__}: {e}")
            return 1

    probs = r.output.ravel()
    (expected,) = local.quantized_outputs.values()
    print(f"  predicted {int(probs.argmax())} (label {label}), scores {np.round(probs, 3)}")
    print(f"  request {r.request_id}, block #{r.block}, executor {r.executor}")
    print(f"  status {r.status}; proof: {r.proof}")
    print(f"  equal to the local fixed-point run: {r.quantized_output == expected.ravel().tolist()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
