//! # verity-zk
//!
//! Groth16 proofs (BLS12-381, arkworks 0.6 — the version polkadot-sdk
//! stable2609's `sp-crypto-ec-utils` uses) that a [quantized model] maps an
//! input to an output, bit for bit with the engine's fixed-point semantics, for
//! one request and one executor.
//!
//! [quantized model]: verity_inference::QuantizedModel
//!
//! ## Architecture
//!
//! ```text
//!  QuantizedModel ──circuit (compiler: one pass over the QOps)──▶ R1CS ──setup──▶ ProvingKey, VerifyingKey
//!        │                         ▲ gadgets (range, rescale, relu, max, avgpool, pwl, poseidon)
//!   run_traced ──▶ Trace ──────────┘ witness source
//!                                        prove ──▶ (output, Proof: 192 bytes)
//!  Statement ──StatementLayout::public_inputs──▶ 7 field elements ──verify (no_std)──▶ Ok / Error
//! ```
//!
//! * [`circuit`]: the compiler. Weights are circuit constants, so Gemm /
//!   MatMul-by-constant / Conv / Sum / ChannelAffine are linear combinations and
//!   cost nothing; every requantize is one bit decomposition that proves the
//!   rounding (remainder range) and the clamp (block index), with a following
//!   ReLU fused into the clamp. The engine's [`verity_inference::Trace`] is the
//!   witness source: the circuit never re-implements quantization, and a trace
//!   that differs from the engine's in any value cannot be completed to a
//!   satisfying witness (tested for every value of the example MLP).
//! * [`gadgets`]: one module per gadget, with its constraint cost (table in
//!   [`gadgets`]).
//! * [`r1cs`]: the constraint interface and its three back ends (arkworks
//!   `ConstraintSynthesizer` for setup, a matrix recorder the prover caches, a
//!   witness-only back end per proof).
//! * [`mod@statement`] and [`verifier`] (`no_std` + `alloc`): the public-input
//!   encoding and the verifier the runtime runs. [`poseidon`] is the native
//!   hash both use.
//! * [`prover`] (feature `prover`, default): [`setup`], [`prove`], key files.
//!
//! Supported ops: every [`verity_inference::QOp`] — Constant, Linear, MatMul,
//! Conv2d, Sum, Mul, ChannelAffine, Relu, LeakyRelu, Clip, PiecewiseLinear
//! (the engine's Sigmoid / Tanh), MaxPool, AvgPool, Reshape / Transpose /
//! Concat / Pad (free). Softmax is the engine's float output transform, not part
//! of the integer semantics: the circuit proves the logits.
//!
//! ## Public inputs
//!
//! Seven field elements for the example models (layout in [`mod@statement`]):
//! model id (2, blake2-256 of the canonical model bytes split into 128-bit
//! halves), request id (1), executor account (2), a Poseidon commitment to the
//! input integers (1), and the output integers packed 15 per element (or a
//! Poseidon commitment when they need more than 4 elements). The request id and
//! executor are public inputs, so a proof cannot be replayed for another
//! request or another executor.
//!
//! ## For the runtime (`no_std`, default features off)
//!
//! ```ignore
//! // E: any Pairing<ScalarField = verity_zk::Fr>, e.g. sp_crypto_ec_utils::bls12_381::Bls12_381.
//! let vk = verity_zk::VerifyingKey::<E>::from_bytes(&stored_vk)?;     // 770 bytes, validated
//! let proof = verity_zk::Proof::<E>::from_bytes(&proof_bytes)?;       // 192 bytes, validated
//! let statement = verity_zk::Statement { model_id, request_id, executor, input, output };
//! verity_zk::verify(&vk, &statement, &proof)?;                        // Err(..) on any mismatch
//! // or, all in one: verity_zk::verify_encoded::<E>(&stored_vk, &statement, &proof_bytes)?;
//! ```
//!
//! Both decoders check that every point is on the curve, in the prime-order
//! subgroup and (for proofs) not the identity; nothing panics on bad bytes.
//! Verification is one 4-pairing multi-Miller loop and a final exponentiation.
//!
//! ## Sizes and costs (example models)
//!
//! | model | constraints | proving key | verifying key | proof | setup | prove | verify |
//! |---|---|---|---|---|---|---|---|
//! | MLP 64-32-10 | 3,024 | 0.75 MB | 770 B | 192 B | 0.42 s | 0.13 s | 3.4 ms |
//! | MLP 784-128-10 | 21,009 | 5.48 MB | 770 B | 192 B | 2.6 s | 0.63 s | 4.5 ms |
//! | LeNet-5 | 283,852 | 77.7 MB | 770 B | 192 B | 31 s | 7.3 s | 4.9 ms |
//!
//! Times: `examples/zk_bench.rs` (best of 3) on the 2 shared vCPUs with a
//! load average of 1–2 from other work (under heavier load they were 2–5×
//! slower). Verification is ≈ 1.3 ms of statement building (Poseidon over the
//! packed input) plus ≈ 3.2 ms of pairing check. Building with
//! `-C target-feature=+bmi2,+adx` (arkworks' assembly field multiplication)
//! gained another 7–20 %.
//!
//! **Against ezkl 23.0.5** (`bench/run.sh`: same ONNX files, same run, public
//! inputs and outputs, fixed parameters, `calibrate_settings` "resources"):
//!
//! | model | metric | ezkl | verity-zk | ratio |
//! |---|---|---|---|---|
//! | MLP 784-128-10 | prove | 49.3 s | 2.32 s | 21× |
//! | | proving key | 277 MB | 5.48 MB | 50.5× |
//! | | verify | 328 ms | 12.6 ms | 26× |
//! | | setup | 37.0 s | 9.7 s | 3.8× |
//! | | verifying key / proof | 132 KB / 3,072 B | 770 B / 192 B | 172× / 16× |
//! | LeNet-5 | prove | 178 s | 8.9 s | 20× |
//! | | proving key | 2.22 GB | 77.7 MB | 28.5× |
//! | | verify | 851 ms | 5.2 ms | 163× |
//! | | setup | 139 s | 55.6 s | 2.5× |
//! | | verifying key / proof | 1.05 MB / 3,072 B | 770 B / 192 B | 1364× / 16× |
//! | MLP 64-32-10¹ | prove / proving key | 117 s / 1.44 GB | 0.24 s / 0.75 MB | ~490× / ~1900× |
//!
//! ezkl picks 2^16, 2^19 and 2^17 rows at this calibration. Both tools ran
//! under the same background load, which slowed ezkl's prover well past the
//! 5.7 s / 56 s it takes idle. ¹ ezkl's steps run one by one, not in the
//! script's single run.
//!
//! Where the constraints go ([`circuit::cost_report`]): MLP 784-128-10 —
//! range-checking the 784 inputs (16 bits each; what makes their packed
//! commitment binding) 12,544, the input commitment (7 Poseidon permutations)
//! 2,773, fc0 5,301 (41 per neuron), fc1 390. LeNet-5 — inputs 12,544,
//! commitment 2,773, conv1 169,344 (36 per output: 17 rounding bits, 15 value
//! bits, 2 block bits, 2 for clamp and ReLU), pool1 19,992 (17 per output),
//! conv2 64,000 (40), pool2 6,800, fc1–fc3 8,398. Proving time is dominated by
//! the H-query MSM over the QAP domain (`2^15` and `2^19` points) with
//! full-size scalars; the witness MSMs are cheap because almost every witness
//! value is a bit or a 16-bit integer.
//!
//! ## Design notes
//!
//! * Proofs are not zero-knowledge (see [`prover`]): nothing in them is secret.
//! * Proving keys are the prover's own files: loading checks points are on the
//!   curve but skips subgroup checks (a bad key only yields invalid proofs).
//!   Verifying keys and proofs are fully validated.
//!
//! ## Example
//!
//! `examples/prove_mlp.rs` runs setup, prove and verify on the example MLP:
//!
//! ```text
//! cargo run --release -p verity-zk --example prove_mlp
//! ```
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "prover")]
pub mod circuit;
pub mod error;
#[cfg(feature = "prover")]
pub mod gadgets;
#[cfg(feature = "prover")]
mod groth16;
#[cfg(feature = "prover")]
pub mod msm;
pub mod poseidon;
#[cfg(feature = "prover")]
pub mod prover;
#[cfg(feature = "prover")]
pub mod r1cs;
pub mod statement;
pub mod verifier;

pub use ark_bls12_381::{Bls12_381, Fr};
pub use error::{Error, Result};
#[cfg(feature = "prover")]
pub use prover::{circuit_stats, prove, setup, statement, CircuitStats, ProvingKey};
#[cfg(feature = "prover")]
pub use rand;
pub use statement::{Binding, Statement, StatementLayout};
pub use verifier::{
	verify, verify_encoded, verify_prepared, verify_public_inputs, PreparedVerifyingKey, Proof,
	VerifyingKey,
};
