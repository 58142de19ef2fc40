//! Parsers for the gazetteer TSV files; bad lines fail with file:line.

use crate::document::EntityKind;
use crate::error::BuildError;

/// One parsed record.
#[derive(Clone, Debug)]
pub(crate) enum Record {
    Country { id: String, name: String, aliases: Vec<String>, adjectives: Vec<String>, ambiguous: bool },
    Place { name: String, kind: String, country: String, aliases: Vec<String>, ambiguous: bool },
    Body { id: String, name: String, aliases: Vec<String>, parent: String, ambiguous: bool },
    Title { title: String, class: Option<EntityKind>, flags: String },
}

/// Which format a gazetteer file has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GazetteerFormat {
    /// `id, name, aliases, adjectives, capital, flags` (6 columns).
    Countries,
    /// `name, kind (city|region), country id, aliases, flags` (5 columns).
    Places,
    /// `id, name, aliases, parent id, flags` (5 columns).
    Bodies,
    /// `title, class (leader|minister|ambassador|official|honorific), flags` (3 columns).
    Titles,
}

/// A parsed gazetteer file.
#[derive(Clone, Debug)]
pub struct GazetteerFile {
    pub(crate) name: String,
    pub(crate) format: GazetteerFormat,
    pub(crate) records: Vec<Record>,
}

impl GazetteerFile {
    /// Parses `text` in `format`; `name` is used in errors and provenance.
    pub fn parse(name: &str, format: GazetteerFormat, text: &str) -> Result<GazetteerFile, BuildError> {
        let cols = match format {
            GazetteerFormat::Countries => 6,
            GazetteerFormat::Places | GazetteerFormat::Bodies => 5,
            GazetteerFormat::Titles => 3,
        };
        let mut records = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let bad = |reason: String| BuildError::BadLine { file: name.to_string(), line: i + 1, reason };
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').map(str::trim).collect();
            if f.len() != cols {
                return Err(bad(format!("expected {cols} tab-separated columns, found {}", f.len())));
            }
            if f[0].is_empty() || f[1].is_empty() {
                return Err(bad("the first two columns must not be empty".into()));
            }
            let list = |s: &str| -> Vec<String> {
                s.split('|').map(str::trim).filter(|x| !x.is_empty()).map(String::from).collect()
            };
            let ambiguous = |s: &str| s.split(',').any(|x| x.trim() == "ambiguous");
            records.push(match format {
                GazetteerFormat::Countries => Record::Country {
                    id: f[0].into(),
                    name: f[1].into(),
                    aliases: list(f[2]),
                    adjectives: list(f[3]),
                    ambiguous: ambiguous(f[5]),
                },
                GazetteerFormat::Places => {
                    if f[1] != "city" && f[1] != "region" {
                        return Err(bad(format!("kind must be city or region, found {:?}", f[1])));
                    }
                    Record::Place {
                        name: f[0].into(),
                        kind: f[1].into(),
                        country: f[2].into(),
                        aliases: list(f[3]),
                        ambiguous: ambiguous(f[4]),
                    }
                }
                GazetteerFormat::Bodies => Record::Body {
                    id: f[0].into(),
                    name: f[1].into(),
                    aliases: list(f[2]),
                    parent: f[3].into(),
                    ambiguous: ambiguous(f[4]),
                },
                GazetteerFormat::Titles => {
                    let class = match f[1] {
                        "leader" => Some(EntityKind::Leader),
                        "minister" => Some(EntityKind::Minister),
                        "ambassador" => Some(EntityKind::Ambassador),
                        "official" => Some(EntityKind::Official),
                        "honorific" => None,
                        other => return Err(bad(format!("unknown class {other:?}"))),
                    };
                    Record::Title { title: f[0].into(), class, flags: f[2].into() }
                }
            });
        }
        Ok(GazetteerFile { name: name.to_string(), format, records })
    }

    /// Build order: countries before places, bodies and titles.
    pub(crate) fn order(&self) -> u8 {
        match self.format {
            GazetteerFormat::Countries => 0,
            GazetteerFormat::Places => 1,
            GazetteerFormat::Bodies => 2,
            GazetteerFormat::Titles => 3,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_lines_fail_with_file_and_line() {
        let err = GazetteerFile::parse("t.tsv", GazetteerFormat::Titles, "# c\nMinister\tminister\t\nEnvoy\tspy\t\n")
            .expect_err("bad class");
        assert_eq!(err.to_string(), "t.tsv:3: unknown class \"spy\"");
        let err = GazetteerFile::parse("p.tsv", GazetteerFormat::Places, "Astana\tcity\tKZ\n").expect_err("columns");
        assert!(err.to_string().starts_with("p.tsv:1: expected 5"));
    }
}
