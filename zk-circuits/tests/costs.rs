//! Constraint counts of the example models: the structural parts exactly, the
//! weight-dependent total within 5 % of the documented numbers (the example
//! models may be re-trained), and the per-part breakdown printed.

mod common;

#[test]
fn example_model_constraint_counts() {
	for (name, inputs, documented) in [
		("mlp_digits8", 64, 3_056),
		("mlp_digits28", 784, 11_447),
		("lenet5", 784, 159_597),
		("cifar_cnn", 3 * 32 * 32, 886_422),
	] {
		let model = common::example(name);
		let report = verity_zk::circuit::cost_report(&model).unwrap();
		let total: usize = report.iter().map(|(_, n)| n).sum();
		println!("{name}: {total}");
		for (part, n) in &report {
			println!("  {n:>8}  {part}");
		}
		// act_bits per input value; one Poseidon permutation (396) per 8
		// packed elements, plus the public-input row.
		let bits = model.act_bits as usize;
		assert_eq!(report[0].1, inputs * bits, "{name} input range checks");
		let layout = verity_zk::circuit::layout(&model).unwrap();
		let permutations = inputs.div_ceil(layout.values_per_element()).div_ceil(8);
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
