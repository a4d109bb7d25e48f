//! Progress of the slow steps (quantizing, uploads, downloads, a key
//! ceremony, waiting for a block) on stderr.
//!
//! On a terminal a step is an animated `indicatif` spinner or byte bar; when
//! stdout or stderr is not a terminal (tests, scripts, pipes) or with
//! `--json`, it is one plain line when it starts and one when it ends, so
//! logs stay readable and stdout carries only the JSON result.

use std::io::IsTerminal;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};

/// Whether steps draw bars (decided once per command).
#[derive(Clone, Copy, Debug)]
pub struct Progress {
	bars: bool,
	/// Plain lines when there are no bars.
	plain: bool,
}

impl Progress {
	/// Bars only when both stdout and stderr are terminals and `json` (the
	/// `--json` switch) is off.
	pub fn new(json: bool) -> Self {
		Progress {
			bars: !json && std::io::stdout().is_terminal() && std::io::stderr().is_terminal(),
			plain: true,
		}
	}

	/// No plain lines without bars: for commands whose stderr was silent
	/// before (`model quantize`), so scripts see only errors there.
	pub fn bars_only(self) -> Self {
		Progress {
			plain: false,
			..self
		}
	}

	/// A step of unknown length: a spinner with the elapsed time.
	pub fn spinner(&self, message: impl Into<String>) -> Step {
		let message = message.into();
		let bar = self.bars.then(|| {
			let bar = ProgressBar::new_spinner().with_style(
				ProgressStyle::with_template("{spinner:.cyan} {msg} [{elapsed}]")
					.expect("a valid template"),
			);
			bar.set_message(message.clone());
			bar.enable_steady_tick(Duration::from_millis(100));
			bar
		});
		if bar.is_none() && self.plain {
			eprintln!("{message} ...");
		}
		Step {
			bar,
			plain: self.plain,
			message,
			status: Mutex::new(String::new()),
			start: Instant::now(),
		}
	}

	/// A step that moves `total` bytes: a bar with bytes done, rate and ETA.
	pub fn bytes(&self, message: impl Into<String>, total: u64) -> Step {
		let message = message.into();
		let bar = self.bars.then(|| {
			let bar = ProgressBar::new(total).with_style(
				ProgressStyle::with_template(
					"{msg} [{bar:30.cyan/blue}] {bytes}/{total_bytes} {binary_bytes_per_sec} {eta}",
				)
				.expect("a valid template")
				.progress_chars("=> "),
			);
			bar.set_message(message.clone());
			bar
		});
		if bar.is_none() && self.plain {
			eprintln!("{message} ({total} bytes) ...");
		}
		Step {
			bar,
			plain: self.plain,
			message,
			status: Mutex::new(String::new()),
			start: Instant::now(),
		}
	}

	/// A line between steps.
	pub fn note(&self, message: impl AsRef<str>) {
		if self.bars || self.plain {
			eprintln!("{}", message.as_ref());
		}
	}
}

/// One running step; [`Step::done`] reports its end (dropping it clears the
/// bar, also when the step failed).
pub struct Step {
	bar: Option<ProgressBar>,
	plain: bool,
	message: String,
	/// The last [`Step::update`] (printed again only when it changes).
	status: Mutex<String>,
	start: Instant,
}

impl Step {
	/// Sets the bytes done so far (byte bars).
	pub fn set_position(&self, done: u64) {
		if let Some(bar) = &self.bar {
			bar.set_position(done);
		}
	}

	/// Shows where a long step stands: after the step's message on the bar,
	/// or as an indented plain line when it differs from the last one.
	pub fn update(&self, status: impl Into<String>) {
		let status = status.into();
		let mut last = self.status.lock().unwrap_or_else(|e| e.into_inner());
		if *last == status {
			return;
		}
		match &self.bar {
			Some(bar) => bar.set_message(format!("{}: {status}", self.message)),
			None if self.plain => eprintln!("  {status}"),
			None => {}
		}
		*last = status;
	}

	/// A line above the bar (an event during the step), or an indented
	/// plain line.
	pub fn println(&self, line: impl AsRef<str>) {
		match &self.bar {
			Some(bar) => bar.println(line.as_ref()),
			None if self.plain => eprintln!("  {}", line.as_ref()),
			None => {}
		}
	}

	/// Seconds since the step started.
	pub fn seconds(&self) -> f64 {
		self.start.elapsed().as_secs_f64()
	}

	/// Ends the step and prints `summary`: after the step's message in place
	/// of the bar, or indented under the plain start line.
	pub fn done(&self, summary: impl AsRef<str>) {
		match &self.bar {
			Some(bar) => {
				bar.finish_and_clear();
				eprintln!("{}: {}", self.message, summary.as_ref());
			}
			None if self.plain => eprintln!("  {}", summary.as_ref()),
			None => {}
		}
	}
}

impl Drop for Step {
	fn drop(&mut self) {
		// A failed step leaves no half-drawn bar behind the error message.
		if let Some(bar) = &self.bar {
			bar.finish_and_clear();
		}
	}
}
