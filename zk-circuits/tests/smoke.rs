use std::borrow::Cow;
use verity_inference::QuantizedModel;
use verity_zk::circuit::ModelCircuit;
use verity_zk::r1cs::MatrixBackend;

#[test]
fn smoke() {
    for name in ["mlp_digits8", "mlp_digits28"] {
        let bytes = std::fs::read(format!("../models/{name}.qmodel")).unwrap();
        let model = QuantizedModel::from_bytes(&bytes).unwrap();
        let c = ModelCircuit::for_setup(&model).unwrap();
        let mut m = MatrixBackend::new();
        c.synthesize(&mut m).unwrap();
        println!("{name}: {} constraints, {} vars, unsat {:?}", m.num_constraints(), m.assignment.len(), m.first_unsatisfied());
        let _ = Cow::Borrowed(&c.trace);
    }
}
