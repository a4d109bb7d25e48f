#!/usr/bin/env python3
"""verity-zk vs ezkl on the same ONNX models, in the same run.

For each example model: ezkl (pip `ezkl`) with public inputs and outputs, fixed
(constant) parameters, `calibrate_settings` target "resources", an SRS made
locally with `gen_srs` (no downloads); then verity-zk's `zk_bench` example on
the quantized twin of the same ONNX file, and the `verity zk prove` command
(like for like with ezkl's gen_witness + prove). Prints constraints / rows,
setup, prove, command and verify times, key and proof sizes, and the
ezkl / verity-zk ratios.

Usage: bench/run.sh [MODEL ...]   (MODEL in mlp_digits8, mlp_digits28, lenet5, cifar_cnn;
                                    default the first three)
"""

import asyncio
import inspect
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
MODELS = os.path.join(ROOT, "models")
WORK = os.path.join(HERE, "work")


def call(fn, *args, **kwargs):
    """ezkl's API is partly async depending on the version."""
    print(f"  ezkl.{fn.__name__} ...", flush=True)
    out = fn(*args, **kwargs)
    if inspect.isawaitable(out):
        out = asyncio.get_event_loop().run_until_complete(out)
    return out


def explicit_defaults(src, dst):
    """A copy of the ONNX file whose Conv / pooling nodes spell out their
    default `strides` (and Conv its `dilations`): ezkl's importer requires them,
    the ONNX spec does not. The model itself is unchanged."""
    import onnx
    from onnx import helper

    model = onnx.load(src)
    for node in model.graph.node:
        if node.op_type in ("Conv", "MaxPool", "AveragePool"):
            names = {a.name for a in node.attribute}
            kernel = next((list(a.ints) for a in node.attribute if a.name == "kernel_shape"), None)
            spatial = len(kernel) if kernel else 2
            if "strides" not in names:
                node.attribute.append(helper.make_attribute("strides", [1] * spatial))
            if node.op_type == "Conv" and "dilations" not in names:
                node.attribute.append(helper.make_attribute("dilations", [1] * spatial))
    onnx.save(model, dst)
    return dst


def ezkl_run(name):
    import ezkl

    d = os.path.join(WORK, name)
    os.makedirs(d, exist_ok=True)
    p = lambda f: os.path.join(d, f)
    onnx = explicit_defaults(os.path.join(MODELS, f"{name}.onnx"), p("model.onnx"))
    with open(os.path.join(MODELS, "samples", f"{name}.input.json")) as f:
        sample = json.load(f)
    tensor = next(iter(sample.values()))
    with open(p("input.json"), "w") as f:
        json.dump({"input_data": [tensor["data"]]}, f)

    args = ezkl.PyRunArgs()
    args.input_visibility = "public"
    args.output_visibility = "public"
    args.param_visibility = "fixed"
    args.variables = [("N", 1)]  # the batch dimension of the ONNX inputs
    assert call(ezkl.gen_settings, onnx, p("settings.json"), py_run_args=args)
    call(ezkl.calibrate_settings, p("input.json"), onnx, p("settings.json"), "resources")
    assert call(ezkl.compile_circuit, onnx, p("model.compiled"), p("settings.json"))
    with open(p("settings.json")) as f:
        settings = json.load(f)
    logrows = settings["run_args"]["logrows"]
    srs = p(f"kzg{logrows}.srs")
    if not os.path.exists(srs):
        call(ezkl.gen_srs, srs, logrows)
    t = time.perf_counter()
    assert call(ezkl.setup, p("model.compiled"), p("vk.key"), p("pk.key"), srs)
    setup_s = time.perf_counter() - t
    # What a user runs to prove one input: the witness, then the proof (which
    # loads the proving key from disk).
    t = time.perf_counter()
    call(ezkl.gen_witness, p("input.json"), p("model.compiled"), p("witness.json"))
    witness_s = time.perf_counter() - t
    t = time.perf_counter()
    call(ezkl.prove, p("witness.json"), p("model.compiled"), p("pk.key"), p("proof.json"), srs)
    prove_s = time.perf_counter() - t
    t = time.perf_counter()
    assert call(ezkl.verify, p("proof.json"), p("settings.json"), p("vk.key"), srs)
    verify_ms = (time.perf_counter() - t) * 1e3
    with open(p("proof.json")) as f:
        proof = json.load(f)
    proof_bytes = len(bytes(proof["proof"])) if isinstance(proof.get("proof"), list) else len(proof.get("proof", "")) // 2
    return {
        "rows": 2**logrows,
        "setup_s": setup_s,
        "prove_s": prove_s,
        "command_s": witness_s + prove_s,
        "verify_ms": verify_ms,
        "pk_bytes": os.path.getsize(p("pk.key")),
        "vk_bytes": os.path.getsize(p("vk.key")),
        "proof_bytes": proof_bytes,
    }


def verity_run(names):
    paths = [os.path.join(MODELS, f"{n}.qmodel") for n in names]
    # The example as the workspace build made it (scripts/lib/env.sh's
    # verity_build): `cargo run -p verity-zk` would build a subset with other
    # features, i.e. compile much of the workspace again.
    bench = os.path.join(os.environ["CARGO_TARGET_DIR"], "release", "examples", "zk_bench")
    if not os.path.exists(bench):
        sys.exit(f"{bench} is missing: build the workspace first (scripts/test)")
    out = subprocess.run([bench, *paths], cwd=ROOT, check=True, capture_output=True, text=True).stdout
    rows = {r["model"]: r for r in (json.loads(line[5:]) for line in out.splitlines() if line.startswith("JSON ")) if "slice" not in r}
    for n in names:
        rows[n]["command_s"], rows[n]["first_command_s"] = verity_command(n)
    return rows


def verity_command(name):
    """Wall time of `verity zk prove` on the sample input, as a user runs it:
    best of 3, after a first run that unpacks the proving key (also returned)."""
    verity = os.path.join(os.environ["CARGO_TARGET_DIR"], "release", "verity")
    if not os.path.exists(verity):
        sys.exit(f"{verity} is missing: build the workspace first (scripts/test or scripts/dev)")
    keys = os.path.join(WORK, name, "verity-keys")
    qmodel = os.path.join(MODELS, f"{name}.qmodel")
    subprocess.run([verity, "zk", "setup", qmodel, "--out", keys], check=True, capture_output=True)
    cmd = [verity, "zk", "prove", qmodel, "--keys", keys,
           "--input", os.path.join(MODELS, "samples", f"{name}.input.json"),
           "--out", os.path.join(WORK, name, "verity-proof.json")]
    times = []
    for _ in range(4):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - t)
    return min(times[1:]), times[0]


def main():
    names = sys.argv[1:] or ["mlp_digits8", "mlp_digits28", "lenet5"]
    ezkl_results = {}
    for n in names:
        print(f"ezkl: {n} ...", flush=True)
        ezkl_results[n] = ezkl_run(n)
    print("verity-zk ...", flush=True)
    ours = verity_run(names)
    head = f"{'model':<14}{'metric':<14}{'ezkl':>14}{'verity-zk':>14}{'ratio':>10}"
    print("\n" + head + "\n" + "-" * len(head))
    for n in names:
        e, v = ezkl_results[n], ours[n]
        for key, label in [("setup_s", "setup s"), ("prove_s", "prove s"), ("command_s", "command s"), ("verify_ms", "verify ms"),
                           ("pk_bytes", "pk bytes"), ("vk_bytes", "vk bytes"), ("proof_bytes", "proof bytes")]:
            ratio = e[key] / v[key] if v[key] else float("inf")
            print(f"{n:<14}{label:<14}{e[key]:>14.4g}{v[key]:>14.4g}{ratio:>9.1f}x")
        print(f"{n:<14}{'size':<14}{str(e['rows']) + ' rows':>14}{str(v['constraints']) + ' R1CS':>14}")
        print(f"{n:<14}{'1st command s':<14}{'':>14}{v['first_command_s']:>14.4g}  (unpacks the proving key)")
    print("\nprove s: the proving call alone (ezkl.prove, which reads its key from disk; verity-zk in memory).")
    print("command s: what a user runs for one proof: ezkl gen_witness + prove, against `verity zk prove` (best of 3).")


if __name__ == "__main__":
    main()
