// Code generated from templates/rust/runtime/timestamp.rs by generator/; DO NOT EDIT.
//! Wire forms of time: RFC 3339 UTC timestamps and durations in milliseconds.

use std::fmt;
use std::time::Duration;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::format_description::well_known::Rfc3339;
use time::{OffsetDateTime, UtcOffset};

/// An instant in UTC, RFC 3339 on the wire and in `Display`.
///
/// The default is the Unix epoch (what a field the server left out reads as).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(OffsetDateTime);

impl Timestamp {
    /// The current time.
    pub fn now() -> Self {
        Timestamp(OffsetDateTime::now_utc())
    }

    /// The underlying `time::OffsetDateTime` (UTC).
    pub fn as_offset_date_time(&self) -> OffsetDateTime {
        self.0
    }

    /// Seconds since the Unix epoch.
    pub fn unix_timestamp(&self) -> i64 {
        self.0.unix_timestamp()
    }

    /// Parses RFC 3339 text, normalizing to UTC.
    pub fn parse(text: &str) -> Option<Self> {
        OffsetDateTime::parse(text, &Rfc3339)
            .ok()
            .map(|t| Timestamp(t.to_offset(UtcOffset::UTC)))
    }
}

impl Default for Timestamp {
    fn default() -> Self {
        Timestamp(OffsetDateTime::UNIX_EPOCH)
    }
}

impl From<OffsetDateTime> for Timestamp {
    fn from(t: OffsetDateTime) -> Self {
        Timestamp(t.to_offset(UtcOffset::UTC))
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.format(&Rfc3339) {
            Ok(text) => f.write_str(&text),
            Err(_) => write!(f, "{}", self.0),
        }
    }
}

impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Timestamp::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("not an RFC 3339 timestamp: {text:?}")))
    }
}

/// `#[serde(with = "duration_ms")]`: a `Duration` as integer milliseconds.
pub mod duration_ms {
    use super::*;

    /// Writes whole milliseconds.
    pub fn serialize<S: Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
    }

    /// Reads milliseconds (integers, or floats rounded down; negative is an error).
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
        let ms = f64::deserialize(d)?;
        if !(ms.is_finite() && ms >= 0.0) {
            return Err(serde::de::Error::custom(
                "duration must be a non-negative number of ms",
            ));
        }
        Ok(Duration::from_millis(ms.min(1e15) as u64))
    }
}

/// `#[serde(with = "duration_ms_opt")]`: an optional `Duration` as integer milliseconds.
pub mod duration_ms_opt {
    use super::*;

    /// Writes whole milliseconds (absent values are skipped by the field's attributes).
    pub fn serialize<S: Serializer>(d: &Option<Duration>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => duration_ms::serialize(d, s),
            None => s.serialize_none(),
        }
    }

    /// Reads milliseconds, or null.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Duration>, D::Error> {
        let ms = Option::<f64>::deserialize(d)?;
        match ms {
            None => Ok(None),
            Some(ms) if ms.is_finite() && ms >= 0.0 => {
                Ok(Some(Duration::from_millis(ms.min(1e15) as u64)))
            }
            Some(_) => Err(serde::de::Error::custom(
                "duration must be a non-negative number of ms",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_rfc3339_utc() {
        let t: Timestamp = serde_json::from_str("\"2026-01-02T03:04:05.5+01:00\"").unwrap();
        assert_eq!(t.to_string(), "2026-01-02T02:04:05.5Z");
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            "\"2026-01-02T02:04:05.5Z\""
        );
        assert!(serde_json::from_str::<Timestamp>("\"yesterday\"").is_err());
        assert_eq!(Timestamp::default().unix_timestamp(), 0);
    }

    #[test]
    fn durations_are_ms() {
        #[derive(Serialize, Deserialize)]
        struct W(#[serde(with = "duration_ms")] Duration);
        let w: W = serde_json::from_str("1500").unwrap();
        assert_eq!(w.0, Duration::from_millis(1500));
        assert_eq!(serde_json::to_string(&w).unwrap(), "1500");
        assert!(serde_json::from_str::<W>("-1").is_err());
    }
}
