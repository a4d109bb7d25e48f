use substrate_build_script_utils::{generate_cargo_keys, rerun_if_git_head_changed};

fn main() {
	// `verity-node --version` shows the commit it was built from.
	generate_cargo_keys();
	rerun_if_git_head_changed();
}
