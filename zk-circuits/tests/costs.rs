//! Constraint counts of the example models: the structural parts exactly, the
//! weight-dependent total within 5 % of the documented numbers (the example
//! models may be re-trained), and the per-part breakdown printed.

mod common;

#[test]
fn example_model_constraint_counts() {
	for (name, inputs, documented) in [
		("mlp_digits8", 64, 3_024),
		("mlp_digits28", 784, 21_009),
		("lenet5", 784, 283_852),
	] {
		let model = common::example(name);
		let report = verity_zk::circuit::cost_report(&model).unwrap();
		let total: usize = report.iter().map(|(_, n)| n).sum();
		println!("{name}: {total}");
		for (part, n) in &report {
			println!("  {n:>8}  {part}");
		}
		// 16 bits per input value; one Poseidon permutation (396) per 8 packed
		// elements of 15 values, plus the public-input row.
		assert_eq!(report[0].1, inputs * 16, "{name} input range checks");
		let permutations = inputs.div_ceil(15).div_ceil(8);
		assert_eq!(
			report[1].1,
			permutations * 396 + 1,
			"{name} input commitment"
		);
		assert!(
			total * 100 <= documented * 105 && total * 100 >= documented * 95,
			"{name}: {total}"
		);
		assert_eq!(verity_zk::circuit_stats(&model).unwrap().constraints, total);
	}
}
