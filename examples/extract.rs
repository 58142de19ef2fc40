//! Command-line front end: argument parsing and output formatting only.
//!
//! ```text
//! extract [--format pretty|json|jsonl] [PATH...]
//! ```
//! Directories expand to their `*.txt` files in sorted order; with no PATH
//! the text is read from standard input.

use communique::{Document, Extractor};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Pretty,
    Json,
    Jsonl,
}

const USAGE: &str = "usage: extract [--format pretty|json|jsonl] [PATH...]\n\
Extracts repairs, entities and meetings from English diplomatic news.\n\
Directories expand to their *.txt files (sorted); no PATH reads stdin.";

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("extract: {e}");
            ExitCode::from(2)
        }
    }
}

/// Parses arguments; `Err` carries a usage message.
fn parse_args() -> Result<(Format, Vec<PathBuf>), lexopt::Error> {
    use lexopt::prelude::*;
    let mut format = Format::Pretty;
    let mut paths = Vec::new();
    let mut parser = lexopt::Parser::from_env();
    while let Some(arg) = parser.next()? {
        match arg {
            Short('f') | Long("format") => {
                format = match parser.value()?.string()?.as_str() {
                    "pretty" => Format::Pretty,
                    "json" => Format::Json,
                    "jsonl" => Format::Jsonl,
                    other => return Err(format!("unknown format {other:?} (pretty, json or jsonl)").into()),
                }
            }
            Short('h') | Long("help") => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            Value(path) => paths.push(PathBuf::from(path)),
            _ => return Err(arg.unexpected()),
        }
    }
    Ok((format, paths))
}

/// Returns Ok(false) when some input failed (already reported).
fn run() -> io::Result<bool> {
    let (format, paths) = match parse_args() {
        Ok(x) => x,
        Err(e) => {
            eprintln!("extract: {e}\n{USAGE}");
            std::process::exit(2);
        }
    };
    let extractor = Extractor::new();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut ok = true;
    let mut first = true;
    if format == Format::Json {
        writeln!(out, "[")?;
    }
    let inputs: Vec<Input> = if paths.is_empty() { vec![Input::Stdin] } else { expand(&paths, &mut ok) };
    for input in inputs {
        let (name, text) = match input.read() {
            Ok(x) => x,
            Err(msg) => {
                eprintln!("extract: {msg}");
                ok = false;
                continue;
            }
        };
        let doc = extractor.extract(&text).with_source(name);
        match format {
            Format::Jsonl => {
                serde_json::to_writer(&mut out, &doc)?;
                writeln!(out)?;
            }
            Format::Json => {
                if !first {
                    writeln!(out, ",")?;
                }
                serde_json::to_writer_pretty(&mut out, &doc)?;
            }
            Format::Pretty => pretty(&mut out, &text, &doc)?,
        }
        first = false;
        out.flush()?;
    }
    if format == Format::Json {
        writeln!(out, "\n]")?;
    }
    out.flush()?;
    Ok(ok)
}

enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    /// The source name and the text, or a message naming what failed.
    fn read(&self) -> Result<(String, String), String> {
        let (name, bytes) = match self {
            Input::Stdin => {
                let mut buf = Vec::new();
                io::stdin().read_to_end(&mut buf).map_err(|e| format!("<stdin>: {e}"))?;
                ("<stdin>".to_string(), buf)
            }
            Input::File(p) => {
                let bytes = std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()))?;
                (p.display().to_string(), bytes)
            }
        };
        match String::from_utf8(bytes) {
            Ok(text) => Ok((name, text)),
            Err(e) => Err(format!("{name}: not valid UTF-8 at byte {}", e.utf8_error().valid_up_to())),
        }
    }
}

/// Expands directories to their sorted `*.txt` files.
fn expand(paths: &[PathBuf], ok: &mut bool) -> Vec<Input> {
    let mut inputs = Vec::new();
    for p in paths {
        if p.is_dir() {
            match txt_files(p) {
                Ok(files) => inputs.extend(files.into_iter().map(Input::File)),
                Err(e) => {
                    eprintln!("extract: {}: {e}", p.display());
                    *ok = false;
                }
            }
        } else {
            inputs.push(Input::File(p.clone()));
        }
    }
    inputs
}

fn txt_files(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_file() && path.extension().is_some_and(|x| x == "txt") {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Human-readable output: the text with repairs marked, then entities and
/// meetings.
fn pretty(out: &mut impl Write, text: &str, doc: &Document) -> io::Result<()> {
    writeln!(out, "== {}", doc.source.as_deref().unwrap_or("<stdin>"))?;
    let mut prev = 0;
    let mut marked = String::with_capacity(text.len() + doc.repairs.len() * 8);
    for r in &doc.repairs {
        marked.push_str(&text[prev..r.span.start]);
        marked.push_str(&format!("[{} -> {}]", r.original, r.replacement));
        prev = r.span.end;
    }
    marked.push_str(&text[prev..]);
    writeln!(out, "{}", marked.trim_end())?;
    writeln!(
        out,
        "\n-- {} repairs, {} entities, {} meetings",
        doc.repairs.len(),
        doc.entities.len(),
        doc.relations.len()
    )?;
    for e in &doc.entities {
        let mut line = format!("{:<10} {}", e.kind.as_str(), e.canonical);
        if let Some(role) = &e.role {
            let parts: Vec<&str> = [role.title.as_deref(), role.affiliation.as_deref()].into_iter().flatten().collect();
            if !parts.is_empty() {
                line.push_str(&format!(" ({})", parts.join(", ")));
            }
        }
        if e.mentions.len() > 1 {
            let others: Vec<&str> = e.mentions.iter().map(|m| m.text.as_str()).filter(|m| *m != e.canonical).collect();
            if !others.is_empty() {
                line.push_str(&format!(" — also {:?}", others));
            }
        }
        writeln!(out, "  {line}")?;
    }
    for r in &doc.relations {
        // "Beibut Atamkulov (Foreign Minister of Kazakhstan)",
        // "Ingibjörg Sólrún Gísladóttir (Director, ODIHR)".
        let name = |id: &str| -> String {
            let Some(e) = doc.entity(id) else { return id.to_string() };
            let Some(role) = &e.role else { return e.canonical.clone() };
            let mut parts: Vec<&str> = role.title.as_deref().into_iter().collect();
            if let Some(a) = role.affiliation.as_deref() {
                if !parts.iter().any(|t| t.contains(a)) {
                    parts.push(a);
                }
            }
            if parts.is_empty() {
                e.canonical.clone()
            } else {
                format!("{} ({})", e.canonical, parts.join(", "))
            }
        };
        let when = r.date.as_deref().unwrap_or("undated");
        let place = r.place.as_deref().map(|p| format!(" {p}")).unwrap_or_default();
        writeln!(
            out,
            "  {when}{place}: {} met {} — '{}'",
            name(&r.participants[0]),
            name(&r.participants[1]),
            r.trigger
        )?;
    }
    writeln!(out)
}
