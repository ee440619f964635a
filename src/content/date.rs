//! Dates in content and session files: a TOML local date (`1980-05-17`) or the same as a
//! string, read into `chrono::NaiveDate` with a message a person can act on.

use std::fmt;

use chrono::NaiveDate;
use serde::de::{self, Deserialize, Deserializer};
use serde::{Serialize, Serializer};

/// A calendar date as written in TOML; a time or offset is refused, not silently dropped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub NaiveDate);

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

/// Parses `YYYY-MM-DD`, the only form advisers and content use.
pub fn parse_iso(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .ok()
        .filter(|d| writable(*d))
        .ok_or_else(|| format!("`{text}` is not a date: write it as YYYY-MM-DD, e.g. 2026-03-10"))
}

/// True for a date a TOML file can hold: a year from 0000 to 9999. Every way a date comes in
/// (typed, or read from a file) refuses others, so every date held can be saved and read back
/// as it was (chrono alone reads `+12345-01-01` and `-0001-01-01`).
pub fn writable(date: NaiveDate) -> bool {
    (0..=9999).contains(&chrono::Datelike::year(&date))
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match toml::Value::deserialize(deserializer)? {
            toml::Value::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
                (Some(d), None, None) => {
                    NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
                        .map(Date)
                        .ok_or_else(|| de::Error::custom(format!("{dt} is not a real date")))
                }
                _ => Err(de::Error::custom(format!(
                    "`{dt}` has a time or offset: write just the date, e.g. 2026-03-10"
                ))),
            },
            toml::Value::String(s) => parse_iso(&s).map(Date).map_err(de::Error::custom),
            other => Err(de::Error::custom(format!(
                "expected a date like 2026-03-10, found {}",
                other.type_str()
            ))),
        }
    }
}

impl Serialize for Date {
    /// Written back as a TOML local date so hand-edited and saved files look alike. A year TOML
    /// cannot hold is an error, never silently another date.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if !writable(self.0) {
            return Err(serde::ser::Error::custom(format!(
                "{} is outside the years 0000 to 9999 a session file holds",
                self.0
            )));
        }
        let date = toml::value::Date {
            year: u16::try_from(chrono::Datelike::year(&self.0)).unwrap_or(0),
            month: u8::try_from(chrono::Datelike::month(&self.0)).unwrap_or(1),
            day: u8::try_from(chrono::Datelike::day(&self.0)).unwrap_or(1),
        };
        toml::value::Datetime {
            date: Some(date),
            time: None,
            offset: None,
        }
        .serialize(serializer)
    }
}

/// A moment (to the second, local time) as a TOML local date-time, for "last changed" stamps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Stamp(pub chrono::NaiveDateTime);

impl fmt::Display for Stamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d %H:%M"))
    }
}

impl<'de> Deserialize<'de> for Stamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = match toml::Value::deserialize(deserializer)? {
            // The form this program writes, read without formatting and parsing it again
            // (listing ten thousand sessions reads ten thousand of these).
            toml::Value::Datetime(toml::value::Datetime {
                date: Some(d),
                time: Some(t),
                offset: None,
            }) if t.nanosecond.is_none() => {
                let date = NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into());
                let time = chrono::NaiveTime::from_hms_nano_opt(
                    t.hour.into(),
                    t.minute.into(),
                    t.second.unwrap_or(0).into(),
                    0,
                );
                if let (Some(date), Some(time)) = (date, time) {
                    return Ok(Stamp(date.and_time(time)));
                }
                format!("{d}T{t}")
            }
            toml::Value::Datetime(dt) => dt.to_string(),
            toml::Value::String(s) => s,
            other => {
                return Err(de::Error::custom(format!(
                    "expected a date and time like 2026-03-10T14:30:00, found {}",
                    other.type_str()
                )));
            }
        };
        [
            "%Y-%m-%dT%H:%M:%S",
            "%Y-%m-%d %H:%M:%S",
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%d %H:%M",
        ]
        .iter()
        .find_map(|f| chrono::NaiveDateTime::parse_from_str(&text, f).ok())
        .map(Stamp)
        .ok_or_else(|| {
            de::Error::custom(format!(
                "`{text}` is not a date and time like 2026-03-10T14:30:00"
            ))
        })
    }
}

impl Serialize for Stamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let text = self.0.format("%Y-%m-%dT%H:%M:%S").to_string();
        match text.parse::<toml::value::Datetime>() {
            Ok(dt) => dt.serialize(serializer),
            Err(_) => serializer.serialize_str(&text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Date;
    use chrono::NaiveDate;

    #[derive(serde::Deserialize, serde::Serialize)]
    struct Holder {
        d: Date,
    }

    #[test]
    fn reads_toml_dates_and_strings() {
        let a: Holder = toml::from_str("d = 2024-02-29").unwrap();
        assert_eq!(a.d.0, NaiveDate::from_ymd_opt(2024, 2, 29).unwrap());
        let b: Holder = toml::from_str("d = \"2024-02-29\"").unwrap();
        assert_eq!(b.d, a.d);
    }

    #[test]
    fn refuses_times_and_impossible_dates() {
        let e = toml::from_str::<Holder>("d = 2024-02-29T10:00:00")
            .err()
            .unwrap();
        assert!(e.message().contains("has a time"), "{}", e.message());
        let e = toml::from_str::<Holder>("d = \"2023-02-29\"")
            .err()
            .unwrap();
        assert!(e.message().contains("not a date"), "{}", e.message());
        let e = toml::from_str::<Holder>("d = 5").err().unwrap();
        assert!(e.message().contains("expected a date"), "{}", e.message());
    }

    #[test]
    fn a_date_read_is_a_date_that_can_be_written_back() {
        // Found by the fuzzing campaign: "+12345-01-01" was read and then failed every save;
        // "-0001-01-01" was read and saved as the year 0.
        for text in ["d = \"+12345-01-01\"", "d = \"-0001-01-01\""] {
            assert!(toml::from_str::<Holder>(text).is_err(), "{text}");
        }
        let far = Holder {
            d: Date(NaiveDate::from_ymd_opt(-1, 1, 1).unwrap()),
        };
        assert!(
            toml::to_string(&far).is_err(),
            "never written as another date"
        );
        let edge: Holder = toml::from_str("d = \"9999-12-31\"").unwrap();
        let back: Holder = toml::from_str(&toml::to_string(&edge).unwrap()).unwrap();
        assert_eq!(back.d, edge.d);
    }

    #[test]
    fn stamps_round_trip() {
        #[derive(serde::Deserialize, serde::Serialize)]
        struct S {
            at: super::Stamp,
        }
        let s: S = toml::from_str("at = 2026-11-25T10:30:00").unwrap();
        let text = toml::to_string(&s).unwrap();
        assert_eq!(text.trim(), "at = 2026-11-25T10:30:00");
    }

    #[test]
    fn writes_a_toml_date() {
        let h = Holder {
            d: Date(NaiveDate::from_ymd_opt(1980, 5, 17).unwrap()),
        };
        assert_eq!(toml::to_string(&h).unwrap().trim(), "d = 1980-05-17");
    }
}
