//! Command-line arguments.

use sc_cli::RunCmd;

/// `verity-node [SUBCOMMAND] [OPTIONS]`: without a subcommand it runs the node.
#[derive(Debug, clap::Parser)]
pub struct Cli {
	/// A utility subcommand; omit it to run the node.
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	/// Options of the running node.
	#[clap(flatten)]
	pub run: RunCmd,

	/// Options of the artifact store and the inference worker.
	#[clap(flatten)]
	pub executor: ExecutorParams,
}

/// The artifact store (every node) and the inference worker (`--executor`).
#[derive(Debug, Clone, clap::Args)]
pub struct ExecutorParams {
	/// Run the inference worker: execute and prove the inference requests
	/// assigned to this node's executor key (key type `vinf`, sr25519; insert
	/// it with `key insert --key-type vinf` or `author_insertKey`; `--dev` and
	/// `--alice`, `--bob`, ... insert the dev account's key) and submit the
	/// results. The account must be registered as an executor on chain.
	#[arg(long)]
	pub executor: bool,

	/// How many requests the worker proves at the same time.
	#[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=64))]
	pub executor_concurrency: u32,

	/// How many requests the worker holds (queued and being proved) at most;
	/// further ones are picked up in later blocks.
	#[arg(long, value_name = "N", default_value_t = 64, value_parser = clap::value_parser!(u32).range(1..=4096))]
	pub executor_queue: u32,

	/// The smallest request fee (in planck) the worker serves; it declines
	/// cheaper requests assigned to it (`Inference::decline`, no slash), so
	/// another executor is drawn. The runtime's own minimum already covers a
	/// `submit_result`'s transaction fee twice.
	#[arg(long, value_name = "PLANCK", default_value_t = 0)]
	pub executor_min_fee: u128,

	/// The share (percent) of other executors' provisional `Optimistic`
	/// results the worker checks: it reruns the model on each sampled one and,
	/// if the output differs, proves the right one and submits
	/// `Inference::challenge` (which overturns the result, and pays a share of
	/// the cheat's slash and the fee). 0 checks none.
	#[arg(long, value_name = "PERCENT", default_value_t = 100, value_parser = clap::value_parser!(u8).range(0..=100))]
	pub executor_challenge_rate: u8,

	/// Largest model artifact (ONNX file, quantized model, proving key) the
	/// node stores, in MiB. Artifacts live in `<base-path>/artifacts`.
	#[arg(long, value_name = "MIB", default_value_t = 256)]
	pub artifact_max_size: u64,

	/// Seconds a model's current proving key may stay unavailable (no peer
	/// serves its artifact) before this validator's node refutes it on chain,
	/// as it refutes a wrong key: a contributor that withholds its key would
	/// otherwise leave the model with a key no one can prove with.
	#[arg(long, value_name = "SECS", default_value_t = 600)]
	pub ceremony_unavailable_after: u64,
}

/// Utility subcommands.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management: generate, inspect and insert keys.
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Build a chain specification (deprecated upstream; prefer `export-chain-spec`).
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Export a chain specification, e.g. `export-chain-spec --chain local`.
	ExportChainSpec(sc_cli::ExportChainSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Runtime benchmarks (build with `--features runtime-benchmarks`).
	#[cfg(feature = "runtime-benchmarks")]
	#[command(subcommand)]
	Benchmark(frame_benchmarking_cli::BenchmarkCmd),

	/// Database meta columns information.
	ChainInfo(sc_cli::ChainInfoCmd),
}
