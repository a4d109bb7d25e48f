#!/usr/bin/env python3
"""Builds Verity's example models and test fixtures, reproducibly (fixed seeds).

Run through `scripts/make-models`, which creates the venv (models/.venv) and
then quantizes the models with the `verity` CLI.

Outputs (all committed):
  models/mlp_digits8.onnx    MLP 64-32-10 (+ Softmax output) on 8x8 digits
  models/mlp_digits28.onnx   MLP 784-128-10 on digits upsampled to 28x28
  models/lenet5.onnx         LeNet-5-style CNN (Conv-Relu-AvgPool x2, 3 Gemm), 1x28x28
  models/cifar_cnn.onnx      CIFAR-scale CNN (Conv3x3-Relu-MaxPool x3, 16/32/64 channels,
                             Gemm 1024-128-10), 3x32x32; fixed random weights (no PyPI
                             package ships CIFAR-10 images), see cifar_random_params
  models/data/digits_test.json   held-out test split: labels + 8x8 pixels (0..16)
  models/data/digits28_test.u8   the same images upsampled to 28x28, uint8, row-major
  models/data/cifar_cnn_test.u8  cifar_cnn's held-out inputs: 16 random 3x32x32 images,
                                 uint8, row-major (NCHW)
  models/data/<model>.calibration.json   calibration samples (training split)
  models/data/<model>.ort.json           onnxruntime outputs on the whole test split
  models/samples/<model>.input.json      one test sample in the CLI input format
  inference-engine/tests/fixtures/onnx-backend/<case>/   ONNX backend test cases
                                                          whose ops the engine supports
Inputs are scaled to [0, 1]: 8x8 pixels / 16, 28x28 and 3x32x32 pixels / 255.
"""

import json
import os
import shutil
import sys

import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto, helper, numpy_helper
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODELS = os.path.join(ROOT, "models")
DATA = os.path.join(MODELS, "data")
SAMPLES = os.path.join(MODELS, "samples")
FIXTURES = os.path.join(ROOT, "inference-engine", "tests", "fixtures", "onnx-backend")
OPSET = 13
SEED = 0


def log(*a):
    print("[make-models]", *a, flush=True)


# ---------------------------------------------------------------- data

def upsample28(images8):
    """Bilinear 8x8 -> 28x28 (align_corners), pixels 0..16 -> uint8 0..255."""
    src = np.linspace(0.0, 7.0, 28)
    i0 = np.clip(np.floor(src).astype(int), 0, 6)
    f = src - i0
    img = images8.reshape(-1, 8, 8).astype(np.float64) / 16.0
    rows = img[:, i0, :] * (1 - f)[None, :, None] + img[:, i0 + 1, :] * f[None, :, None]
    out = rows[:, :, i0] * (1 - f)[None, None, :] + rows[:, :, i0 + 1] * f[None, None, :]
    return np.clip(np.round(out * 255.0), 0, 255).astype(np.uint8).reshape(-1, 784)


def load_data():
    digits = load_digits()
    x8 = digits.data.astype(np.uint8)  # 0..16
    y = digits.target.astype(np.int64)
    x8_tr, x8_te, y_tr, y_te = train_test_split(x8, y, test_size=0.2, random_state=SEED, stratify=y)
    return x8_tr, x8_te, y_tr, y_te


def f8(x8):
    return (x8.astype(np.float32) / np.float32(16.0)).astype(np.float32)


def f28(x28):
    return (x28.astype(np.float32) / np.float32(255.0)).astype(np.float32)


# ---------------------------------------------------------------- export helpers

def gemm(name, x, w, b, out):
    """Gemm with W as [out, in] (transB=1), like a PyTorch Linear."""
    inits = [numpy_helper.from_array(w.astype(np.float32), f"{name}.weight"),
             numpy_helper.from_array(b.astype(np.float32), f"{name}.bias")]
    node = helper.make_node("Gemm", [x, f"{name}.weight", f"{name}.bias"], [out], name=name, transB=1)
    return node, inits


def save_model(path, nodes, inits, in_name, in_shape, out_name, out_dim):
    graph = helper.make_graph(
        nodes, os.path.basename(path).replace(".onnx", ""),
        [helper.make_tensor_value_info(in_name, TensorProto.FLOAT, ["N"] + in_shape)],
        [helper.make_tensor_value_info(out_name, TensorProto.FLOAT, ["N", out_dim])],
        inits)
    model = helper.make_model(graph, producer_name="verity-make-models",
                              opset_imports=[helper.make_opsetid("", OPSET)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    with open(path, "wb") as f:
        f.write(model.SerializeToString())
    log("wrote", os.path.relpath(path, ROOT), os.path.getsize(path), "bytes")


def mlp_to_onnx(clf, path, in_dim, softmax):
    nodes, inits = [], []
    x = "input"
    for i, (w, b) in enumerate(zip(clf.coefs_, clf.intercepts_)):
        last = i == len(clf.coefs_) - 1
        out = "logits" if last else f"fc{i}"
        n, ini = gemm(f"fc{i}", x, w.T, b, out)
        nodes.append(n)
        inits += ini
        if not last:
            nodes.append(helper.make_node("Relu", [out], [f"relu{i}"], name=f"relu{i}"))
            x = f"relu{i}"
    out_name = "logits"
    if softmax:
        nodes.append(helper.make_node("Softmax", ["logits"], ["probabilities"], name="softmax", axis=-1))
        out_name = "probabilities"
    save_model(path, nodes, inits, "input", [in_dim], out_name, 10)


# ---------------------------------------------------------------- LeNet-5 in numpy

def conv_forward(x, w, b, pad):
    """x [N,C,H,W], w [O,C,K,K] -> [N,O,OH,OW] (stride 1)."""
    if pad:
        x = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    k = w.shape[2]
    oh, ow = x.shape[2] - k + 1, x.shape[3] - k + 1
    y = np.zeros((x.shape[0], w.shape[0], oh, ow), dtype=np.float32)
    for ky in range(k):
        for kx in range(k):
            y += np.einsum("nchw,oc->nohw", x[:, :, ky:ky + oh, kx:kx + ow], w[:, :, ky, kx], optimize=True)
    return y + b[None, :, None, None], x


def conv_backward(xp, w, dy, pad):
    k = w.shape[2]
    oh, ow = dy.shape[2], dy.shape[3]
    dw = np.zeros_like(w)
    dxp = np.zeros_like(xp)
    for ky in range(k):
        for kx in range(k):
            patch = xp[:, :, ky:ky + oh, kx:kx + ow]
            dw[:, :, ky, kx] = np.einsum("nohw,nchw->oc", dy, patch, optimize=True)
            dxp[:, :, ky:ky + oh, kx:kx + ow] += np.einsum("nohw,oc->nchw", dy, w[:, :, ky, kx], optimize=True)
    db = dy.sum(axis=(0, 2, 3))
    dx = dxp[:, :, pad:dxp.shape[2] - pad, pad:dxp.shape[3] - pad] if pad else dxp
    return dx, dw, db


def avgpool_forward(x):
    n, c, h, w = x.shape
    return x.reshape(n, c, h // 2, 2, w // 2, 2).mean(axis=(3, 5))


def avgpool_backward(dy):
    return np.repeat(np.repeat(dy, 2, axis=2), 2, axis=3) / 4.0


def train_lenet(x_tr, y_tr, epochs=30, batch=32, lr=2e-3):
    rng = np.random.default_rng(SEED)

    def init(shape, fan_in):
        return (rng.standard_normal(shape) * np.sqrt(2.0 / fan_in)).astype(np.float32)

    p = {
        "conv1.weight": init((6, 1, 5, 5), 25), "conv1.bias": np.zeros(6, np.float32),
        "conv2.weight": init((16, 6, 5, 5), 150), "conv2.bias": np.zeros(16, np.float32),
        "fc1.weight": init((120, 400), 400), "fc1.bias": np.zeros(120, np.float32),
        "fc2.weight": init((84, 120), 120), "fc2.bias": np.zeros(84, np.float32),
        "fc3.weight": init((10, 84), 84), "fc3.bias": np.zeros(10, np.float32),
    }
    m = {k: np.zeros_like(v) for k, v in p.items()}
    v = {k: np.zeros_like(v) for k, v in p.items()}
    step = 0
    n = x_tr.shape[0]
    for epoch in range(epochs):
        order = rng.permutation(n)
        total_loss = 0.0
        for s in range(0, n, batch):
            idx = order[s:s + batch]
            x, y = x_tr[idx], y_tr[idx]
            # forward
            c1, x1p = conv_forward(x, p["conv1.weight"], p["conv1.bias"], 2)
            r1 = np.maximum(c1, 0)
            p1 = avgpool_forward(r1)
            c2, x2p = conv_forward(p1, p["conv2.weight"], p["conv2.bias"], 0)
            r2 = np.maximum(c2, 0)
            p2 = avgpool_forward(r2)
            f = p2.reshape(len(idx), -1)
            h1 = f @ p["fc1.weight"].T + p["fc1.bias"]
            a1 = np.maximum(h1, 0)
            h2 = a1 @ p["fc2.weight"].T + p["fc2.bias"]
            a2 = np.maximum(h2, 0)
            logits = a2 @ p["fc3.weight"].T + p["fc3.bias"]
            z = logits - logits.max(axis=1, keepdims=True)
            prob = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
            total_loss += -np.log(prob[np.arange(len(idx)), y] + 1e-12).sum()
            # backward
            g = prob.copy()
            g[np.arange(len(idx)), y] -= 1
            g /= len(idx)
            grads = {"fc3.weight": g.T @ a2, "fc3.bias": g.sum(0)}
            g = (g @ p["fc3.weight"]) * (h2 > 0)
            grads.update({"fc2.weight": g.T @ a1, "fc2.bias": g.sum(0)})
            g = (g @ p["fc2.weight"]) * (h1 > 0)
            grads.update({"fc1.weight": g.T @ f, "fc1.bias": g.sum(0)})
            g = (g @ p["fc1.weight"]).reshape(p2.shape)
            g = avgpool_backward(g) * (c2 > 0)
            g, grads["conv2.weight"], grads["conv2.bias"] = conv_backward(x2p, p["conv2.weight"], g, 0)
            g = avgpool_backward(g) * (c1 > 0)
            _, grads["conv1.weight"], grads["conv1.bias"] = conv_backward(x1p, p["conv1.weight"], g, 2)
            # Adam
            step += 1
            for k in p:
                m[k] = 0.9 * m[k] + 0.1 * grads[k]
                v[k] = 0.999 * v[k] + 0.001 * grads[k] ** 2
                mh = m[k] / (1 - 0.9 ** step)
                vh = v[k] / (1 - 0.999 ** step)
                p[k] = (p[k] - lr * mh / (np.sqrt(vh) + 1e-8)).astype(np.float32)
        if epoch % 5 == 4 or epoch == epochs - 1:
            log(f"lenet epoch {epoch + 1}/{epochs} loss {total_loss / n:.4f}")
    return p


def lenet_to_onnx(p, path):
    inits = [numpy_helper.from_array(v.astype(np.float32), k) for k, v in p.items()]
    N = helper.make_node
    nodes = [
        N("Conv", ["input", "conv1.weight", "conv1.bias"], ["c1"], name="conv1", kernel_shape=[5, 5], pads=[2, 2, 2, 2]),
        N("Relu", ["c1"], ["r1"], name="relu1"),
        N("AveragePool", ["r1"], ["p1"], name="pool1", kernel_shape=[2, 2], strides=[2, 2]),
        N("Conv", ["p1", "conv2.weight", "conv2.bias"], ["c2"], name="conv2", kernel_shape=[5, 5]),
        N("Relu", ["c2"], ["r2"], name="relu2"),
        N("AveragePool", ["r2"], ["p2"], name="pool2", kernel_shape=[2, 2], strides=[2, 2]),
        N("Flatten", ["p2"], ["flat"], name="flatten", axis=1),
        N("Gemm", ["flat", "fc1.weight", "fc1.bias"], ["h1"], name="fc1", transB=1),
        N("Relu", ["h1"], ["a1"], name="relu3"),
        N("Gemm", ["a1", "fc2.weight", "fc2.bias"], ["h2"], name="fc2", transB=1),
        N("Relu", ["h2"], ["a2"], name="relu4"),
        N("Gemm", ["a2", "fc3.weight", "fc3.bias"], ["logits"], name="fc3", transB=1),
    ]
    save_model(path, nodes, inits, "input", [1, 28, 28], "logits", 10)


# ---------------------------------------------------------------- CIFAR-scale CNN

CIFAR_CHANNELS = (3, 16, 32, 64)
CIFAR_TEST, CIFAR_CAL = 16, 32


def cifar_random_params():
    """Fixed random weights (no labelled data: no PyPI package ships CIFAR-10's
    images, and nothing else can be downloaded). He-normal, with each filter's /
    neuron's weights centred to zero mean and rescaled to std sqrt(2 / fan_in):
    a constant input then contributes nothing, so the logits follow the input's
    contrast instead of its mean (un-centred, every input gets the same argmax),
    and activations keep about the same scale through the layers. Biases N(0, 0.01)."""
    rng = np.random.default_rng(SEED)

    def init(shape):
        w = rng.standard_normal(shape).reshape(shape[0], -1)
        w = (w - w.mean(axis=1, keepdims=True)) / w.std(axis=1, keepdims=True)
        return (w * np.sqrt(2.0 / w.shape[1])).reshape(shape).astype(np.float32)

    def bias(n):
        return (rng.standard_normal(n) * 0.01).astype(np.float32)

    p = {}
    for i in range(3):
        cin, cout = CIFAR_CHANNELS[i], CIFAR_CHANNELS[i + 1]
        p[f"conv{i + 1}.weight"] = init((cout, cin, 3, 3))
        p[f"conv{i + 1}.bias"] = bias(cout)
    p["fc1.weight"], p["fc1.bias"] = init((128, 64 * 4 * 4)), bias(128)
    p["fc2.weight"], p["fc2.bias"] = init((10, 128)), bias(10)
    return p


def cifar_random_images(rng, n):
    """Uniform random pixels (uint8, NCHW)."""
    return rng.integers(0, 256, size=(n, 3, 32, 32), dtype=np.uint8)


def maxpool_forward(x):
    n, c, h, w = x.shape
    return x.reshape(n, c, h // 2, 2, w // 2, 2).max(axis=(3, 5))


def cifar_forward(p, x):
    """numpy reference: every activation by name (the ONNX graph's tensor names)."""
    acts = {}
    for i in range(1, 4):
        c, _ = conv_forward(x, p[f"conv{i}.weight"], p[f"conv{i}.bias"], 1)
        acts[f"r{i}"] = np.maximum(c, 0)
        x = acts[f"p{i}"] = maxpool_forward(acts[f"r{i}"])
    acts["a1"] = np.maximum(x.reshape(len(x), -1) @ p["fc1.weight"].T + p["fc1.bias"], 0)
    acts["logits"] = acts["a1"] @ p["fc2.weight"].T + p["fc2.bias"]
    return acts


def cifar_to_onnx(p, path):
    inits = [numpy_helper.from_array(v.astype(np.float32), k) for k, v in p.items()]
    N = helper.make_node
    nodes, x = [], "input"
    for i in range(1, 4):
        nodes += [
            N("Conv", [x, f"conv{i}.weight", f"conv{i}.bias"], [f"c{i}"], name=f"conv{i}",
              kernel_shape=[3, 3], pads=[1, 1, 1, 1]),
            N("Relu", [f"c{i}"], [f"r{i}"], name=f"relu{i}"),
            N("MaxPool", [f"r{i}"], [f"p{i}"], name=f"pool{i}", kernel_shape=[2, 2], strides=[2, 2]),
        ]
        x = f"p{i}"
    nodes += [
        N("Flatten", [x], ["flat"], name="flatten", axis=1),
        N("Gemm", ["flat", "fc1.weight", "fc1.bias"], ["h1"], name="fc1", transB=1),
        N("Relu", ["h1"], ["a1"], name="relu4"),
        N("Gemm", ["a1", "fc2.weight", "fc2.bias"], ["logits"], name="fc2", transB=1),
    ]
    save_model(path, nodes, inits, "input", [3, 32, 32], "logits", 10)


def make_cifar_cnn():
    p = cifar_random_params()
    log(f"cifar_cnn: {sum(v.size for v in p.values())} parameters (fixed random weights)")
    path = os.path.join(MODELS, "cifar_cnn.onnx")
    cifar_to_onnx(p, path)
    rng = np.random.default_rng(SEED + 1)
    u8_te, u8_cal = cifar_random_images(rng, CIFAR_TEST), cifar_random_images(rng, CIFAR_CAL)
    with open(os.path.join(DATA, "cifar_cnn_test.u8"), "wb") as f:
        f.write(u8_te.tobytes())
    x_te, x_cal = (u.astype(np.float32) / np.float32(255.0) for u in (u8_te, u8_cal))

    out = ort_outputs(path, x_te)
    diff = float(np.abs(out - cifar_forward(p, x_te)["logits"]).max())
    log(f"cifar_cnn: onnxruntime vs numpy max |diff| {diff:.2e} on {CIFAR_TEST} held-out inputs, "
        f"argmax counts {np.bincount(out.argmax(axis=1), minlength=10).tolist()}")
    acts = cifar_forward(p, x_cal)
    log("cifar_cnn: calibration ranges " + ", ".join(
        f"{k} [{acts[k].min():.3f}, {acts[k].max():.3f}]" for k in ("r1", "r2", "r3", "a1", "logits")))
    write_json(os.path.join(DATA, "cifar_cnn.ort.json"),
               {"outputs": tensor_json(out),
                "note": "random weights, so no labels and no accuracy; inputs are cifar_cnn_test.u8 bytes/255"})
    # Calibration only needs ranges: 6 decimals keep the file small.
    cal = {"shape": list(x_cal.shape), "data": [round(float(v), 6) for v in x_cal.reshape(-1)]}
    write_json(os.path.join(DATA, "cifar_cnn.calibration.json"), {"input": cal})
    write_json(os.path.join(SAMPLES, "cifar_cnn.input.json"), {"input": tensor_json(x_te[:1])})


# ---------------------------------------------------------------- fixtures

def fmt(v):
    """Shortest repr that round-trips the float32 value."""
    return float(np.float32(v))


def tensor_json(arr):
    return {"shape": list(arr.shape), "data": [fmt(v) for v in arr.reshape(-1)]}


def write_json(path, obj):
    with open(path, "w") as f:
        json.dump(obj, f, separators=(",", ":"))
    log("wrote", os.path.relpath(path, ROOT), os.path.getsize(path), "bytes")


def ort_outputs(path, x):
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 1
    sess = ort.InferenceSession(path, opts, providers=["CPUExecutionProvider"])
    return sess.run(None, {"input": x})[0]


SUPPORTED = {
    "Gemm", "MatMul", "Add", "Sub", "Mul", "Div", "Relu", "LeakyRelu", "Clip", "Sigmoid", "Tanh",
    "Softmax", "Conv", "MaxPool", "AveragePool", "GlobalAveragePool", "BatchNormalization",
    "Flatten", "Reshape", "Transpose", "Squeeze", "Unsqueeze", "Concat", "Sum", "Pad", "LRN",
    "Dropout", "Identity", "Constant", "ConstantOfShape",
}


def copy_backend_cases():
    base = os.path.join(os.path.dirname(onnx.__file__), "backend", "test", "data")
    if os.path.isdir(FIXTURES):
        shutil.rmtree(FIXTURES)
    kept = []
    for group in ("pytorch-converted", "pytorch-operator"):
        for case in sorted(os.listdir(os.path.join(base, group))):
            src = os.path.join(base, group, case)
            model = onnx.load(os.path.join(src, "model.onnx"))
            ops = {n.op_type for n in model.graph.node}
            if not ops <= SUPPORTED:
                continue
            # Only 2-D (NCHW) convolution and pooling are supported.
            inits = {i.name: i for i in model.graph.initializer}
            rank_ok = True
            for n in model.graph.node:
                if n.op_type in ("Conv", "MaxPool", "AveragePool"):
                    ks = [a for a in n.attribute if a.name == "kernel_shape"]
                    dims = len(ks[0].ints) if ks else len(inits[n.input[1]].dims) - 2
                    rank_ok &= dims == 2
            if not rank_ok:
                continue
            # Pad: constant mode only.
            modes = {a.s.decode() for n in model.graph.node if n.op_type == "Pad" for a in n.attribute if a.name == "mode"}
            if modes - {"constant"}:
                continue
            # Non-float inputs are out of scope (the engine takes float32 tensors).
            real_inputs = [i for i in model.graph.input if i.name not in inits]
            if any(i.type.tensor_type.elem_type != TensorProto.FLOAT for i in real_inputs):
                continue
            size = sum(os.path.getsize(os.path.join(dp, f)) for dp, _, fs in os.walk(src) for f in fs)
            if size > 400_000:
                continue
            dst = os.path.join(FIXTURES, f"{group}__{case}")
            shutil.copytree(src, dst)
            kept.append(f"{group}/{case}")
    log(f"copied {len(kept)} backend test cases:", ", ".join(c.split('/')[1] for c in kept))


# ---------------------------------------------------------------- main

def main():
    np.random.seed(SEED)
    for d in (DATA, SAMPLES):
        os.makedirs(d, exist_ok=True)
    x8_tr, x8_te, y_tr, y_te = load_data()
    x28_tr, x28_te = upsample28(x8_tr), upsample28(x8_te)
    log(f"digits: {len(y_tr)} train, {len(y_te)} test")

    write_json(os.path.join(DATA, "digits_test.json"),
               {"labels": y_te.tolist(), "pixels8": x8_te.tolist(),
                "note": "8x8 inputs are pixels8/16; 28x28 inputs are digits28_test.u8 bytes/255"})
    with open(os.path.join(DATA, "digits28_test.u8"), "wb") as f:
        f.write(x28_te.tobytes())

    results = {}

    # MLP 64-32-10
    clf8 = MLPClassifier(hidden_layer_sizes=(32,), max_iter=1000, random_state=SEED)
    clf8.fit(f8(x8_tr), y_tr)
    path = os.path.join(MODELS, "mlp_digits8.onnx")
    mlp_to_onnx(clf8, path, 64, softmax=True)
    results["mlp_digits8"] = (path, f8(x8_te), f8(x8_tr[:256]))

    # MLP 784-128-10
    clf28 = MLPClassifier(hidden_layer_sizes=(128,), max_iter=500, random_state=SEED)
    clf28.fit(f28(x28_tr), y_tr)
    path = os.path.join(MODELS, "mlp_digits28.onnx")
    mlp_to_onnx(clf28, path, 784, softmax=False)
    results["mlp_digits28"] = (path, f28(x28_te), f28(x28_tr[:48]))

    # LeNet-5
    params = train_lenet(f28(x28_tr).reshape(-1, 1, 28, 28), y_tr)
    path = os.path.join(MODELS, "lenet5.onnx")
    lenet_to_onnx(params, path)
    results["lenet5"] = (path, f28(x28_te).reshape(-1, 1, 28, 28), f28(x28_tr[:48]).reshape(-1, 1, 28, 28))

    for name, (path, x_te, x_cal) in results.items():
        out = ort_outputs(path, x_te)
        acc = float((out.argmax(axis=1) == y_te).mean())
        log(f"{name}: onnxruntime float top-1 accuracy {acc * 100:.2f}% on {len(y_te)} held-out digits")
        write_json(os.path.join(DATA, f"{name}.ort.json"),
                   {"accuracy": acc, "outputs": tensor_json(out)})
        # Calibration only needs ranges: 6 decimals keep the file small.
        cal = {"shape": list(x_cal.shape), "data": [round(float(v), 6) for v in x_cal.reshape(-1)]}
        write_json(os.path.join(DATA, f"{name}.calibration.json"), {"input": cal})
        write_json(os.path.join(SAMPLES, f"{name}.input.json"), {"input": tensor_json(x_te[:1])})

    # CIFAR-scale CNN: random weights and inputs, no labels (see cifar_random_params).
    make_cifar_cnn()

    copy_backend_cases()


if __name__ == "__main__":
    sys.exit(main())
