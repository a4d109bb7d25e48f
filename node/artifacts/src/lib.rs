//! Content-addressed store of model artifacts.
//!
//! A model registered on chain names its artifacts by their blake2-256 hash:
//! the ONNX file (`onnx_hash`), the quantized model file (`quantized_hash`,
//! whose bytes are its canonical bytes) and the Groth16 proving key
//! (`proving_key_hash`). Executors need the bytes behind those hashes; this
//! crate keeps them under a directory, one file per artifact named by its hash
//! in hex, and never hands out bytes that do not hash to what was asked for.
//!
//! * Writes are atomic ([`write_atomically`]: temporary file, fsync, rename,
//!   fsync of the directory), so a crash leaves
//!   either the whole artifact or nothing; leftover temporary files are removed
//!   when the store is opened.
//! * Reads re-hash the bytes: a file corrupted on disk is deleted and reported
//!   as [`Error::Corrupt`], so the caller can fetch it again.
//! * Every artifact is at most [`ArtifactStore::max_len`] bytes, so an upload or
//!   a peer cannot fill the disk with one file.
//!
//! ```
//! # let dir = tempfile::tempdir().unwrap();
//! use verity_artifacts::ArtifactStore;
//!
//! let store = ArtifactStore::open(dir.path(), 1 << 20).unwrap();
//! let hash = store.insert(b"model bytes").unwrap();
//! assert_eq!(store.get(&hash).unwrap().as_deref(), Some(&b"model bytes"[..]));
//! ```

use std::{
	fs,
	io::{self, Write},
	path::{Path, PathBuf},
	sync::atomic::{AtomicU64, Ordering},
};

pub use verity_inference::hash::Hash256;
use verity_inference::hash::{blake2_256, to_hex};

/// Prefix of files being written; never a valid artifact name.
const TEMP_PREFIX: &str = ".tmp-";

/// What can go wrong with an artifact.
#[derive(Debug, thiserror::Error)]
pub enum Error {
	/// The artifact is larger than the store accepts.
	#[error("artifact of {len} bytes exceeds the limit of {max} bytes")]
	TooLarge {
		/// Its length.
		len: usize,
		/// The store's limit.
		max: usize,
	},
	/// The bytes do not hash to the hash they were offered under.
	#[error("artifact bytes hash to {actual}, expected {expected}")]
	HashMismatch {
		/// The hash asked for, `0x`-hex.
		expected: String,
		/// The hash of the bytes received, `0x`-hex.
		actual: String,
	},
	/// The stored file no longer hashes to its name; it has been removed.
	#[error("stored artifact {0} was corrupt and has been removed")]
	Corrupt(String),
	/// The file system failed.
	#[error("artifact store I/O: {0}")]
	Io(#[from] io::Error),
}

/// `Result` with this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

/// An artifact held by the store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArtifactInfo {
	/// blake2-256 of its bytes.
	pub hash: Hash256,
	/// Its length in bytes.
	pub len: u64,
}

/// A directory of artifacts named by their blake2-256 hash.
#[derive(Debug)]
pub struct ArtifactStore {
	dir: PathBuf,
	max_len: usize,
	/// Makes temporary file names unique within this process.
	next_temp: AtomicU64,
}

impl ArtifactStore {
	/// Opens (creating it if needed) the store in `dir`, accepting artifacts
	/// of at most `max_len` bytes. Removes temporary files an interrupted
	/// write left behind.
	pub fn open(dir: impl Into<PathBuf>, max_len: usize) -> Result<Self> {
		let dir = dir.into();
		fs::create_dir_all(&dir)?;
		for entry in fs::read_dir(&dir)? {
			let entry = entry?;
			if entry.file_name().to_string_lossy().starts_with(TEMP_PREFIX) {
				fs::remove_file(entry.path())?;
			}
		}
		Ok(Self {
			dir,
			max_len,
			next_temp: AtomicU64::new(0),
		})
	}

	/// The largest artifact accepted, in bytes.
	pub fn max_len(&self) -> usize {
		self.max_len
	}

	/// The directory the artifacts live in.
	pub fn dir(&self) -> &Path {
		&self.dir
	}

	/// Stores `bytes` and returns their hash. Storing the same bytes again is
	/// a no-op.
	pub fn insert(&self, bytes: &[u8]) -> Result<Hash256> {
		self.check_len(bytes.len())?;
		let hash = blake2_256(bytes);
		self.write(&hash, bytes)?;
		Ok(hash)
	}

	/// Stores `bytes` fetched for `expected`, refusing them (and storing
	/// nothing) unless they hash to it.
	pub fn insert_expected(&self, expected: &Hash256, bytes: &[u8]) -> Result<()> {
		self.check_len(bytes.len())?;
		let actual = blake2_256(bytes);
		if &actual != expected {
			return Err(Error::HashMismatch {
				expected: to_hex(expected),
				actual: to_hex(&actual),
			});
		}
		self.write(expected, bytes)
	}

	/// Whether the artifact is stored (without checking its bytes).
	pub fn contains(&self, hash: &Hash256) -> bool {
		self.path(hash).is_file()
	}

	/// The artifact's bytes, `None` if it is not stored. Bytes that no longer
	/// hash to `hash` are removed and reported as [`Error::Corrupt`].
	pub fn get(&self, hash: &Hash256) -> Result<Option<Vec<u8>>> {
		let path = self.path(hash);
		let bytes = match fs::read(&path) {
			Ok(bytes) => bytes,
			Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
			Err(e) => return Err(e.into()),
		};
		if &blake2_256(&bytes) != hash {
			fs::remove_file(&path)?;
			return Err(Error::Corrupt(to_hex(hash)));
		}
		Ok(Some(bytes))
	}

	/// Every stored artifact, ordered by hash. Files whose names are not
	/// hashes are ignored.
	pub fn list(&self) -> Result<Vec<ArtifactInfo>> {
		let mut artifacts = Vec::new();
		for entry in fs::read_dir(&self.dir)? {
			let entry = entry?;
			let Some(hash) = entry.file_name().to_str().and_then(parse_hash) else {
				continue;
			};
			let meta = entry.metadata()?;
			if meta.is_file() {
				artifacts.push(ArtifactInfo {
					hash,
					len: meta.len(),
				});
			}
		}
		artifacts.sort_by_key(|a| a.hash);
		Ok(artifacts)
	}

	/// Deletes the artifact; `false` if it was not stored.
	pub fn remove(&self, hash: &Hash256) -> Result<bool> {
		match fs::remove_file(self.path(hash)) {
			Ok(()) => Ok(true),
			Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
			Err(e) => Err(e.into()),
		}
	}

	fn check_len(&self, len: usize) -> Result<()> {
		if len > self.max_len {
			return Err(Error::TooLarge {
				len,
				max: self.max_len,
			});
		}
		Ok(())
	}

	fn path(&self, hash: &Hash256) -> PathBuf {
		self.dir.join(&to_hex(hash)[2..])
	}

	/// Writes `bytes` (already known to hash to `hash`) atomically.
	fn write(&self, hash: &Hash256, bytes: &[u8]) -> Result<()> {
		let path = self.path(hash);
		if path.is_file() {
			return Ok(());
		}
		let n = self.next_temp.fetch_add(1, Ordering::Relaxed);
		let temp = self
			.dir
			.join(format!("{TEMP_PREFIX}{}-{n}", std::process::id()));
		Ok(write_atomically(&temp, &path, bytes)?)
	}
}

/// Writes `bytes` to `path` so that a crash leaves either the old file (or
/// none) or the whole new one: they go to `temp` (in the same directory) first,
/// which is fsynced and renamed over `path`, and then the directory is fsynced
/// so the rename itself survives a power loss. `temp` is removed on failure.
pub fn write_atomically(temp: &Path, path: &Path, bytes: &[u8]) -> io::Result<()> {
	let written = (|| {
		let mut file = fs::File::create(temp)?;
		file.write_all(bytes)?;
		file.sync_all()?;
		fs::rename(temp, path)?;
		match path.parent() {
			Some(dir) if !dir.as_os_str().is_empty() => fs::File::open(dir)?.sync_all(),
			_ => fs::File::open(".")?.sync_all(),
		}
	})();
	if written.is_err() {
		let _ = fs::remove_file(temp);
	}
	written
}

/// Parses 64 lowercase hex digits (a file name in the store).
fn parse_hash(name: &str) -> Option<Hash256> {
	if name.len() != 64 || name.bytes().any(|c| c.is_ascii_uppercase()) {
		return None;
	}
	let mut hash = [0u8; 32];
	hex::decode_to_slice(name, &mut hash).ok()?;
	Some(hash)
}

#[cfg(test)]
mod tests {
	use super::*;

	fn store(max_len: usize) -> (tempfile::TempDir, ArtifactStore) {
		let dir = tempfile::tempdir().unwrap();
		let store = ArtifactStore::open(dir.path().join("artifacts"), max_len).unwrap();
		(dir, store)
	}

	#[test]
	fn round_trip_by_blake2_256() {
		let (_dir, store) = store(1024);
		let hash = store.insert(b"onnx").unwrap();
		assert_eq!(hash, blake2_256(b"onnx"));
		assert!(store.contains(&hash));
		assert_eq!(store.get(&hash).unwrap().unwrap(), b"onnx");
		assert_eq!(store.get(&blake2_256(b"other")).unwrap(), None);
		// Storing again changes nothing.
		assert_eq!(store.insert(b"onnx").unwrap(), hash);
		assert_eq!(store.list().unwrap(), vec![ArtifactInfo { hash, len: 4 }]);
	}

	#[test]
	fn bytes_that_do_not_match_the_hash_are_refused() {
		let (_dir, store) = store(1024);
		let expected = blake2_256(b"proving key");
		let err = store.insert_expected(&expected, b"forged key").unwrap_err();
		assert!(matches!(err, Error::HashMismatch { .. }), "{err}");
		assert!(!store.contains(&expected));
		assert!(store.list().unwrap().is_empty());
		store.insert_expected(&expected, b"proving key").unwrap();
		assert_eq!(store.get(&expected).unwrap().unwrap(), b"proving key");
	}

	#[test]
	fn oversized_artifacts_are_refused() {
		let (_dir, store) = store(8);
		assert!(store.insert(&[7; 8]).is_ok());
		let err = store.insert(&[7; 9]).unwrap_err();
		assert!(matches!(err, Error::TooLarge { len: 9, max: 8 }), "{err}");
		let err = store
			.insert_expected(&blake2_256(&[1; 9]), &[1; 9])
			.unwrap_err();
		assert!(matches!(err, Error::TooLarge { .. }), "{err}");
		assert_eq!(store.list().unwrap().len(), 1);
	}

	#[test]
	fn corrupt_files_are_removed_and_reported() {
		let (_dir, store) = store(1024);
		let hash = store.insert(b"quantized model").unwrap();
		fs::write(store.path(&hash), b"quantized modeL").unwrap();
		let err = store.get(&hash).unwrap_err();
		assert!(matches!(err, Error::Corrupt(_)), "{err}");
		assert!(!store.contains(&hash));
		assert_eq!(store.get(&hash).unwrap(), None);
	}

	#[test]
	fn interrupted_writes_and_foreign_files_are_not_artifacts() {
		let (dir, store) = store(1024);
		let hash = store.insert(b"kept").unwrap();
		let root = dir.path().join("artifacts");
		fs::write(root.join(format!("{TEMP_PREFIX}1-0")), b"half").unwrap();
		fs::write(root.join("README"), b"not an artifact").unwrap();
		fs::write(root.join("A".repeat(64)), b"uppercase name").unwrap();
		assert_eq!(store.list().unwrap().len(), 1);

		let reopened = ArtifactStore::open(&root, 1024).unwrap();
		assert!(!root.join(format!("{TEMP_PREFIX}1-0")).exists());
		assert!(root.join("README").exists());
		assert_eq!(reopened.get(&hash).unwrap().unwrap(), b"kept");
	}

	#[test]
	fn removal() {
		let (_dir, store) = store(1024);
		let hash = store.insert(b"gone").unwrap();
		assert!(store.remove(&hash).unwrap());
		assert!(!store.remove(&hash).unwrap());
		assert!(!store.contains(&hash));
	}

	#[test]
	fn concurrent_inserts_of_the_same_artifact() {
		let (_dir, store) = store(1 << 20);
		let bytes = vec![42u8; 512 * 1024];
		std::thread::scope(|s| {
			for _ in 0..4 {
				s.spawn(|| store.insert(&bytes).unwrap());
			}
		});
		let hash = blake2_256(&bytes);
		assert_eq!(store.get(&hash).unwrap().unwrap(), bytes);
		assert_eq!(store.list().unwrap().len(), 1);
	}
}
