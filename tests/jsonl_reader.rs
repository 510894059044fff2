//! The unit tests of the `clean` example's JSONL reader
//! (`examples/clean/json.rs`): `cargo test` does not run an example's own
//! tests, and building it as a test would leave the CLI tests without the
//! example binary, so the module is compiled here too.

#[path = "../examples/clean/json.rs"]
mod json;
