//! One integration-test binary; each module is one concern.

mod api;
mod cli;
mod gold;
mod join;
mod properties;
mod snapshots;
