//! Verity zk circuits (work in progress).
