//! Explorer benchmarks; prints a table.
//!
//! 1. Indexing rate of empty blocks from a local dev node: the node runs until
//!    it has `VERITY_BENCH_BLOCKS` blocks (default 40; 3-second blocks), then the
//!    indexer indexes blocks 0..=N into a fresh SQLite database
//!    `VERITY_BENCH_PASSES` times (default 5) over one warm connection.
//! 2. Page latency with 100,000 extrinsics indexed: 10,000 synthetic blocks of
//!    10 signed transfers each (plus 2 events per extrinsic) are written
//!    through the indexer's own insert path, then each page is requested 200
//!    times (a new HTTP connection each) from the server running in-process,
//!    with the account page reading its balance from the live node.
//!
//! Run: `cargo bench -p verity-explorer` (or `--profile release`).

use std::{sync::Arc, time::Instant};

use anyhow::Result;
use serde_json::json;
use tokio::{
	io::{AsyncReadExt, AsyncWriteExt},
	sync::broadcast,
};
use verity_explorer::{
	db::{EventRow, ExtrinsicRow, NewBlock},
	rpc::Rpc,
	ss58, web, Db, Indexer, IndexerConfig,
};
use verity_tests::{rpc, wait_for, Node, NodeConfig};

fn env_or(name: &str, default: usize) -> usize {
	std::env::var(name)
		.ok()
		.and_then(|v| v.parse().ok())
		.unwrap_or(default)
}

async fn http_get(port: u16, path: &str) -> Result<u16> {
	let mut s = tokio::net::TcpStream::connect(("127.0.0.1", port)).await?;
	s.write_all(format!("GET {path} HTTP/1.0\r\nHost: x\r\n\r\n").as_bytes())
		.await?;
	let mut buf = Vec::new();
	s.read_to_end(&mut buf).await?;
	let head = String::from_utf8_lossy(&buf[..buf.len().min(20)]).to_string();
	Ok(head
		.split_whitespace()
		.nth(1)
		.and_then(|c| c.parse().ok())
		.unwrap_or(0))
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
	let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
	sorted[i]
}

/// Simple deterministic PRNG (xorshift64*).
struct Rng(u64);
impl Rng {
	fn next(&mut self) -> u64 {
		self.0 ^= self.0 >> 12;
		self.0 ^= self.0 << 25;
		self.0 ^= self.0 >> 27;
		self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
	}
	fn below(&mut self, n: u64) -> u64 {
		self.next() % n
	}
}

fn address(i: u64) -> String {
	let mut pk = [0u8; 32];
	pk[..8].copy_from_slice(&i.to_le_bytes());
	pk[31] = 0x42;
	ss58::encode(&pk)
}

fn synthetic_block(n: u64, per_block: u64, accounts: u64, rng: &mut Rng) -> NewBlock {
	let mut b = NewBlock {
		number: n,
		hash: format!("0x{:064x}", n + 1),
		parent_hash: format!("0x{:064x}", n),
		state_root: format!("0x{:064x}", n * 7 + 3),
		extrinsics_root: format!("0x{:064x}", n * 11 + 5),
		timestamp: Some(1_700_000_000_000 + n as i64 * 3000),
		spec_version: 100,
		digest: "{}".into(),
		..Default::default()
	};
	for i in 0..per_block {
		let from = address(rng.below(accounts));
		let to = address(rng.below(accounts));
		let value = rng.below(1_000_000_000_000_000);
		b.extrinsics.push(ExtrinsicRow {
			block_number: n as i64,
			idx: i as i64,
			hash: format!("0x{:032x}{:032x}", n, i + 1),
			pallet: "Balances".into(),
			call: "transfer_keep_alive".into(),
			args: json!({ "dest": { "Id": to }, "value": value }),
			signer: Some(from.clone()),
			nonce: Some(n as i64),
			tip: Some("0".into()),
			fee: Some("1250000123".into()),
			success: true,
			error: None,
			len: 144,
		});
		for (j, (name, fields)) in [
			(
				"Transfer",
				json!({ "from": from, "to": to, "amount": value }),
			),
			(
				"ExtrinsicSuccess",
				json!({ "dispatch_info": { "weight": { "ref_time": 1, "proof_size": 2 } } }),
			),
		]
		.into_iter()
		.enumerate()
		{
			let idx = (i * 2 + j as u64) as i64;
			b.events.push(EventRow {
				block_number: n as i64,
				idx,
				extrinsic_idx: Some(i as i64),
				phase: "ApplyExtrinsic".into(),
				pallet: if j == 0 { "Balances" } else { "System" }.into(),
				name: name.into(),
				fields,
			});
			if j == 0 {
				b.account_events.push((from.clone(), idx as u32));
				b.account_events.push((to.clone(), idx as u32));
			}
		}
		b.accounts.push(from);
		b.accounts.push(to);
	}
	b.accounts.sort();
	b.accounts.dedup();
	b
}

#[tokio::main]
async fn main() -> Result<()> {
	let want_blocks = env_or("VERITY_BENCH_BLOCKS", 40) as u64;
	let passes = env_or("VERITY_BENCH_PASSES", 5);
	let node = Node::start(NodeConfig::dev()).await?;
	let client = node.client().await?;
	eprintln!("waiting for the dev node to reach #{want_blocks} (3 s blocks)...");
	wait_for(
		"blocks",
		std::time::Duration::from_secs(want_blocks * 3 + 120),
		|| async { Ok((rpc::best_number(&client).await? >= want_blocks).then_some(())) },
	)
	.await?;

	// ---- 1. indexing rate --------------------------------------------------
	let rpc = Arc::new(Rpc::connect(&node.ws_url()).await?);
	let (tx, _) = broadcast::channel(16);
	let mut rates = Vec::new();
	let mut total_blocks = 0u64;
	let mut total_secs = 0f64;
	for pass in 0..=passes {
		let dir = tempfile::tempdir()?;
		let db = Db::open(&format!("sqlite://{}", dir.path().join("i.db").display())).await?;
		let indexer = Indexer::new(
			rpc.clone(),
			db.clone(),
			tx.clone(),
			IndexerConfig::default(),
		);
		let t = Instant::now();
		let n = indexer.sync_once().await?;
		let secs = t.elapsed().as_secs_f64();
		if pass == 0 {
			// Warm-up: connection, metadata cache.
			continue;
		}
		rates.push(n as f64 / secs);
		total_blocks += n;
		total_secs += secs;
	}
	rates.sort_by(|a, b| a.partial_cmp(b).unwrap());

	// ---- 2. page latency with 100,000 extrinsics ---------------------------
	let dir = tempfile::tempdir()?;
	let db = Db::open(&format!("sqlite://{}", dir.path().join("p.db").display())).await?;
	let (blocks, per_block, accounts) = (10_000u64, 10u64, 1_000u64);
	let mut rng = Rng(0x5eed);
	let t = Instant::now();
	for chunk in (0..blocks).collect::<Vec<_>>().chunks(250) {
		let batch: Vec<NewBlock> = chunk
			.iter()
			.map(|n| synthetic_block(*n, per_block, accounts, &mut rng))
			.collect();
		db.insert_blocks(&batch).await?;
	}
	let write_secs = t.elapsed().as_secs_f64();
	db.set_finalized(blocks - 3, &format!("0x{:064x}", blocks - 2))
		.await?;
	let indexed = db.extrinsic_count().await?;
	let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
	let port = listener.local_addr()?.port();
	let state = web::AppState::new(db.clone(), tx.clone(), node.ws_url());
	tokio::spawn(async move { axum::serve(listener, web::router(state)).await });

	let alice = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
	type PathFn = Box<dyn Fn(&mut Rng) -> String>;
	let pages: Vec<(&str, PathFn)> = vec![
		("home /", Box::new(|_| "/".into())),
		(
			"block /block/N",
			Box::new(move |r| format!("/block/{}", r.below(blocks))),
		),
		(
			"block by hash",
			Box::new(move |r| format!("/block/0x{:064x}", r.below(blocks) + 1)),
		),
		(
			"extrinsic /extrinsic/B-I",
			Box::new(move |r| format!("/extrinsic/{}-{}", r.below(blocks), r.below(per_block))),
		),
		(
			"event /event/B-I",
			Box::new(move |r| format!("/event/{}-{}", r.below(blocks), r.below(per_block * 2))),
		),
		(
			"account (synthetic, 50 rows each)",
			Box::new(move |r| format!("/account/{}", address(r.below(accounts)))),
		),
		(
			"account Alice (live balance)",
			Box::new(move |_| format!("/account/{alice}")),
		),
		(
			"search extrinsic hash",
			Box::new(move |r| {
				format!(
					"/search?q=0x{:032x}{:032x}",
					r.below(blocks),
					r.below(per_block) + 1
				)
			}),
		),
		(
			"api /api/block/N",
			Box::new(move |r| format!("/api/block/{}", r.below(blocks))),
		),
		(
			"api /api/extrinsic/HASH",
			Box::new(move |r| {
				format!(
					"/api/extrinsic/0x{:032x}{:032x}",
					r.below(blocks),
					r.below(per_block) + 1
				)
			}),
		),
	];
	let mut latency_rows = Vec::new();
	for (name, path) in &pages {
		let mut times = Vec::new();
		for i in 0..220 {
			let p = path(&mut rng);
			let t = Instant::now();
			let status = http_get(port, &p).await?;
			let ms = t.elapsed().as_secs_f64() * 1000.0;
			assert!(status == 200 || status == 303, "{p}: {status}");
			if i >= 20 {
				times.push(ms);
			}
		}
		times.sort_by(|a, b| a.partial_cmp(b).unwrap());
		latency_rows.push((
			*name,
			percentile(&times, 0.5),
			percentile(&times, 0.95),
			times[times.len() - 1],
		));
	}

	println!();
	println!(
		"## verity-explorer benchmarks ({} cores)",
		std::thread::available_parallelism()
			.map(|n| n.get())
			.unwrap_or(0)
	);
	println!();
	println!("| indexing empty dev-chain blocks (SQLite, batch 256, 64 in flight) | value |");
	println!("| --- | --- |");
	println!("| blocks per pass | {} |", total_blocks / passes as u64);
	println!("| passes | {passes} |");
	println!(
		"| overall rate | {:.0} blocks/s |",
		total_blocks as f64 / total_secs
	);
	println!(
		"| slowest / median / fastest pass | {:.0} / {:.0} / {:.0} blocks/s |",
		rates[0],
		rates[rates.len() / 2],
		rates[rates.len() - 1]
	);
	println!();
	println!(
		"Page latency, {indexed} extrinsics in {blocks} blocks indexed (written in {write_secs:.1} s = {:.0} extrinsics/s); 200 requests per page:",
		indexed as f64 / write_secs
	);
	println!();
	println!("| page | p50 ms | p95 ms | max ms |");
	println!("| --- | --- | --- | --- |");
	for (name, p50, p95, max) in latency_rows {
		println!("| {name} | {p50:.2} | {p95:.2} | {max:.2} |");
	}
	Ok(())
}
