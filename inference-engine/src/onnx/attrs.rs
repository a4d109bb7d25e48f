//! Typed access to a node's attributes, with errors that name the node.

use super::proto::{AttributeProto, NodeProto, TensorProto};
use crate::error::{Error, Result};

// AttributeProto.AttributeType values.
const FLOAT: i32 = 1;
const INT: i32 = 2;
const STRING: i32 = 3;
const TENSOR: i32 = 4;
const FLOATS: i32 = 6;
const INTS: i32 = 7;

pub struct Attrs<'a> {
	pub node: &'a str,
	pub op: &'a str,
	list: &'a [AttributeProto],
}

impl<'a> Attrs<'a> {
	pub fn new(node: &'a str, op: &'a str, proto: &'a NodeProto) -> Result<Self> {
		for a in &proto.attribute {
			if a.ref_attr_name.is_some() {
				return Err(Error::node(
					node,
					op,
					"attribute references (functions) are not supported",
				));
			}
		}
		Ok(Attrs {
			node,
			op,
			list: &proto.attribute,
		})
	}

	fn err(&self, reason: String) -> Error {
		Error::node(self.node, self.op, reason)
	}

	fn get(&self, name: &str, ty: i32) -> Result<Option<&'a AttributeProto>> {
		match self.list.iter().find(|a| a.name.as_deref() == Some(name)) {
			None => Ok(None),
			Some(a) => match a.r#type {
				Some(t) if t != ty => {
					Err(self.err(format!("attribute '{name}' has type {t}, expected {ty}")))
				}
				_ => Ok(Some(a)),
			},
		}
	}

	pub fn has(&self, name: &str) -> bool {
		self.list.iter().any(|a| a.name.as_deref() == Some(name))
	}

	pub fn int_opt(&self, name: &str) -> Result<Option<i64>> {
		Ok(self.get(name, INT)?.map(|a| a.i.unwrap_or(0)))
	}

	pub fn int(&self, name: &str, default: i64) -> Result<i64> {
		Ok(self.int_opt(name)?.unwrap_or(default))
	}

	pub fn float(&self, name: &str, default: f32) -> Result<f32> {
		Ok(self
			.get(name, FLOAT)?
			.map(|a| a.f.unwrap_or(0.0))
			.unwrap_or(default))
	}

	pub fn floats(&self, name: &str) -> Result<Option<Vec<f32>>> {
		Ok(self.get(name, FLOATS)?.map(|a| a.floats.clone()))
	}

	pub fn ints(&self, name: &str) -> Result<Option<Vec<i64>>> {
		Ok(self.get(name, INTS)?.map(|a| a.ints.clone()))
	}

	pub fn string(&self, name: &str) -> Result<Option<String>> {
		match self.get(name, STRING)? {
			None => Ok(None),
			Some(a) => {
				let bytes = a.s.clone().unwrap_or_default();
				String::from_utf8(bytes)
					.map(Some)
					.map_err(|_| self.err(format!("attribute '{name}' is not UTF-8")))
			}
		}
	}

	pub fn tensor(&self, name: &str) -> Result<Option<&'a TensorProto>> {
		match self.get(name, TENSOR)? {
			None => Ok(None),
			Some(a) => {
				a.t.as_ref()
					.map(Some)
					.ok_or_else(|| self.err(format!("attribute '{name}' has no tensor")))
			}
		}
	}

	/// A list of non-negative integers of the given length, or the default.
	pub fn usizes(&self, name: &str, len: usize, default: usize) -> Result<Vec<usize>> {
		match self.ints(name)? {
			None => Ok(vec![default; len]),
			Some(v) => {
				if v.len() != len {
					return Err(self.err(format!(
						"attribute '{name}' has {} values, expected {len}",
						v.len()
					)));
				}
				v.iter()
					.map(|&x| {
						usize::try_from(x)
							.ok()
							.filter(|&x| x <= 1 << 20)
							.ok_or_else(|| {
								self.err(format!("attribute '{name}' has invalid value {x}"))
							})
					})
					.collect()
			}
		}
	}
}
