//! The web UI (server-rendered askama templates) and the JSON API under `/api/`.

use std::{convert::Infallible, sync::Arc, time::Duration};

use anyhow::Result;
use askama::Template;
use axum::{
	extract::{Path, Query, State},
	http::{header, StatusCode},
	response::{
		sse::{Event, KeepAlive, Sse},
		Html, IntoResponse, Redirect, Response,
	},
	routing::get,
	Json as AxumJson, Router,
};
use futures::Stream;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value as Json};
use tokio::sync::{broadcast, Mutex};
use tokio_stream::{wrappers::BroadcastStream, StreamExt};

use crate::{
	ceremony::{self, KeyView, SrsView},
	db::{BlockRow, Db, EntityEvent, EventRow, ExtrinsicRow, SyncFilter},
	decode::json_u128,
	entities::{self, ModelView, RequestView, SyncInferenceView, VersionView},
	format::{self, short_hash, value_html, value_summary, vrt_str},
	indexer::Update,
	rpc::Rpc,
	ss58,
};

const APP_CSS: &str = include_str!("../static/app.css");
const APP_JS: &str = include_str!("../static/app.js");

/// Shared state of the web server.
#[derive(Clone)]
pub struct AppState {
	pub db: Db,
	pub updates: broadcast::Sender<Update>,
	pub node_url: String,
	node: Arc<Mutex<Option<Arc<Rpc>>>>,
}

impl AppState {
	pub fn new(db: Db, updates: broadcast::Sender<Update>, node_url: String) -> Self {
		Self {
			db,
			updates,
			node_url,
			node: Arc::new(Mutex::new(None)),
		}
	}

	/// A live connection to the node (for balances), reconnecting if needed.
	async fn node(&self) -> Option<Arc<Rpc>> {
		let mut node = self.node.lock().await;
		if let Some(n) = node.as_ref() {
			if n.is_connected() {
				return Some(n.clone());
			}
		}
		let connected = tokio::time::timeout(Duration::from_secs(3), Rpc::connect(&self.node_url))
			.await
			.ok()?
			.ok()?;
		*node = Some(Arc::new(connected));
		node.clone()
	}
}

/// The router with every page and API route.
pub fn router(state: AppState) -> Router {
	Router::new()
		.route("/", get(home))
		.route("/block/{id}", get(block_page))
		.route("/extrinsic/{id}", get(extrinsic_page))
		.route("/event/{id}", get(event_page))
		.route("/account/{address}", get(account_page))
		.route("/models", get(models_page))
		.route("/model/{id}", get(model_page))
		.route("/version/{id}", get(version_page))
		.route("/version/{id}/ceremony", get(key_page))
		.route("/ceremony", get(srs_page))
		.route("/requests", get(requests_page))
		.route("/request/{id}", get(request_page))
		.route("/search", get(search_page))
		.route(
			"/static/app.css",
			get(|| async {
				(
					[
						(header::CONTENT_TYPE, "text/css; charset=utf-8"),
						(header::CACHE_CONTROL, "max-age=300"),
					],
					APP_CSS,
				)
			}),
		)
		.route(
			"/static/app.js",
			get(|| async {
				(
					[
						(header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
						(header::CACHE_CONTROL, "max-age=300"),
					],
					APP_JS,
				)
			}),
		)
		.route("/api/status", get(api_status))
		.route("/api/blocks", get(api_blocks))
		.route("/api/block/{id}", get(api_block))
		.route("/api/extrinsic/{id}", get(api_extrinsic))
		.route("/api/event/{id}", get(api_event))
		.route("/api/account/{address}", get(api_account))
		.route("/api/models", get(api_models))
		.route("/api/model/{id}", get(api_model))
		.route("/api/model/{id}/computed", get(api_model_computed))
		.route("/api/version/{id}", get(api_version))
		.route("/api/version/{id}/computed", get(api_version_computed))
		.route("/api/version/{id}/ceremony", get(api_key))
		.route("/api/ceremony", get(api_srs))
		.route("/api/computed", get(api_computed))
		.route("/api/requests", get(api_requests))
		.route("/api/request/{id}", get(api_request))
		.route("/api/search", get(api_search))
		.route("/api/stream", get(stream))
		.fallback(|| async { not_found("Page not found", "There is no page at this address.") })
		.with_state(state)
}

/// Errors become a 500 page (HTML) or `{"error": ...}` (API).
pub struct AppError(anyhow::Error);

impl<E: Into<anyhow::Error>> From<E> for AppError {
	fn from(e: E) -> Self {
		Self(e.into())
	}
}

impl IntoResponse for AppError {
	fn into_response(self) -> Response {
		tracing::error!("request failed: {:#}", self.0);
		(
			StatusCode::INTERNAL_SERVER_ERROR,
			AxumJson(json!({ "error": format!("{:#}", self.0) })),
		)
			.into_response()
	}
}

type PageResult = std::result::Result<Response, AppError>;

fn page<T: Template>(t: T) -> PageResult {
	Ok(Html(t.render()?).into_response())
}

fn not_found(heading: &str, message: &str) -> Response {
	let head = Head::default();
	let body = MessagePage {
		head,
		heading: heading.to_string(),
		message: message.to_string(),
	}
	.render()
	.unwrap_or_else(|_| message.to_string());
	(StatusCode::NOT_FOUND, Html(body)).into_response()
}

fn api_not_found(what: &str) -> Response {
	(
		StatusCode::NOT_FOUND,
		AxumJson(json!({ "error": format!("{what} not found") })),
	)
		.into_response()
}

/// Best and finalized heads shown on every page.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Head {
	pub best: i64,
	pub finalized: i64,
	pub node: String,
}

async fn head(state: &AppState) -> Result<Head> {
	Ok(Head {
		best: state.db.tip().await?.map(|t| t.0 as i64).unwrap_or(-1),
		finalized: state.db.finalized().await?.map(|f| f.0).unwrap_or(-1),
		node: state.node_url.clone(),
	})
}

// ---- view models ---------------------------------------------------------

struct BlockView {
	number: i64,
	hash: String,
	short_hash: String,
	parent_hash: String,
	state_root: String,
	extrinsics_root: String,
	time: String,
	timestamp_ms: i64,
	spec_version: i64,
	extrinsic_count: i64,
	event_count: i64,
	finalized: bool,
}

impl From<&BlockRow> for BlockView {
	fn from(b: &BlockRow) -> Self {
		Self {
			number: b.number,
			hash: b.hash.clone(),
			short_hash: short_hash(&b.hash),
			parent_hash: b.parent_hash.clone(),
			state_root: b.state_root.clone(),
			extrinsics_root: b.extrinsics_root.clone(),
			time: b.timestamp.map(format::utc).unwrap_or_default(),
			timestamp_ms: b.timestamp.unwrap_or(0),
			spec_version: b.spec_version,
			extrinsic_count: b.extrinsic_count,
			event_count: b.event_count,
			finalized: b.finalized,
		}
	}
}

struct ExtrinsicView {
	id: String,
	block_number: i64,
	idx: i64,
	hash: String,
	call: String,
	signer: String,
	signer_short: String,
	nonce: String,
	tip: String,
	fee: String,
	success: bool,
	error: String,
	len: i64,
	args_summary: String,
	args_html: String,
}

impl From<&ExtrinsicRow> for ExtrinsicView {
	fn from(x: &ExtrinsicRow) -> Self {
		let signer = x.signer.clone().unwrap_or_default();
		Self {
			id: x.id(),
			block_number: x.block_number,
			idx: x.idx,
			hash: x.hash.clone(),
			call: format!("{}.{}", x.pallet, x.call),
			signer_short: short_hash(&signer),
			signer,
			nonce: x.nonce.map(|n| n.to_string()).unwrap_or_default(),
			tip: x.tip.as_deref().map(vrt_str).unwrap_or_default(),
			fee: x.fee.as_deref().map(vrt_str).unwrap_or_default(),
			success: x.success,
			error: x.error.clone().unwrap_or_default(),
			len: x.len,
			args_summary: args_summary(x),
			args_html: value_html(&x.args),
		}
	}
}

/// A one-line summary of an extrinsic's arguments: the generic one, or a
/// readable one for calls whose arguments it would cut short.
fn args_summary(x: &ExtrinsicRow) -> String {
	match (x.pallet.as_str(), x.call.as_str()) {
		("Inference", "infer_now") => {
			let inputs = x.args.get("input").and_then(Json::as_array).map(Vec::len);
			format!(
				"model {} · {} input values",
				x.args
					.get("model_id")
					.map(Json::to_string)
					.unwrap_or_default(),
				opt_str(inputs)
			)
		}
		_ => value_summary(&x.args, 90),
	}
}

/// A synchronous inference in a table.
struct SyncRowView {
	id: String,
	extrinsic_id: String,
	block_number: i64,
	model_id: String,
	who: String,
	who_short: String,
	work: String,
	output: String,
	output_real: String,
}

impl From<&SyncInferenceView> for SyncRowView {
	fn from(v: &SyncInferenceView) -> Self {
		let r = &v.row;
		Self {
			id: v.id.clone(),
			extrinsic_id: v.extrinsic_id.clone().unwrap_or_default(),
			block_number: r.block_number,
			model_id: r.model_id.clone(),
			who_short: short_hash(&r.who),
			who: r.who.clone(),
			work: opt_str(r.work),
			output: r.output.to_string(),
			output_real: dequantized_str(&v.output_dequantized),
		}
	}
}

fn dequantized_str(v: &Option<Vec<f64>>) -> String {
	v.as_ref()
		.map(|v| format!("{v:?}"))
		.unwrap_or_else(|| "—".into())
}

struct EventView {
	id: String,
	block_number: i64,
	event: String,
	phase: String,
	extrinsic_id: String,
	fields_summary: String,
	fields_html: String,
}

impl From<&EventRow> for EventView {
	fn from(e: &EventRow) -> Self {
		Self {
			id: e.id(),
			block_number: e.block_number,
			event: format!("{}.{}", e.pallet, e.name),
			phase: e.phase.clone(),
			extrinsic_id: e
				.extrinsic_idx
				.map(|i| format!("{}-{i}", e.block_number))
				.unwrap_or_default(),
			fields_summary: value_summary(&e.fields, 90),
			fields_html: value_html(&e.fields),
		}
	}
}

struct HistoryView {
	block: i64,
	idx: i64,
	name: String,
	is_event: bool,
	summary: String,
}

fn history_views(h: &[EntityEvent]) -> Vec<HistoryView> {
	h.iter()
		.map(|e| HistoryView {
			block: e.block_number,
			idx: e.idx,
			name: e.name.clone(),
			is_event: e.source == "event",
			summary: value_summary(&e.data, 90),
		})
		.collect()
}

fn status_class(status: &str) -> &'static str {
	match status {
		"verified" | "active" | "final" | "overturned" => "ok",
		"pending" | "unverified" | "provisional" => "warn",
		_ => "bad",
	}
}

/// Badge class of a ceremony status (phase 1's or a key's).
fn ceremony_class(status: &str) -> &'static str {
	match status {
		"final" => "ok",
		"pending" | "contributing" | "beacon" | "sealing" | "checking" => "warn",
		"failed" | "refused" => "bad",
		"accepted" => "ok",
		_ => "muted",
	}
}

fn opt_str(v: Option<impl ToString>) -> String {
	v.map(|v| v.to_string()).unwrap_or_default()
}

// ---- templates -----------------------------------------------------------

#[derive(Template)]
#[template(path = "message.html")]
struct MessagePage {
	head: Head,
	heading: String,
	message: String,
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
	head: Head,
	blocks: Vec<BlockView>,
	extrinsics: Vec<ExtrinsicView>,
	extrinsic_total: i64,
	model_total: usize,
	request_total: usize,
	srs_status: String,
	srs_class: &'static str,
	srs_insecure: bool,
}

#[derive(Template)]
#[template(path = "block.html")]
struct BlockPage {
	head: Head,
	b: BlockView,
	extrinsics: Vec<ExtrinsicView>,
	events: Vec<EventView>,
}

#[derive(Template)]
#[template(path = "extrinsic.html")]
struct ExtrinsicPage {
	head: Head,
	x: ExtrinsicView,
	events: Vec<EventView>,
	sync: Vec<SyncRowView>,
}

#[derive(Template)]
#[template(path = "event.html")]
struct EventPage {
	head: Head,
	e: EventView,
}

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
	head: Head,
	address: String,
	public_key: String,
	free: String,
	reserved: String,
	frozen: String,
	nonce: String,
	first_block: String,
	extrinsics: Vec<ExtrinsicView>,
	events: Vec<EventView>,
	sync: Vec<SyncRowView>,
}

struct ModelRowView {
	id: String,
	name: String,
	owner: String,
	owner_short: String,
	versions: usize,
	status: String,
	status_class: &'static str,
	last_block: i64,
}

#[derive(Template)]
#[template(path = "models.html")]
struct ModelsPage {
	head: Head,
	models: Vec<ModelRowView>,
}

struct VersionRowView {
	model_id: String,
	label: String,
	onnx_hash: String,
	quantized_hash: String,
	proving_key_hash: String,
	verifying_key: String,
	act_bits: String,
	inputs_html: String,
	outputs_html: String,
	modes: String,
	status: String,
	status_class: &'static str,
	block: String,
	deposit: String,
	sync_status: String,
	sync_class: &'static str,
	/// Key ceremony: status (empty without one), its badge class, a summary.
	key_status: String,
	key_class: &'static str,
	key_summary: String,
	verifying_key_hash: String,
	srs_insecure: bool,
}

struct ModelDetailView {
	id: String,
	name: String,
	owner: String,
	proposed_owner: String,
	registered_in: String,
	versions: Vec<VersionRowView>,
}

#[derive(Template)]
#[template(path = "model.html")]
struct ModelPage {
	head: Head,
	m: ModelDetailView,
	sync: Vec<SyncRowView>,
	history: Vec<HistoryView>,
}

struct RequestRowView {
	id: String,
	model_id: String,
	requester: String,
	requester_short: String,
	status: String,
	status_class: &'static str,
	last_block: i64,
}

#[derive(Template)]
#[template(path = "requests.html")]
struct RequestsPage {
	head: Head,
	requests: Vec<RequestRowView>,
}

struct RequestDetailView {
	id: String,
	model_id: String,
	fee: String,
	deadline: String,
	rejections: usize,
	lapses: usize,
	requester: String,
	executor: String,
	mode: String,
	input_html: String,
	output_html: String,
	output_real: String,
	proof_html: String,
	status: String,
	status_class: &'static str,
	requested_in: String,
	verified_in: String,
	latency: String,
}

#[derive(Template)]
#[template(path = "request.html")]
struct RequestPage {
	head: Head,
	r: RequestDetailView,
	history: Vec<HistoryView>,
}

/// A round of the ceremony in a table.
struct RoundRowView {
	round: String,
	participants: String,
	block: i64,
}

fn round_rows(rounds: &[ceremony::Round]) -> Vec<RoundRowView> {
	rounds
		.iter()
		.map(|r| RoundRowView {
			round: opt_str(r.round),
			participants: opt_str(r.participants),
			block: r.block,
		})
		.collect()
}

/// A missed turn in a table.
struct SkippedRowView {
	round: String,
	who: String,
	who_short: String,
	block: i64,
}

fn skipped_rows(skipped: &[ceremony::SkippedTurn]) -> Vec<SkippedRowView> {
	skipped
		.iter()
		.map(|t| SkippedRowView {
			round: opt_str(t.round),
			who_short: short_hash(&t.who),
			who: t.who.clone(),
			block: t.block,
		})
		.collect()
}

struct SrsContributionRowView {
	n: usize,
	round: String,
	who: String,
	who_short: String,
	block: i64,
	event: String,
	srs_hash: String,
	outcome: String,
	outcome_class: &'static str,
	settled_in: String,
	transcript: String,
	ok: usize,
	bad: usize,
	/// Who attested what, e.g. `5FHneW…694ty ok · 5FLSig…cS59Y bad`.
	attestations: String,
}

struct SealVoteRowView {
	who: String,
	who_short: String,
	srs_hash: String,
	block: i64,
}

struct SrsDetailView {
	status: String,
	status_class: &'static str,
	/// The insecure development SRS.
	insecure: bool,
	/// Whether the state was read at all (else the insecure flag is unknown).
	state_read: bool,
	max_domain: String,
	phase: String,
	round: String,
	accepted: String,
	participants: Vec<String>,
	turn: String,
	deadline: String,
	pending: String,
	timing: String,
	transcript: String,
	srs_hash: String,
	final_srs_hash: String,
	beacon_block: String,
	beacon_value: String,
	beacon_scheduled_in: String,
	beacon_applied_in: String,
	sealed_in: String,
	domains: String,
	state_at: String,
}

#[derive(Template)]
#[template(path = "ceremony.html")]
struct SrsPage {
	head: Head,
	s: SrsDetailView,
	rounds: Vec<RoundRowView>,
	contributions: Vec<SrsContributionRowView>,
	skipped: Vec<SkippedRowView>,
	seal_votes: Vec<SealVoteRowView>,
	bases: Vec<BasesRowView>,
	history: Vec<HistoryView>,
}

struct BasesRowView {
	domain_size: String,
	who: String,
	who_short: String,
	bases_hash: String,
	block: i64,
}

struct KeyContributionRowView {
	n: usize,
	round: String,
	who: String,
	who_short: String,
	block: i64,
	event: String,
	proving_key: String,
	transcript: String,
	/// Refutations and removal, or empty.
	refuted: String,
}

struct KeyDetailView {
	model_id: String,
	family: String,
	model_name: String,
	label: String,
	status: String,
	status_class: &'static str,
	srs_insecure: bool,
	domain_size: String,
	round: String,
	started_in: String,
	participants: Vec<String>,
	turn: String,
	deadline: String,
	contribution_count: usize,
	proving_key: String,
	verifying_key_hash: String,
	verifying_key_len: String,
	verifying_key_final: bool,
	transcript: String,
	model_hash: String,
	finalized_in: String,
	failed_in: String,
	state_at: String,
}

#[derive(Template)]
#[template(path = "key_ceremony.html")]
struct KeyPage {
	head: Head,
	k: KeyDetailView,
	rounds: Vec<RoundRowView>,
	contributions: Vec<KeyContributionRowView>,
	skipped: Vec<SkippedRowView>,
	history: Vec<HistoryView>,
}

// ---- lookups shared by pages and API ------------------------------------

async fn find_block(db: &Db, id: &str) -> Result<Option<BlockRow>> {
	let id = id.trim();
	if let Ok(n) = id.parse::<i64>() {
		return db.block_by_number(n).await;
	}
	db.block_by_hash(&id.to_ascii_lowercase()).await
}

fn parse_pair(id: &str) -> Option<(i64, i64)> {
	let (a, b) = id.trim().split_once('-')?;
	Some((a.parse().ok()?, b.parse().ok()?))
}

async fn find_extrinsic(db: &Db, id: &str) -> Result<Option<ExtrinsicRow>> {
	if let Some((b, i)) = parse_pair(id) {
		return db.extrinsic(b, i).await;
	}
	if id.starts_with("0x") {
		return db.extrinsic_by_hash(&id.to_ascii_lowercase()).await;
	}
	Ok(None)
}

async fn model(db: &Db, id: &str) -> Result<Option<ModelView>> {
	let h = db.entity_history("model", id).await?;
	Ok((!h.is_empty()).then(|| entities::model_view(id, h)))
}

/// A model version, with its key ceremony's status and final keys (from
/// the ceremony's state at the indexed head).
async fn version(db: &Db, model_id: &str) -> Result<Option<VersionView>> {
	let h = db.entity_history("version", model_id).await?;
	if h.is_empty() {
		return Ok(None);
	}
	let mut v = entities::version_view(model_id, h);
	if v.key_status.is_some() || v.zk.is_some() {
		v.srs_insecure = srs_insecure(db).await?;
		if let Some(k) = key(db, model_id, &v.history).await? {
			v.key_status = Some(k.status.clone());
			if k.status == "final" {
				v.proving_key_hash = k.proving_key.or(v.proving_key_hash.take());
				v.verifying_key_len = k.verifying_key_len;
				v.verifying_key_hash = k.verifying_key_hash;
			}
		}
	}
	Ok(Some(v))
}

/// Phase 1 of the setup ceremony.
async fn srs(db: &Db) -> Result<SrsView> {
	let (kind, id) = ceremony::SRS_ENTITY;
	let history = db.entity_history(kind, id).await?;
	let state = db.runtime_state(ceremony::SRS_STATE).await?;
	Ok(ceremony::srs_view(history, state))
}

/// Whether the chain runs on the insecure development SRS, as read at the
/// indexed head (`None` if never read).
async fn srs_insecure(db: &Db) -> Result<Option<bool>> {
	Ok(db
		.runtime_state(ceremony::SRS_STATE)
		.await?
		.and_then(|(_, s)| s["info"].get("insecure").and_then(Json::as_bool)))
}

/// The key ceremony of model version `model_id`, from its history.
async fn key(db: &Db, model_id: &str, history: &[EntityEvent]) -> Result<Option<KeyView>> {
	let state = db.runtime_state(&ceremony::key_state(model_id)).await?;
	Ok(ceremony::key_view(
		model_id,
		history,
		state,
		srs_insecure(db).await?,
	))
}

async fn model_versions(db: &Db, m: &ModelView) -> Result<Vec<VersionView>> {
	let mut out = Vec::new();
	for id in &m.version_ids {
		if let Some(v) = version(db, id).await? {
			out.push(v);
		}
	}
	Ok(out)
}

/// Synchronous inferences matching `filter`, newest first, dequantized with
/// their model versions' output formats.
async fn sync_inferences(
	db: &Db,
	filter: SyncFilter<'_>,
	limit: i64,
) -> Result<Vec<SyncInferenceView>> {
	let mut versions = std::collections::HashMap::new();
	let mut out = Vec::new();
	for row in db.sync_inferences(filter, limit).await? {
		if !versions.contains_key(&row.model_id) {
			versions.insert(row.model_id.clone(), version(db, &row.model_id).await?);
		}
		let v = versions.get(&row.model_id).and_then(Option::as_ref);
		out.push(entities::sync_inference_view(row, v));
	}
	Ok(out)
}

fn sync_rows(views: &[SyncInferenceView]) -> Vec<SyncRowView> {
	views.iter().map(SyncRowView::from).collect()
}

async fn request(db: &Db, id: &str) -> Result<Option<RequestView>> {
	let h = db.entity_history("request", id).await?;
	if h.is_empty() {
		return Ok(None);
	}
	let model_id = entities::request_view(id, h.clone(), None, |_| None).model_id;
	let version = match model_id {
		Some(m) => version(db, &m).await?,
		None => None,
	};
	let mut times = std::collections::HashMap::new();
	for e in &h {
		times.insert(e.block_number, db.block_timestamp(e.block_number).await?);
	}
	Ok(Some(entities::request_view(id, h, version.as_ref(), |b| {
		times.get(&b).copied().flatten()
	})))
}

/// Where a search for `q` leads: `(kind, url)`.
async fn resolve_search(db: &Db, q: &str) -> Result<Option<(&'static str, String)>> {
	let q = q.trim();
	if q.is_empty() {
		return Ok(None);
	}
	let lower = q.to_ascii_lowercase();
	if matches!(
		lower.as_str(),
		"ceremony" | "srs" | "setup" | "setup ceremony"
	) {
		return Ok(Some(("ceremony", "/ceremony".into())));
	}
	for prefix in ["ceremony", "key"] {
		if let Some(rest) = lower.strip_prefix(prefix) {
			let id = rest.trim_start_matches([':', ' ', '#']).trim();
			if !id.is_empty() {
				let h = db.entity_history("version", id).await?;
				if h.iter().any(|e| e.name.starts_with("Ceremony.")) {
					return Ok(Some(("key", format!("/version/{id}/ceremony"))));
				}
			}
		}
	}
	for (prefix, kind) in [
		("request", "request"),
		("req", "request"),
		("model", "model"),
		("version", "version"),
	] {
		if let Some(rest) = lower.strip_prefix(prefix) {
			let id = rest.trim_start_matches([':', ' ', '#']).trim();
			if !id.is_empty() && !db.entity_history(kind, id).await?.is_empty() {
				return Ok(Some((kind, format!("/{kind}/{id}"))));
			}
		}
	}
	if let Ok(n) = q.parse::<i64>() {
		if db.block_by_number(n).await?.is_some() {
			return Ok(Some(("block", format!("/block/{n}"))));
		}
	}
	if let Some((b, i)) = parse_pair(q) {
		if db.extrinsic(b, i).await?.is_some() {
			return Ok(Some(("extrinsic", format!("/extrinsic/{b}-{i}"))));
		}
	}
	if lower.starts_with("0x") {
		if db.block_by_hash(&lower).await?.is_some() {
			return Ok(Some(("block", format!("/block/{lower}"))));
		}
		if let Some(x) = db.extrinsic_by_hash(&lower).await? {
			return Ok(Some(("extrinsic", format!("/extrinsic/{}", x.id()))));
		}
	}
	// Request and model ids may be numbers or hashes.
	for kind in ["request", "model", "version"] {
		for candidate in [q, lower.as_str()] {
			if !db.entity_history(kind, candidate).await?.is_empty() {
				return Ok(Some((kind, format!("/{kind}/{candidate}"))));
			}
		}
	}
	if let Some(address) = ss58::normalize(q) {
		return Ok(Some(("account", format!("/account/{address}"))));
	}
	Ok(None)
}

// ---- pages ---------------------------------------------------------------

async fn home(State(state): State<AppState>) -> PageResult {
	let head = head(&state).await?;
	let blocks = state.db.latest_blocks(20, None).await?;
	let extrinsics = state.db.latest_signed_extrinsics(10).await?;
	let srs = srs(&state.db).await?;
	page(HomePage {
		srs_class: ceremony_class(&srs.status),
		srs_insecure: srs.insecure == Some(true),
		srs_status: srs.status,
		head,
		blocks: blocks.iter().map(BlockView::from).collect(),
		extrinsics: extrinsics.iter().map(ExtrinsicView::from).collect(),
		extrinsic_total: state.db.extrinsic_count().await?,
		model_total: state.db.latest_entities("model", 10_000).await?.len(),
		request_total: state.db.latest_entities("request", 10_000).await?.len(),
	})
}

async fn block_page(State(state): State<AppState>, Path(id): Path<String>) -> PageResult {
	let Some(b) = find_block(&state.db, &id).await? else {
		return Ok(not_found(
			"Block not found",
			&format!("No indexed block {id}."),
		));
	};
	let extrinsics = state.db.block_extrinsics(b.number).await?;
	let events = state.db.block_events(b.number).await?;
	page(BlockPage {
		head: head(&state).await?,
		b: BlockView::from(&b),
		extrinsics: extrinsics.iter().map(ExtrinsicView::from).collect(),
		events: events.iter().map(EventView::from).collect(),
	})
}

async fn extrinsic_page(State(state): State<AppState>, Path(id): Path<String>) -> PageResult {
	let Some(x) = find_extrinsic(&state.db, &id).await? else {
		return Ok(not_found(
			"Extrinsic not found",
			&format!("No indexed extrinsic {id}."),
		));
	};
	let events = state.db.extrinsic_events(x.block_number, x.idx).await?;
	let sync =
		sync_inferences(&state.db, SyncFilter::Extrinsic(x.block_number, x.idx), 100).await?;
	page(ExtrinsicPage {
		head: head(&state).await?,
		x: ExtrinsicView::from(&x),
		events: events.iter().map(EventView::from).collect(),
		sync: sync_rows(&sync),
	})
}

async fn event_page(State(state): State<AppState>, Path(id): Path<String>) -> PageResult {
	let found = match parse_pair(&id) {
		Some((b, i)) => state.db.event(b, i).await?,
		None => None,
	};
	let Some(e) = found else {
		return Ok(not_found(
			"Event not found",
			&format!("No indexed event {id}."),
		));
	};
	page(EventPage {
		head: head(&state).await?,
		e: EventView::from(&e),
	})
}

/// Live balance of an account from the node: (free, reserved, frozen, nonce).
async fn live_account(state: &AppState, public: &[u8; 32]) -> Option<Json> {
	let node = state.node().await?;
	match tokio::time::timeout(Duration::from_secs(5), node.account_info(public)).await {
		Ok(Ok(Some(info))) => Some(info),
		Ok(Ok(None)) => {
			Some(json!({ "nonce": 0, "data": { "free": 0, "reserved": 0, "frozen": 0 } }))
		}
		_ => None,
	}
}

async fn account_page(State(state): State<AppState>, Path(address): Path<String>) -> PageResult {
	let Some(address) = ss58::normalize(&address) else {
		return Ok(not_found(
			"Not an account",
			&format!("{address} is not an SS58 address or a 32-byte public key."),
		));
	};
	let public = ss58::decode(&address).expect("normalized addresses decode");
	let info = live_account(&state, &public).await;
	let amount = |field: &str| {
		info.as_ref()
			.and_then(|i| i["data"].get(field))
			.and_then(json_u128)
			.map(format::vrt)
			.unwrap_or_else(|| "unavailable (node unreachable)".into())
	};
	let extrinsics = state.db.account_extrinsics(&address, 50).await?;
	let events = state.db.account_events(&address, 50).await?;
	let sync = sync_inferences(&state.db, SyncFilter::Who(&address), 50).await?;
	page(AccountPage {
		head: head(&state).await?,
		public_key: format!("0x{}", hex::encode(public)),
		free: amount("free"),
		reserved: amount("reserved"),
		frozen: amount("frozen"),
		nonce: info
			.as_ref()
			.and_then(|i| i.get("nonce"))
			.map(|n| n.to_string())
			.unwrap_or_default(),
		first_block: opt_str(state.db.account_first_block(&address).await?),
		address,
		extrinsics: extrinsics.iter().map(ExtrinsicView::from).collect(),
		events: events.iter().map(EventView::from).collect(),
		sync: sync_rows(&sync),
	})
}

async fn models_page(State(state): State<AppState>) -> PageResult {
	let mut models = Vec::new();
	for (id, last) in state.db.latest_entities("model", 200).await? {
		if let Some(m) = model(&state.db, &id).await? {
			let owner = m.owner.clone().unwrap_or_default();
			let versions = model_versions(&state.db, &m).await?;
			let active = versions.iter().filter(|v| v.status == "active").count();
			models.push(ModelRowView {
				id,
				name: m.name.clone().unwrap_or_default(),
				owner_short: short_hash(&owner),
				owner,
				versions: versions.len(),
				status: if active > 0 {
					format!("{active} active")
				} else {
					"deprecated".into()
				},
				status_class: if active > 0 { "ok" } else { "bad" },
				last_block: last,
			});
		}
	}
	page(ModelsPage {
		head: head(&state).await?,
		models,
	})
}

/// The on-chain bound on a synchronous inference's work, if it was ever set
/// (else the runtime's `MaxSyncWork`).
async fn sync_work_bound(db: &Db) -> Result<Option<u64>> {
	Ok(db
		.entity_history("setting", "sync_work_bound")
		.await?
		.last()
		.and_then(|e| e.data.get("bound"))
		.and_then(Json::as_u64))
}

/// `enabled (work N)`, with a warning when the work bound set later is below it.
fn sync_status(v: &VersionView, bound: Option<u64>) -> String {
	match (v.sync_work, v.sync_set_in) {
		(Some(work), _) => match bound.filter(|b| work > *b) {
			Some(b) => format!("enabled (work {work}), above the work bound {b}: refused"),
			None => format!("enabled (work {work})"),
		},
		(None, Some(_)) => "disabled".into(),
		(None, None) => "not enabled".into(),
	}
}

fn version_row(v: &VersionView, bound: Option<u64>) -> VersionRowView {
	let modes: Vec<&str> = [
		(v.supports_zk == Some(true)).then_some("Zk"),
		(v.supports_vanilla == Some(true)).then_some("Vanilla"),
	]
	.into_iter()
	.flatten()
	.collect();
	let o = |s: &Option<String>| s.clone().unwrap_or_else(|| "—".into());
	VersionRowView {
		model_id: v.model_id.clone(),
		label: o(&v.label),
		onnx_hash: o(&v.onnx_hash),
		quantized_hash: o(&v.quantized_hash),
		proving_key_hash: match (&v.proving_key_hash, v.key_status.as_deref()) {
			(Some(h), _) => h.clone(),
			(None, Some(status)) if status != "final" => {
				format!("none yet (key ceremony {status})")
			}
			(None, _) => "—".into(),
		},
		verifying_key: match (v.verifying_key_len, v.key_status.as_deref()) {
			(Some(n), _) => format!("{n} bytes"),
			(None, Some("final")) => "final (not read from the node yet)".into(),
			(None, Some(status)) => format!("none yet (key ceremony {status})"),
			(None, None) => "none".into(),
		},
		act_bits: v
			.act_bits
			.as_ref()
			.map(|b| b.to_string())
			.unwrap_or_default(),
		inputs_html: v.inputs.as_ref().map(value_html).unwrap_or_default(),
		outputs_html: v.outputs.as_ref().map(value_html).unwrap_or_default(),
		modes: modes.join(", "),
		status_class: status_class(&v.status),
		status: v.status.clone(),
		block: opt_str(v.registered_in),
		deposit: v
			.deposit
			.as_ref()
			.and_then(json_u128)
			.map(format::vrt)
			.unwrap_or_default(),
		sync_status: sync_status(v, bound),
		sync_class: match (v.sync_work, bound) {
			(Some(w), Some(b)) if w > b => "warn",
			(Some(_), _) => "ok",
			(None, _) => "muted",
		},
		key_status: v.key_status.clone().unwrap_or_default(),
		key_class: ceremony_class(v.key_status.as_deref().unwrap_or_default()),
		key_summary: key_summary(v),
		verifying_key_hash: o(&v.verifying_key_hash),
		srs_insecure: v.srs_insecure == Some(true),
	}
}

/// `1 contribution`, `round 2, 0 contributions so far`, ...
fn key_summary(v: &VersionView) -> String {
	let count = |name: &str| {
		v.history
			.iter()
			.filter(|e| e.source == "event" && e.name == name)
			.count()
	};
	let contributions = count("Ceremony.KeyContributed");
	let plural = if contributions == 1 { "" } else { "s" };
	let domain =
		v.zk.as_ref()
			.and_then(|z| z.get("domain_size"))
			.map(|d| format!(", domain {d}"))
			.unwrap_or_default();
	match v.key_status.as_deref() {
		Some("pending") => format!(
			"round {}, {contributions} contribution{plural} so far{domain}",
			count("Ceremony.KeyCeremonyStarted").max(1)
		),
		Some(_) => format!("{contributions} contribution{plural}{domain}"),
		None => String::new(),
	}
}

/// Synchronous inferences of a model family's versions.
async fn family_sync_inferences(
	db: &Db,
	m: &ModelView,
	limit: i64,
) -> Result<Vec<SyncInferenceView>> {
	sync_inferences(db, SyncFilter::Models(&m.version_ids), limit).await
}

async fn model_page(State(state): State<AppState>, Path(id): Path<String>) -> PageResult {
	let Some(m) = model(&state.db, &id).await? else {
		return Ok(not_found(
			"Model not found",
			&format!("No model family {id} in the indexed chain."),
		));
	};
	let versions = model_versions(&state.db, &m).await?;
	let sync = family_sync_inferences(&state.db, &m, 100).await?;
	let bound = sync_work_bound(&state.db).await?;
	page(ModelPage {
		head: head(&state).await?,
		m: ModelDetailView {
			id: m.id.clone(),
			name: m.name.clone().unwrap_or_default(),
			owner: m.owner.clone().unwrap_or_default(),
			proposed_owner: m.proposed_owner.clone().unwrap_or_default(),
			registered_in: opt_str(m.registered_in),
			versions: versions.iter().map(|v| version_row(v, bound)).collect(),
		},
		sync: sync_rows(&sync),
		history: history_views(&m.history),
	})
}

/// A version's page is its family's.
async fn version_page(State(state): State<AppState>, Path(id): Path<String>) -> PageResult {
	match version(&state.db, &id).await?.and_then(|v| v.family) {
		Some(family) => Ok(Redirect::to(&format!("/model/{family}#version-{id}")).into_response()),
		None => Ok(not_found(
			"Model version not found",
			&format!("No model version {id} in the indexed chain."),
		)),
	}
}

fn phase_text(status: &str, insecure: bool) -> String {
	match status {
		"contributing" => "contributing: the participants add their secrets in turn".into(),
		"beacon" => "beacon: the turns are over; waiting for the beacon block".into(),
		"sealing" => {
			"sealing: the beacon is applied; the participants vote for the final SRS".into()
		}
		"final" if insecure => {
			"final: the insecure development SRS, final at genesis (no ceremony)".into()
		}
		"final" => "final: model key ceremonies may start".into(),
		_ => "unknown: no ceremony events and no state read from the node yet".into(),
	}
}

fn opt_text(v: &Option<String>) -> String {
	v.clone().unwrap_or_default()
}

async fn srs_page(State(state): State<AppState>) -> PageResult {
	let v = srs(&state.db).await?;
	let insecure = v.insecure == Some(true);
	let beacon = v.beacon.clone().unwrap_or_default();
	let contributions = v
		.contributions
		.iter()
		.enumerate()
		.map(|(i, c)| SrsContributionRowView {
			n: i + 1,
			round: opt_str(c.round),
			who_short: short_hash(&c.who),
			who: c.who.clone(),
			block: c.block,
			event: c.event.clone(),
			srs_hash: opt_text(&c.srs_hash),
			outcome_class: ceremony_class(&c.outcome),
			outcome: c.outcome.clone(),
			settled_in: opt_str(c.settled_in),
			transcript: opt_text(&c.transcript),
			ok: c.ok,
			bad: c.bad,
			attestations: c
				.attestations
				.iter()
				.map(|a| format!("{} {}", short_hash(&a.who), if a.ok { "ok" } else { "bad" }))
				.collect::<Vec<_>>()
				.join(" · "),
		})
		.collect();
	let seal_votes = v
		.seal_votes
		.iter()
		.map(|s| SealVoteRowView {
			who_short: short_hash(&s.who),
			who: s.who.clone(),
			srs_hash: opt_text(&s.srs_hash),
			block: s.block,
		})
		.collect();
	let timing = v
		.timing
		.as_ref()
		.map(|t| {
			format!(
				"{} blocks per turn, {} to check a contribution, beacon {} blocks after the last turn",
				t["contribution"], t["check"], t["beacon_delay"]
			)
		})
		.unwrap_or_default();
	let pending = v
		.pending
		.as_ref()
		.map(|p| {
			format!(
				"{} by {}: {} ok, {} bad so far",
				as_str(&p["srs_hash"]),
				as_str(&p["who"]),
				p["ok"],
				p["bad"]
			)
		})
		.unwrap_or_default();
	page(SrsPage {
		head: head(&state).await?,
		s: SrsDetailView {
			phase: phase_text(&v.status, insecure),
			status_class: if insecure {
				"bad"
			} else {
				ceremony_class(&v.status)
			},
			status: v.status.clone(),
			insecure,
			state_read: v.state_at.is_some(),
			max_domain: opt_str(v.max_domain),
			round: opt_str(v.round),
			accepted: opt_str(v.accepted),
			participants: v.participants.clone(),
			turn: opt_text(&v.turn),
			deadline: opt_str(v.deadline),
			pending,
			timing,
			transcript: opt_text(&v.transcript),
			srs_hash: opt_text(&v.srs_hash),
			final_srs_hash: opt_text(&v.final_srs_hash),
			beacon_block: opt_str(beacon.block),
			beacon_value: opt_text(&beacon.value),
			beacon_scheduled_in: opt_str(beacon.scheduled_in),
			beacon_applied_in: opt_str(beacon.applied_in),
			sealed_in: opt_str(v.sealed_in),
			domains: opt_str(v.domains),
			state_at: opt_str(v.state_at),
		},
		rounds: round_rows(&v.rounds),
		contributions,
		skipped: skipped_rows(&v.skipped),
		seal_votes,
		bases: v
			.bases
			.iter()
			.map(|b| BasesRowView {
				domain_size: opt_str(b.domain_size),
				who_short: short_hash(&b.who),
				who: b.who.clone(),
				bases_hash: opt_text(&b.bases_hash),
				block: b.block,
			})
			.collect(),
		history: history_views(&v.history),
	})
}

fn as_str(v: &Json) -> String {
	match v {
		Json::String(s) => s.clone(),
		Json::Null => String::new(),
		other => other.to_string(),
	}
}

async fn key_page(State(state): State<AppState>, Path(id): Path<String>) -> PageResult {
	let Some(v) = version(&state.db, &id).await? else {
		return Ok(not_found(
			"Model version not found",
			&format!("No model version {id} in the indexed chain."),
		));
	};
	let Some(k) = key(&state.db, &id, &v.history).await? else {
		return Ok(not_found(
			"No key ceremony",
			&format!("Model version {id} has no key ceremony (it was registered without zk support, or before the ceremony)."),
		));
	};
	let m = match &v.family {
		Some(f) => model(&state.db, f).await?,
		None => None,
	};
	let contributions = k
		.contributions
		.iter()
		.enumerate()
		.map(|(i, c)| KeyContributionRowView {
			n: i + 1,
			round: opt_str(c.round),
			who_short: short_hash(&c.who),
			who: c.who.clone(),
			block: c.block,
			event: c.event.clone(),
			proving_key: opt_text(&c.proving_key),
			transcript: opt_text(&c.transcript),
			refuted: match (c.removed_in, c.refuted_by.len()) {
				(Some(at), n) => format!("removed in block {at} (refuted by {n})"),
				(None, 0) => String::new(),
				(None, n) => format!("refuted by {n}"),
			},
		})
		.collect();
	page(KeyPage {
		head: head(&state).await?,
		k: KeyDetailView {
			model_id: k.model_id.clone(),
			family: opt_text(&v.family),
			model_name: m.and_then(|m| m.name).unwrap_or_default(),
			label: opt_text(&v.label),
			status_class: ceremony_class(&k.status),
			status: k.status.clone(),
			srs_insecure: k.srs_insecure == Some(true),
			domain_size: opt_str(k.domain_size),
			round: opt_str(k.round),
			started_in: opt_str(k.started_in),
			participants: k.participants.clone(),
			turn: opt_text(&k.turn),
			deadline: opt_str(k.deadline),
			contribution_count: k.contributions.len(),
			proving_key: opt_text(&k.proving_key),
			verifying_key_hash: opt_text(&k.verifying_key_hash),
			verifying_key_len: opt_str(k.verifying_key_len),
			verifying_key_final: k.status == "final",
			transcript: opt_text(&k.transcript),
			model_hash: opt_text(&k.model_hash),
			finalized_in: opt_str(k.finalized_in),
			failed_in: opt_str(k.failed_in),
			state_at: opt_str(k.state_at),
		},
		rounds: round_rows(&k.rounds),
		contributions,
		skipped: skipped_rows(&k.skipped),
		history: history_views(&k.history),
	})
}

async fn requests_page(State(state): State<AppState>) -> PageResult {
	let mut requests = Vec::new();
	for (id, last) in state.db.latest_entities("request", 200).await? {
		let h = state.db.entity_history("request", &id).await?;
		let r = entities::request_view(&id, h, None, |_| None);
		let requester = r.requester.clone().unwrap_or_default();
		requests.push(RequestRowView {
			model_id: r.model_id.clone().unwrap_or_default(),
			requester_short: short_hash(&requester),
			requester,
			status_class: status_class(&r.status),
			status: r.status,
			last_block: last,
			id,
		});
	}
	page(RequestsPage {
		head: head(&state).await?,
		requests,
	})
}

fn opt_value_html(v: &Option<Json>) -> String {
	v.as_ref()
		.map(value_html)
		.unwrap_or_else(|| "<span class=\"muted\">none</span>".into())
}

async fn request_page(State(state): State<AppState>, Path(id): Path<String>) -> PageResult {
	let Some(r) = request(&state.db, &id).await? else {
		return Ok(not_found(
			"Request not found",
			&format!("No inference request {id} in the indexed chain."),
		));
	};
	let history = history_views(&r.history);
	page(RequestPage {
		head: head(&state).await?,
		r: RequestDetailView {
			id: r.id.clone(),
			model_id: r.model_id.clone().unwrap_or_default(),
			fee: r
				.fee
				.as_ref()
				.and_then(json_u128)
				.map(format::vrt)
				.unwrap_or_default(),
			deadline: opt_str(r.deadline.as_ref()),
			rejections: r.rejections,
			lapses: r.lapses,
			requester: r.requester.clone().unwrap_or_default(),
			executor: r.executor.clone().unwrap_or_default(),
			mode: r.mode.clone().unwrap_or_default(),
			input_html: opt_value_html(&r.input),
			output_html: opt_value_html(&r.output),
			output_real: dequantized_str(&r.output_dequantized),
			proof_html: opt_value_html(&r.proof),
			status_class: status_class(&r.status),
			status: r.status.clone(),
			requested_in: opt_str(r.requested_in),
			verified_in: opt_str(r.verified_in),
			latency: match (r.requested_in, r.verified_in, r.latency_ms) {
				(Some(a), Some(b), Some(ms)) => {
					format!("{} blocks, {:.1} s", b - a, ms as f64 / 1000.0)
				}
				(Some(a), Some(b), None) => format!("{} blocks", b - a),
				_ => "—".into(),
			},
		},
		history,
	})
}

#[derive(Deserialize)]
struct SearchQuery {
	#[serde(default)]
	q: String,
}

async fn search_page(
	State(state): State<AppState>,
	Query(SearchQuery { q }): Query<SearchQuery>,
) -> PageResult {
	match resolve_search(&state.db, &q).await? {
		Some((_, url)) => Ok(Redirect::to(&url).into_response()),
		None => Ok(not_found(
			"Nothing found",
			&format!("Nothing matches “{}”. Try a block number or hash, an extrinsic id like 12-1, an account address, or a request id.", q.trim()),
		)),
	}
}

// ---- JSON API ------------------------------------------------------------

async fn api_status(State(state): State<AppState>) -> PageResult {
	let h = head(&state).await?;
	Ok(AxumJson(json!({
		"best_indexed": h.best,
		"finalized": h.finalized,
		"node_best": state.db.best_seen().await?,
		"node": h.node,
		"blocks": state.db.block_count().await?,
		"extrinsics": state.db.extrinsic_count().await?,
		"database": if state.db.is_postgres() { "postgres" } else { "sqlite" },
		"sync_work_bound": sync_work_bound(&state.db).await?,
		"srs": srs_status(&state.db).await?,
	}))
	.into_response())
}

/// Phase 1 in short for `/api/status`: `status`, `insecure`, `max_domain`,
/// `final_srs_hash`, `state_at`; `null` on a chain without the ceremony.
async fn srs_status(db: &Db) -> Result<Json> {
	let v = srs(db).await?;
	if v.status == "unknown" && v.state_at.is_none() {
		return Ok(Json::Null);
	}
	Ok(json!({
		"status": v.status,
		"insecure": v.insecure,
		"max_domain": v.max_domain,
		"final_srs_hash": v.final_srs_hash,
		"state_at": v.state_at,
	}))
}

async fn api_srs(State(state): State<AppState>) -> PageResult {
	Ok(AxumJson(srs(&state.db).await?).into_response())
}

async fn api_key(State(state): State<AppState>, Path(id): Path<String>) -> PageResult {
	let Some(v) = version(&state.db, &id).await? else {
		return Ok(api_not_found("model version"));
	};
	match key(&state.db, &id, &v.history).await? {
		Some(k) => Ok(AxumJson(k).into_response()),
		None => Ok(api_not_found("key ceremony")),
	}
}

#[derive(Deserialize)]
struct Paging {
	limit: Option<i64>,
	before: Option<i64>,
}

async fn api_blocks(State(state): State<AppState>, Query(p): Query<Paging>) -> PageResult {
	let limit = p.limit.unwrap_or(20).clamp(1, 100);
	Ok(AxumJson(state.db.latest_blocks(limit, p.before).await?).into_response())
}

async fn api_block(State(state): State<AppState>, Path(id): Path<String>) -> PageResult {
	let Some(b) = find_block(&state.db, &id).await? else {
		return Ok(api_not_found("block"));
	};
	let extrinsics = state.db.block_extrinsics(b.number).await?;
	let events = state.db.block_events(b.number).await?;
	Ok(AxumJson(json!({ "block": b, "extrinsics": extrinsics, "events": events })).into_response())
}

async fn api_extrinsic(State(state): State<AppState>, Path(id): Path<String>) -> PageResult {
	let Some(x) = find_extrinsic(&state.db, &id).await? else {
		return Ok(api_not_found("extrinsic"));
	};
	let events = state.db.extrinsic_events(x.block_number, x.idx).await?;
	Ok(AxumJson(json!({ "id": x.id(), "extrinsic": x, "events": events })).into_response())
}

async fn api_event(State(state): State<AppState>, Path(id): Path<String>) -> PageResult {
	let found = match parse_pair(&id) {
		Some((b, i)) => state.db.event(b, i).await?,
		None => None,
	};
	match found {
		Some(e) => Ok(AxumJson(json!({ "id": e.id(), "event": e })).into_response()),
		None => Ok(api_not_found("event")),
	}
}

async fn api_account(State(state): State<AppState>, Path(address): Path<String>) -> PageResult {
	let Some(address) = ss58::normalize(&address) else {
		return Ok(api_not_found("account"));
	};
	let public = ss58::decode(&address).expect("normalized addresses decode");
	Ok(AxumJson(json!({
		"address": address,
		"public_key": format!("0x{}", hex::encode(public)),
		"info": live_account(&state, &public).await,
		"first_block": state.db.account_first_block(&address).await?,
		"extrinsics": state.db.account_extrinsics(&address, 50).await?,
		"events": state.db.account_events(&address, 50).await?,
		"computed": sync_inferences(&state.db, SyncFilter::Who(&address), 50).await?,
	}))
	.into_response())
}

async fn model_json(db: &Db, m: ModelView) -> Result<Json> {
	let versions = model_versions(db, &m).await?;
	Ok(json!({ "model": m, "versions": versions }))
}

async fn api_models(State(state): State<AppState>) -> PageResult {
	let mut out = Vec::new();
	for (id, _) in state.db.latest_entities("model", 200).await? {
		if let Some(m) = model(&state.db, &id).await? {
			out.push(model_json(&state.db, m).await?);
		}
	}
	Ok(AxumJson(out).into_response())
}

async fn api_model(State(state): State<AppState>, Path(id): Path<String>) -> PageResult {
	match model(&state.db, &id).await? {
		Some(m) => Ok(AxumJson(model_json(&state.db, m).await?).into_response()),
		None => Ok(api_not_found("model")),
	}
}

async fn api_version(State(state): State<AppState>, Path(id): Path<String>) -> PageResult {
	match version(&state.db, &id).await? {
		Some(v) => Ok(AxumJson(v).into_response()),
		None => Ok(api_not_found("model version")),
	}
}

#[derive(Deserialize)]
struct Limit {
	limit: Option<i64>,
}

impl Limit {
	fn get(&self) -> i64 {
		self.limit.unwrap_or(50).clamp(1, 500)
	}
}

async fn api_computed(State(state): State<AppState>, Query(l): Query<Limit>) -> PageResult {
	Ok(AxumJson(sync_inferences(&state.db, SyncFilter::All, l.get()).await?).into_response())
}

async fn api_model_computed(
	State(state): State<AppState>,
	Path(id): Path<String>,
	Query(l): Query<Limit>,
) -> PageResult {
	match model(&state.db, &id).await? {
		Some(m) => {
			Ok(AxumJson(family_sync_inferences(&state.db, &m, l.get()).await?).into_response())
		}
		None => Ok(api_not_found("model")),
	}
}

async fn api_version_computed(
	State(state): State<AppState>,
	Path(id): Path<String>,
	Query(l): Query<Limit>,
) -> PageResult {
	if version(&state.db, &id).await?.is_none() {
		return Ok(api_not_found("model version"));
	}
	let ids = [id];
	Ok(
		AxumJson(sync_inferences(&state.db, SyncFilter::Models(&ids), l.get()).await?)
			.into_response(),
	)
}

async fn api_requests(State(state): State<AppState>) -> PageResult {
	let mut out = Vec::new();
	for (id, _) in state.db.latest_entities("request", 200).await? {
		if let Some(r) = request(&state.db, &id).await? {
			out.push(r);
		}
	}
	Ok(AxumJson(out).into_response())
}

async fn api_request(State(state): State<AppState>, Path(id): Path<String>) -> PageResult {
	match request(&state.db, &id).await? {
		Some(r) => Ok(AxumJson(r).into_response()),
		None => Ok(api_not_found("request")),
	}
}

async fn api_search(
	State(state): State<AppState>,
	Query(SearchQuery { q }): Query<SearchQuery>,
) -> PageResult {
	match resolve_search(&state.db, &q).await? {
		Some((kind, url)) => Ok(AxumJson(json!({ "kind": kind, "url": url })).into_response()),
		None => Ok(api_not_found("match")),
	}
}

/// Server-sent events: `block` and `finalized` as JSON.
async fn stream(
	State(state): State<AppState>,
) -> Sse<impl Stream<Item = std::result::Result<Event, Infallible>>> {
	let updates = BroadcastStream::new(state.updates.subscribe()).filter_map(|u| {
		let u = u.ok()?;
		let name = match &u {
			Update::Block { .. } => "block",
			Update::Finalized { .. } => "finalized",
		};
		Event::default().event(name).json_data(&u).ok().map(Ok)
	});
	Sse::new(updates).keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
}
