//! Constraint counts of the example models (a regression guard on the
//! compiler's cost; update deliberately) and the per-part breakdown.

mod common;

#[test]
fn example_model_constraint_counts() {
	for (name, expected) in [
		("mlp_digits8", 3_024),
		("mlp_digits28", 21_009),
		("lenet5", 283_852),
	] {
		let model = common::example(name);
		let report = verity_zk::circuit::cost_report(&model).unwrap();
		let total: usize = report.iter().map(|(_, n)| n).sum();
		println!("{name}: {total}");
		for (part, n) in &report {
			println!("  {n:>8}  {part}");
		}
		assert_eq!(total, expected, "{name}");
		assert_eq!(verity_zk::circuit_stats(&model).unwrap().constraints, total);
	}
}
