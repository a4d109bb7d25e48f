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
//!   `ConstraintSynthesizer` for independent checks, a matrix recorder that
//!   setup and the prover use, a witness-only back end per proof).
//! * [`mod@statement`] and [`verifier`] (`no_std` + `alloc`): the public-input
//!   encoding and the verifier the runtime runs. [`poseidon`] is the native
//!   hash both use.
//! * [`prover`] (feature `prover`, default): [`setup`] (single-party: local
//!   testing only), [`prove`], key files; [`groth16`] (the QAP, key
//!   generation and proving over the recorded matrices) and [`msm`]
//!   (multi-scalar multiplication) under it; [`unpacked`]: the local copy of
//!   a key file that a prover loads in milliseconds.
//! * [`slicing`]: one model's proof split across several provers. A slice
//!   (`QuantizedModel::slices`, cut at op boundaries) is a model of its own
//!   with its own circuit and keys; its statement binds the Poseidon
//!   commitments of the tensors entering and leaving it, so a verifier that
//!   holds only commitments checks each slice proof and that the commitments
//!   chain from the request's input to the output ([`slicing::first_broken_link`],
//!   `no_std`); [`slicing::balanced_cuts`] chooses the cuts.
//! * [`ceremony`]: the keys the chain uses — a phase-1 powers-of-tau SRS and
//!   a per-model phase 2, every step with a proof of knowledge; the checks
//!   the runtime runs are `no_std`, the SRS, Lagrange bases, key generation
//!   and the nodes' full checks need `prover`. One honest contributor per
//!   phase is enough (see the module docs and `tests/ceremony.rs`).
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
//! subgroup and not the identity, and the key decoder refuses γ = δ; nothing
//! panics on bad bytes.
//! Verification is one 4-pairing multi-Miller loop and a final exponentiation.
//!
//! ## Sizes and costs (example models)
//!
//! | model | quantization | constraints | QAP domain | proving key | verifying key | proof | setup | prove | verify |
//! |---|---|---|---|---|---|---|---|---|---|
//! | MLP 64-32-10 | 16-bit | 3,056 | 3·2^10 | 0.70 MB | 770 B | 192 B | 0.23 s | 0.065 s | 1.95 ms |
//! | MLP 784-128-10 | int8 | 11,447 | 3·2^12 | 2.68 MB | 770 B | 192 B | 0.77 s | 0.20 s | 2.08 ms |
//! | LeNet-5 | int8 | 159,597 | 3·2^16 | 37.8 MB | 770 B | 192 B | 8.4 s | 1.84 s | 2.14 ms |
//!
//! Times: `examples/zk_bench.rs` (best of 3) on the 2 vCPUs with nothing else
//! running; runs vary by ±20 % on these shared machines (LeNet-5 1.8–2.3 s).
//! Verify is the native verifier with a [`PreparedVerifyingKey`] (2.7–2.9 ms
//! with [`verify`], which prepares nothing); ≈ 0.2 ms of it is building the
//! statement (the sparse-round Poseidon over the packed input). Setting
//! `VERITY_ZK_PROFILE` prints the prover's phases: for LeNet-5 the H-query
//! MSM is ~60 %, the seven FFTs ~30 %, the witness MSMs and constraint
//! evaluation the rest.
//!
//! Where the speed comes from ([`groth16`], [`msm`]): weights as constants
//! (linear layers are free), one bit decomposition per requantize, no
//! zero-knowledge blinding, the smallest QAP domain (`3·2^k` when it is smaller
//! than `2^k`: LeNet-5's 159,605 rows take 196,608 points, not 262,144), and a
//! Pippenger MSM with batched affine bucket additions and size-classed
//! scalars. The example MLP-28 and LeNet-5 are quantized as int8
//! (`--act-bits 8 --weight-bits 8`; same top-1 accuracy on the test split as
//! float and as 16-bit): every range check and rounding remainder is half as
//! wide, which halves the circuit. 16-bit LeNet-5 (285,656 constraints,
//! domain 3·2^17) proves in about 4.5 s with a 71 MB key.
//!
//! **Against ezkl 23.0.5** (`bench/run.sh mlp_digits28 lenet5`: same ONNX
//! files, same run, public inputs and outputs, fixed parameters,
//! `calibrate_settings` "resources", which picked input and parameter scale 13
//! for LeNet-5; verity-zk's verify with a prepared key):
//!
//! | model | metric | ezkl | verity-zk | ratio |
//! |---|---|---|---|---|
//! | MLP 784-128-10 | prove | 10.2 s | 0.22 s | 46× |
//! | | proving key | 277 MB | 2.68 MB | 104× |
//! | | verify | 49.9 ms | 2.1 ms | 24× |
//! | | setup | 8.5 s | 0.91 s | 9.4× |
//! | | verifying key / proof | 132 KB / 3,072 B | 770 B / 192 B | 172× / 16× |
//! | LeNet-5 | prove | 85.8 s | 2.0 s | 43× |
//! | | proving key | 2.22 GB | 37.8 MB | 59× |
//! | | verify | 454 ms | 2.8 ms | 163× |
//! | | setup | 74.1 s | 9.1 s | 8.1× |
//! | | verifying key / proof | 1.05 MB / 3,072 B | 770 B / 192 B | 1364× / 16× |
//!
//! ezkl used 2^16 and 2^19 rows. Idle, ezkl proves these in 5.7 s and 56 s
//! (measured on these machines earlier), so against its best the ratios are
//! 28× and 30×.
//!
//! Where the constraints go ([`circuit::cost_report`], `zk_bench --costs`):
//! MLP 784-128-10 — range-checking the 784 inputs (8 bits each; what makes
//! their packed commitment binding) 6,272, the input commitment (4 Poseidon
//! permutations) 1,585, fc0 3,349 (26 per neuron), fc1 240. LeNet-5 — inputs
//! 6,272, commitment 1,585, conv1 94,080 (20 per output: 9 rounding bits, 7
//! value bits, 2 block bits, 2 for clamp and ReLU), pool1 10,584 (9 per
//! output), conv2 38,300, pool2 3,600, fc1–fc3 5,175. Almost every witness
//! value is a bit or a small integer, so the witness MSMs are cheap; the
//! H-query MSM over the domain, with full-size scalars, is not.
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

pub mod ceremony;
#[cfg(feature = "prover")]
pub mod circuit;
#[cfg(feature = "std")]
pub mod cpu;
pub mod error;
#[cfg(feature = "prover")]
pub mod gadgets;
#[cfg(feature = "prover")]
pub mod groth16;
#[cfg(feature = "prover")]
pub mod msm;
pub mod poseidon;
#[cfg(feature = "prover")]
pub mod prover;
#[cfg(feature = "prover")]
pub mod r1cs;
pub mod slicing;
pub mod statement;
#[cfg(feature = "prover")]
pub mod unpacked;
pub mod verifier;

pub use ark_bls12_381::{Bls12_381, Fr};
pub use error::{Error, Result};
#[cfg(feature = "prover")]
pub use groth16::{Qap, Trapdoor};
#[cfg(feature = "prover")]
pub use prover::{
	circuit_stats, prove, setup, setup_with_trapdoor, statement, CircuitStats, ProvingKey,
};
#[cfg(feature = "prover")]
pub use rand;
pub use statement::{Binding, Statement, StatementLayout, TensorPart};
pub use verifier::{
	prepared_key_len, verify, verify_batch_prepared, verify_encoded, verify_prepared,
	verify_prepared_parts, verify_public_inputs, BatchItem, PreparedVerifyingKey, Proof,
	VerifyingKey,
};
