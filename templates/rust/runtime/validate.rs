//! Checks of the spec's constraints, run before a request is sent.
//!
//! Each check returns the problem as text; the generated validators add the field path and
//! turn it into `DWCPError::Config`.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

/// `value` within [min, max] (either bound optional).
pub fn range<T: PartialOrd + std::fmt::Display + Copy>(value: T, min: Option<T>, max: Option<T>) -> Result<(), String> {
    match (min, max) {
        (Some(lo), Some(hi)) if value < lo || value > hi => Err(format!("must be between {lo} and {hi}, got {value}")),
        (Some(lo), None) if value < lo => Err(format!("must be at least {lo}, got {value}")),
        (None, Some(hi)) if value > hi => Err(format!("must be at most {hi}, got {value}")),
        _ => Ok(()),
    }
}

/// A string's length in characters within [min, max].
pub fn length(value: &str, min: Option<usize>, max: Option<usize>) -> Result<(), String> {
    let n = value.chars().count();
    match (min, max) {
        (Some(lo), _) if n < lo => Err(format!("must have at least {lo} characters, got {n}")),
        (_, Some(hi)) if n > hi => Err(format!("must have at most {hi} characters, got {n}")),
        _ => Ok(()),
    }
}

/// A list of at most `max` items.
pub fn items(count: usize, max: usize) -> Result<(), String> {
    if count > max {
        return Err(format!("must have at most {max} items, got {count}"));
    }
    Ok(())
}

/// One of the allowed words.
pub fn one_of(value: &str, allowed: &[&str]) -> Result<(), String> {
    if allowed.contains(&value) {
        return Ok(());
    }
    Err(format!("must be one of {}, got {value:?}", allowed.join(", ")))
}

/// Matches the spec's regular expression (compiled once per pattern).
pub fn pattern(value: &str, pattern: &'static str) -> Result<(), String> {
    static CACHE: OnceLock<Mutex<HashMap<&'static str, regex_lite::Regex>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let mut cache = cache.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let regex = match cache.get(pattern) {
        Some(regex) => regex,
        None => {
            let compiled = regex_lite::Regex::new(pattern).map_err(|e| format!("bad pattern {pattern}: {e}"))?;
            cache.entry(pattern).or_insert(compiled)
        }
    };
    if regex.is_match(value) {
        return Ok(());
    }
    Err(format!("must match {pattern}, got {value:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks() {
        assert!(range(5u32, Some(1), Some(128)).is_ok());
        assert!(range(0u32, Some(1), Some(128)).unwrap_err().contains("between 1 and 128"));
        assert!(range(2u64, Some(3), None).is_err());
        assert!(length("", Some(1), None).is_err());
        assert!(items(3, 2).is_err());
        assert!(one_of("blue", &["red", "blue"]).is_ok());
        assert!(one_of("x", &["red"]).is_err());
        assert!(pattern("web-1", "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$").is_ok());
        assert!(pattern("Web_1", "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$").is_err());
    }
}
