//! The [`Extractor`]: bundled or user data compiled once, then `extract`.

use crate::document::Document;
use crate::error::BuildError;
use crate::gazetteer::{Gazetteer, GazetteerFile, GazetteerFormat};
use crate::repair::lexicon::Lexicon;
use crate::repair::{self, RepairScratch};
use crate::text::{sentence, tokenize};
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};

/// The bundled English frequency lexicon.
const BUNDLED_LEXICON: &str = include_str!("../gazetteers/lexicon_en.txt");

/// Modern and diplomatic words the frequency list lacks.
const BUNDLED_EXTRA_WORDS: &str = include_str!("../gazetteers/words_extra.txt");

/// The bundled gazetteers, with their formats.
const BUNDLED_GAZETTEERS: &[(&str, GazetteerFormat, &str)] = &[
    ("bundled:countries.tsv", GazetteerFormat::Countries, include_str!("../gazetteers/countries.tsv")),
    ("bundled:places.tsv", GazetteerFormat::Places, include_str!("../gazetteers/places.tsv")),
    ("bundled:bodies.tsv", GazetteerFormat::Bodies, include_str!("../gazetteers/bodies.tsv")),
    ("bundled:titles.tsv", GazetteerFormat::Titles, include_str!("../gazetteers/titles.tsv")),
];

/// Compiled data shared by every clone of an [`Extractor`].
#[derive(Debug)]
struct Data {
    lexicon: Lexicon,
    gazetteer: Gazetteer,
    repair: bool,
    entities: bool,
}

/// Extracts repairs, entities and meetings from text.
///
/// Build it once (building parses the data and compiles the automata) and
/// call [`extract`](Extractor::extract) from as many threads as you like:
/// it is `Send + Sync` and cheap to clone.
#[derive(Clone, Debug)]
pub struct Extractor {
    data: Arc<Data>,
}

static BUNDLED: LazyLock<Result<Extractor, String>> =
    LazyLock::new(|| ExtractorBuilder::new().build().map_err(|e| e.to_string()));

impl Extractor {
    /// An extractor with the bundled data. The bundled data is parsed once
    /// per process and shared.
    ///
    /// # Panics
    /// Only if the bundled data files fail to parse, which the crate's own
    /// tests rule out.
    pub fn new() -> Extractor {
        match &*BUNDLED {
            Ok(e) => e.clone(),
            Err(e) => panic!("bundled data is invalid: {e}"),
        }
    }

    /// A builder to add data files or change options.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::new()
    }

    /// Extracts everything from `text`. Never fails and never panics: any
    /// `&str` gives a [`Document`] whose spans are valid for `text`.
    pub fn extract(&self, text: &str) -> Document {
        // About one token per five bytes of news text.
        let mut raw = Vec::with_capacity(text.len() / 4 + 8);
        tokenize::tokenize(text, &mut raw);
        let mut doc = Document::default();
        doc.tokens.reserve(raw.len() + raw.len() / 16);
        if self.data.repair {
            let mut scratch = RepairScratch::default();
            repair::repair(text, &raw, &self.data.lexicon, &mut scratch, &mut doc.tokens, &mut doc.repairs);
        } else {
            doc.tokens = raw;
        }
        sentence::split(text, &doc.tokens, &mut doc.sentences);
        if !self.data.entities {
            return doc;
        }
        doc.entities =
            crate::entities::extract(text, &doc.tokens, &doc.sentences, &self.data.gazetteer, &self.data.lexicon);
        doc.relations = crate::meetings::find(text, &doc.tokens, &doc.sentences, &doc.entities);
        doc.dateline = crate::meetings::dateline(&doc.sentences, &doc.entities);
        doc
    }
}

impl Default for Extractor {
    fn default() -> Extractor {
        Extractor::new()
    }
}

/// Collects options and data files, then [`build`](Self::build)s an
/// [`Extractor`].
#[derive(Clone, Debug)]
pub struct ExtractorBuilder {
    bundled: bool,
    word_files: Vec<PathBuf>,
    gazetteer_files: Vec<(GazetteerFormat, PathBuf)>,
    words: Vec<String>,
    repair: bool,
    entities: bool,
}

impl Default for ExtractorBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl ExtractorBuilder {
    /// A builder with the bundled data and every stage on.
    pub fn new() -> ExtractorBuilder {
        ExtractorBuilder {
            bundled: true,
            word_files: Vec::new(),
            gazetteer_files: Vec::new(),
            words: Vec::new(),
            repair: true,
            entities: true,
        }
    }

    /// Leave out the bundled data; only files you add are used.
    pub fn without_bundled_data(mut self) -> Self {
        self.bundled = false;
        self
    }

    /// Adds a word-frequency file (`word count` per line, most frequent
    /// first) whose words the repair stage treats as known.
    pub fn lexicon_file(mut self, path: impl AsRef<Path>) -> Self {
        self.word_files.push(path.as_ref().to_path_buf());
        self
    }

    /// Adds a gazetteer file in one of the bundled formats (see the headers
    /// of the files in `gazetteers/`); its names are matched like the
    /// bundled ones and never split by the repair stage.
    pub fn gazetteer_file(mut self, format: GazetteerFormat, path: impl AsRef<Path>) -> Self {
        self.gazetteer_files.push((format, path.as_ref().to_path_buf()));
        self
    }

    /// Adds words that must never be split (product names, local terms).
    pub fn known_words<I, S>(mut self, words: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.words.extend(words.into_iter().map(Into::into));
        self
    }

    /// Turns run-together repair on (default) or off.
    pub fn repair(mut self, on: bool) -> Self {
        self.repair = on;
        self
    }

    /// Turns the entity and meeting stages on (default) or off, leaving
    /// tokens, sentences and repairs.
    pub fn entities(mut self, on: bool) -> Self {
        self.entities = on;
        self
    }

    /// Parses the data and compiles the matchers.
    pub fn build(self) -> Result<Extractor, BuildError> {
        let mut lexicon = Lexicon::default();
        if self.bundled {
            lexicon.extend_from_list("bundled:lexicon_en.txt", BUNDLED_LEXICON)?;
            lexicon.extend_known_from_list("bundled:words_extra.txt", BUNDLED_EXTRA_WORDS)?;
        }
        for path in &self.word_files {
            let text = read(path)?;
            lexicon.extend_from_list(&path.display().to_string(), &text)?;
        }
        let mut files = Vec::new();
        if self.bundled {
            for (name, format, text) in BUNDLED_GAZETTEERS {
                files.push(GazetteerFile::parse(name, *format, text)?);
            }
        }
        for (format, path) in &self.gazetteer_files {
            files.push(GazetteerFile::parse(&path.display().to_string(), *format, &read(path)?)?);
        }
        let gazetteer = Gazetteer::build(&files)?;
        // Names in a gazetteer are never split.
        for w in gazetteer.words.iter().filter(|w| w.len() >= 4) {
            lexicon.add_name_word(w);
        }
        for w in &self.words {
            lexicon.add_known(&w.to_lowercase());
        }
        Ok(Extractor { data: Arc::new(Data { lexicon, gazetteer, repair: self.repair, entities: self.entities }) })
    }
}

/// Reads a data file, naming it in the error.
pub(crate) fn read(path: &Path) -> Result<String, BuildError> {
    std::fs::read_to_string(path).map_err(|source| BuildError::Io { path: path.to_path_buf(), source })
}
