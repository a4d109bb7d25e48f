//! The worker's journal: the results it proved and submitted, so that a
//! restarted node neither proves a request again nor forgets to submit it.
//!
//! One JSON file per request (`<request id>.json`) under the journal
//! directory, written atomically (`verity_artifacts::write_atomically`). An entry is
//! written as soon as a proof exists, before the transaction is submitted, and
//! removed once a finalized block no longer has the request open (the result
//! was accepted, or it expired).

use std::{
	collections::BTreeMap,
	fs, io,
	path::{Path, PathBuf},
};

use sp_core::Bytes;

/// The commitments a slice's result is submitted with (canonical
/// little-endian field bytes).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SliceCommitments {
	/// Of the tensor entering the slice; `None` for the first slice.
	pub entering: Option<Bytes>,
	/// Of the tensor leaving it; `None` for the last slice (its output
	/// values are the entry's `output`).
	pub leaving: Option<Bytes>,
}

/// A proved result waiting to be included.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Entry {
	/// The request.
	pub request_id: u64,
	/// Its model.
	pub model_id: u64,
	/// The output integers, as submitted.
	pub output: Vec<i32>,
	/// The proof (empty for a `Vanilla` request).
	pub proof: Bytes,
	/// A slice's commitments (a slice of a sliced version's request):
	/// submitted with `Inference::submit_slice_result`.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub slice: Option<SliceCommitments>,
	/// Best block number when the result was last submitted; `None` if it has
	/// not been submitted since the node started.
	#[serde(skip)]
	pub submitted_at: Option<u32>,
	/// How often the result was submitted (across restarts).
	pub attempts: u32,
}

/// The journal directory and its entries.
pub struct Journal {
	dir: PathBuf,
	entries: BTreeMap<u64, Entry>,
}

impl Journal {
	/// Opens (creating it if needed) the journal in `dir` and loads its entries.
	/// Unreadable files are reported and skipped.
	pub fn open(dir: impl Into<PathBuf>) -> io::Result<Self> {
		let dir = dir.into();
		fs::create_dir_all(&dir)?;
		let mut entries = BTreeMap::new();
		for file in fs::read_dir(&dir)? {
			let path = file?.path();
			let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
			if name.starts_with(".tmp-") {
				let _ = fs::remove_file(&path);
				continue;
			}
			let Some(id) = name
				.strip_suffix(".json")
				.and_then(|n| n.parse::<u64>().ok())
			else {
				continue;
			};
			match fs::read(&path)
				.map_err(|e| e.to_string())
				.and_then(|b| serde_json::from_slice::<Entry>(&b).map_err(|e| e.to_string()))
			{
				Ok(entry) if entry.request_id == id => {
					entries.insert(id, entry);
				}
				Ok(_) => {
					log::warn!(target: "verity-worker", "journal file {} names another request; ignored", path.display())
				}
				Err(e) => {
					log::warn!(target: "verity-worker", "journal file {} is unreadable ({e}); ignored", path.display())
				}
			}
		}
		Ok(Self { dir, entries })
	}

	/// The journal directory.
	pub fn dir(&self) -> &Path {
		&self.dir
	}

	/// The entry of `request_id`.
	pub fn get(&self, request_id: u64) -> Option<&Entry> {
		self.entries.get(&request_id)
	}

	/// Whether `request_id` has an entry.
	pub fn contains(&self, request_id: u64) -> bool {
		self.entries.contains_key(&request_id)
	}

	/// The request ids with entries, ascending.
	pub fn ids(&self) -> Vec<u64> {
		self.entries.keys().copied().collect()
	}

	/// Writes (or replaces) an entry, durably; on an I/O error it is still
	/// kept in memory.
	pub fn put(&mut self, entry: Entry) -> io::Result<()> {
		let id = entry.request_id;
		let bytes = serde_json::to_vec(&entry).map_err(io::Error::other)?;
		let temp = self.dir.join(format!(".tmp-{id}"));
		let written = verity_artifacts::write_atomically(&temp, &self.path(id), &bytes);
		// Kept in memory even if the disk failed.
		self.entries.insert(id, entry);
		written
	}

	/// Updates an entry in memory only (submission bookkeeping).
	/// Removes an entry.
	pub fn remove(&mut self, request_id: u64) -> io::Result<()> {
		self.entries.remove(&request_id);
		match fs::remove_file(self.path(request_id)) {
			Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
			_ => Ok(()),
		}
	}

	fn path(&self, request_id: u64) -> PathBuf {
		self.dir.join(format!("{request_id}.json"))
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn entry(id: u64) -> Entry {
		Entry {
			request_id: id,
			model_id: 3,
			output: vec![-5, 0, 7],
			proof: Bytes(vec![1, 2, 3]),
			slice: (id % 2 == 0).then(|| SliceCommitments {
				entering: Some(Bytes(vec![7; 32])),
				leaving: None,
			}),
			submitted_at: Some(9),
			attempts: 1,
		}
	}

	#[test]
	fn entries_survive_reopening() {
		let dir = tempfile::tempdir().unwrap();
		let mut journal = Journal::open(dir.path()).unwrap();
		journal.put(entry(4)).unwrap();
		journal.put(entry(12)).unwrap();
		journal.remove(4).unwrap();
		journal.remove(99).unwrap();
		fs::write(dir.path().join("garbage.json"), b"{").unwrap();
		fs::write(dir.path().join("7.json"), b"{").unwrap();
		fs::write(dir.path().join(".tmp-8"), b"half").unwrap();

		let reopened = Journal::open(dir.path()).unwrap();
		assert_eq!(reopened.ids(), vec![12]);
		// Submission state is per process: after a restart it is resubmitted.
		let loaded = reopened.get(12).unwrap();
		assert_eq!(loaded.submitted_at, None);
		assert_eq!(
			loaded,
			&Entry {
				submitted_at: None,
				..entry(12)
			}
		);
		assert!(!dir.path().join(".tmp-8").exists());
	}
}
