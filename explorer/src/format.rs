//! Formatting helpers for pages: amounts, times, and decoded values as HTML.

use serde_json::Value as Json;

use crate::ss58;

/// Plancks per VRT (12 decimals).
pub const PLANCKS_PER_VRT: u128 = 1_000_000_000_000;

/// `1234500000000` → `1.2345 VRT`.
pub fn vrt(plancks: u128) -> String {
	let whole = plancks / PLANCKS_PER_VRT;
	let frac = plancks % PLANCKS_PER_VRT;
	let whole = group_thousands(whole);
	if frac == 0 {
		format!("{whole} VRT")
	} else {
		let f = format!("{frac:012}");
		format!("{whole}.{} VRT", f.trim_end_matches('0'))
	}
}

/// A decimal plancks string as VRT, or the string as is.
pub fn vrt_str(plancks: &str) -> String {
	plancks
		.parse::<u128>()
		.map(vrt)
		.unwrap_or_else(|_| plancks.to_string())
}

fn group_thousands(n: u128) -> String {
	let s = n.to_string();
	let mut out = String::with_capacity(s.len() + s.len() / 3);
	for (i, c) in s.chars().enumerate() {
		if i > 0 && (s.len() - i).is_multiple_of(3) {
			out.push(',');
		}
		out.push(c);
	}
	out
}

/// Milliseconds since the epoch as `YYYY-MM-DD HH:MM:SS UTC`.
pub fn utc(ms: i64) -> String {
	let secs = ms.div_euclid(1000);
	let days = secs.div_euclid(86_400);
	let rem = secs.rem_euclid(86_400);
	// Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
	let z = days + 719_468;
	let era = z.div_euclid(146_097);
	let doe = z.rem_euclid(146_097);
	let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
	let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	let mp = (5 * doy + 2) / 153;
	let d = doy - (153 * mp + 2) / 5 + 1;
	let m = if mp < 10 { mp + 3 } else { mp - 9 };
	let y = yoe + era * 400 + i64::from(m <= 2);
	format!(
		"{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02} UTC",
		rem / 3600,
		rem % 3600 / 60,
		rem % 60
	)
}

/// Escapes text for HTML.
pub fn esc(s: &str) -> String {
	let mut out = String::with_capacity(s.len());
	for c in s.chars() {
		match c {
			'<' => out.push_str("&lt;"),
			'>' => out.push_str("&gt;"),
			'&' => out.push_str("&amp;"),
			'"' => out.push_str("&quot;"),
			'\'' => out.push_str("&#39;"),
			c => out.push(c),
		}
	}
	out
}

/// Whether `s` is an SS58 address with a valid checksum.
pub fn is_address(s: &str) -> bool {
	(46..=48).contains(&s.len()) && ss58::decode(s).is_some()
}

/// A decoded value as nested HTML tables, with accounts linked.
pub fn value_html(v: &Json) -> String {
	let mut out = String::new();
	write_value(v, &mut out, 0);
	out
}

fn write_value(v: &Json, out: &mut String, depth: usize) {
	match v {
		Json::Null => out.push_str("<span class=\"muted\">none</span>"),
		Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
		Json::Number(n) => out.push_str(&n.to_string()),
		Json::String(s) if is_address(s) => out.push_str(&format!(
			"<a class=\"mono\" href=\"/account/{0}\">{0}</a>",
			esc(s)
		)),
		Json::String(s) if s.starts_with("0x") => {
			out.push_str(&format!("<span class=\"mono hex\">{}</span>", esc(s)))
		}
		Json::String(s) => out.push_str(&esc(s)),
		Json::Array(items) if items.is_empty() => out.push_str("<span class=\"muted\">[]</span>"),
		Json::Array(items)
			if depth > 3 || items.iter().all(|i| !i.is_object() && !i.is_array()) =>
		{
			out.push_str("<span class=\"mono\">");
			out.push_str(&esc(&v.to_string()));
			out.push_str("</span>");
		}
		Json::Array(items) => {
			out.push_str("<ol class=\"vlist\">");
			for i in items {
				out.push_str("<li>");
				write_value(i, out, depth + 1);
				out.push_str("</li>");
			}
			out.push_str("</ol>");
		}
		Json::Object(m) if m.is_empty() => out.push_str("<span class=\"muted\">{}</span>"),
		Json::Object(m) => {
			out.push_str("<table class=\"kv nested\">");
			for (k, v) in m {
				out.push_str(&format!("<tr><th>{}</th><td>", esc(k)));
				write_value(v, out, depth + 1);
				out.push_str("</td></tr>");
			}
			out.push_str("</table>");
		}
	}
}

/// A one-line summary of a value (for tables).
pub fn value_summary(v: &Json, max: usize) -> String {
	let s = match v {
		Json::Object(m) if m.is_empty() => String::new(),
		other => other.to_string(),
	};
	if s.chars().count() > max {
		format!("{}…", s.chars().take(max).collect::<String>())
	} else {
		s
	}
}

/// `0x1234…cdef`.
pub fn short_hash(h: &str) -> String {
	if h.len() > 18 {
		format!("{}…{}", &h[..10], &h[h.len() - 6..])
	} else {
		h.to_string()
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn amounts_and_times() {
		assert_eq!(vrt(0), "0 VRT");
		assert_eq!(vrt(1_234_500_000_000), "1.2345 VRT");
		assert_eq!(vrt(1_000_000 * PLANCKS_PER_VRT), "1,000,000 VRT");
		assert_eq!(vrt(1), "0.000000000001 VRT");
		assert_eq!(utc(0), "1970-01-01 00:00:00 UTC");
		assert_eq!(utc(1_700_000_000_000), "2023-11-14 22:13:20 UTC");
		assert_eq!(utc(951_782_400_000), "2000-02-29 00:00:00 UTC");
	}

	#[test]
	fn values_are_escaped_and_linked() {
		let v = serde_json::json!({
			"dest": "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty",
			"note": "<script>",
			"data": "0xdead",
		});
		let html = value_html(&v);
		assert!(html.contains("href=\"/account/5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty\""));
		assert!(html.contains("&lt;script&gt;"));
		assert!(!html.contains("<script>"));
	}
}
