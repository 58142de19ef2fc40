//! The example binary: formats, directories, stdin, bad files, pipes.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::{Path, PathBuf};

fn bin() -> Command {
    // `cargo test` builds examples, so the binary sits next to the tests.
    let exe = std::env::current_exe().expect("test exe");
    let dir = exe.parent().and_then(Path::parent).expect("target dir");
    let path: PathBuf = dir.join("examples").join(format!("extract{}", std::env::consts::EXE_SUFFIX));
    Command::new(path)
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(name)
}

#[test]
fn jsonl_is_one_object_per_document_with_source() {
    let out = bin().args(["--format", "jsonl"]).arg(fixture("000_9957fd4876894086.txt")).output().expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1);
    let doc: serde_json::Value = serde_json::from_str(lines[0]).expect("JSON");
    assert!(doc["source"].as_str().expect("source").ends_with("000_9957fd4876894086.txt"));
    assert_eq!(doc["repairs"].as_array().expect("repairs").len(), 25);
    for key in ["entities", "relations"] {
        assert!(doc[key].is_array(), "{key} is an array");
    }
}

#[test]
fn json_is_one_array_and_pretty_marks_repairs() {
    let out = bin().args(["--format", "json"]).arg(fixture("000_9957fd4876894086.txt")).output().expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON array");
    assert_eq!(v.as_array().map(Vec::len), Some(1));
    bin()
        .arg(fixture("000_9957fd4876894086.txt"))
        .assert()
        .success()
        .stdout(predicate::str::contains("[theevent -> the event]"));
}

#[test]
fn directories_expand_to_sorted_txt_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("b.txt"), "Second thefloor.").expect("write");
    std::fs::write(dir.path().join("a.txt"), "First theevent.").expect("write");
    std::fs::write(dir.path().join("skip.md"), "not read").expect("write");
    let out = bin().args(["--format", "jsonl"]).arg(dir.path()).output().expect("runs");
    assert!(out.status.success());
    let sources: Vec<String> = String::from_utf8(out.stdout)
        .expect("UTF-8")
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("JSON")["source"].as_str().expect("source").to_string()
        })
        .collect();
    assert_eq!(sources.len(), 2);
    assert!(sources[0].ends_with("a.txt") && sources[1].ends_with("b.txt"));
}

#[test]
fn no_path_reads_stdin() {
    bin()
        .args(["--format", "jsonl"])
        .write_stdin("They met attheevent.")
        .assert()
        .success()
        .stdout(predicate::str::contains("\"source\":\"<stdin>\"").and(predicate::str::contains("at the event")));
}

#[test]
fn bad_files_are_reported_by_name_and_the_rest_processed() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("a.txt"), b"ok text\n").expect("write");
    std::fs::write(dir.path().join("b.txt"), b"caf\xe9 latin-1").expect("write");
    std::fs::write(dir.path().join("c.txt"), b"more text\n").expect("write");
    let out =
        bin().args(["--format", "jsonl"]).arg(dir.path()).arg(dir.path().join("missing.txt")).output().expect("runs");
    assert!(!out.status.success(), "exit status reports the failure");
    let stderr = String::from_utf8(out.stderr).expect("UTF-8");
    assert!(stderr.contains("b.txt: not valid UTF-8 at byte 3"), "{stderr}");
    assert!(stderr.contains("missing.txt"), "{stderr}");
    assert_eq!(String::from_utf8(out.stdout).expect("UTF-8").lines().count(), 2);
}

#[test]
fn a_closed_pipe_exits_quietly() {
    use std::io::Read;
    use std::process::{Command as Std, Stdio};
    let exe = bin().get_program().to_owned();
    let mut child = Std::new(exe)
        .args(["--format", "pretty"])
        .args(std::iter::repeat_n(fixture("002_776b0de49483b812.txt"), 200))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns");
    let mut first = [0u8; 16];
    child.stdout.take().expect("stdout").read_exact(&mut first).expect("some output");
    // stdout is dropped here: the pipe is closed mid-stream.
    let status = child.wait().expect("exits");
    let mut err = String::new();
    child.stderr.take().expect("stderr").read_to_string(&mut err).expect("stderr");
    assert!(status.success(), "status {status:?}, stderr {err}");
    assert!(err.is_empty(), "stderr: {err}");
}

#[test]
fn unknown_format_is_a_usage_error() {
    bin().args(["--format", "xml"]).assert().code(2).stderr(predicate::str::contains("usage"));
}

#[test]
fn pretty_shows_each_meeting_on_one_line() {
    bin().arg(fixture("001_922df78b71b0b3fd.txt")).assert().success().stdout(predicate::str::contains(
        "2019-05-07 Warsaw: Beibut Atamkulov (Foreign Minister of Kazakhstan) met Ingibjörg Sólrún Gísladóttir (Director of the Office",
    ));
}
