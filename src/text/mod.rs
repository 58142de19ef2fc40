//! Text stages that never edit the input: folding, tokens, sentences.

pub mod normalize;
pub mod sentence;
pub mod tokenize;
