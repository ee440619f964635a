//! Money in content and session files: pounds written as a TOML number or string, read into
//! whole pence. Depends on `rules::money`.

use serde::de::{self, Deserialize, Deserializer};
use serde::{Serialize, Serializer};

use crate::rules::money::Money;

/// Pounds as written by a person (`123`, `90.50`, `"6,396.00"`), held exactly as pence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pounds(pub Money);

impl<'de> Deserialize<'de> for Pounds {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let refuse = |what: &str| {
            de::Error::custom(format!(
                "{what} is not an amount of money: write pounds with at most two decimal places, e.g. 90.50"
            ))
        };
        match toml::Value::deserialize(deserializer)? {
            toml::Value::Integer(i) => i
                .checked_mul(100)
                .map(|p| Pounds(Money(p)))
                .ok_or_else(|| refuse(&i.to_string())),
            toml::Value::Float(f) => pence_of(f)
                .map(|p| Pounds(Money(p)))
                .ok_or_else(|| refuse(&f.to_string())),
            toml::Value::String(s) => Money::parse_pounds(&s)
                .map(Pounds)
                .ok_or_else(|| refuse(&format!("`{s}`"))),
            other => Err(refuse(other.type_str())),
        }
    }
}

/// The whole pence a TOML float of pounds means, if it means a whole number of pence.
fn pence_of(f: f64) -> Option<i64> {
    let pence = (f * 100.0).round();
    if !f.is_finite() || (f * 100.0 - pence).abs() > 1e-6 || pence.abs() > 1e15 {
        return None;
    }
    #[allow(clippy::cast_possible_truncation)] // bounded above
    Some(pence as i64)
}

impl Serialize for Pounds {
    /// Written as a decimal number of pounds, as a person would type it; an amount a float
    /// would not give back to the penny (a very large one) is written as a string, which is
    /// read back exactly, so every amount that can be typed can be saved and read again.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let pence = self.0.0;
        #[allow(clippy::cast_precision_loss)] // checked: used only when it reads back exactly
        let pounds = pence as f64 / 100.0;
        if pence_of(pounds) == Some(pence) {
            return serializer.serialize_f64(pounds);
        }
        let sign = if pence < 0 { "-" } else { "" };
        let abs = pence.unsigned_abs();
        serializer.serialize_str(&format!("{sign}{}.{:02}", abs / 100, abs % 100))
    }
}

#[cfg(test)]
mod tests {
    use super::Pounds;
    use crate::rules::money::Money;

    #[derive(serde::Deserialize, serde::Serialize)]
    struct Holder {
        m: Pounds,
    }

    #[test]
    fn reads_numbers_and_strings() {
        for (text, pence) in [
            ("m = 123", 12_300),
            ("m = 90.5", 9_050),
            ("m = \"6,396.00\"", 639_600),
        ] {
            let h: Holder = toml::from_str(text).unwrap();
            assert_eq!(h.m.0, Money(pence), "{text}");
        }
    }

    #[test]
    fn refuses_fractions_of_a_penny() {
        assert!(toml::from_str::<Holder>("m = 1.234").is_err());
        assert!(toml::from_str::<Holder>("m = true").is_err());
    }

    #[test]
    fn round_trips() {
        let h = Holder {
            m: Pounds(Money(900_000)),
        };
        let text = toml::to_string(&h).unwrap();
        let back: Holder = toml::from_str(&text).unwrap();
        assert_eq!(back.m, h.m);
    }

    #[test]
    fn every_amount_reads_back_to_the_penny_even_where_a_float_would_not() {
        // Found by the fuzzing campaign: 12345678901234.56 typed as earnings was saved as a
        // float that read back as a fraction of a penny, so the session file could not be
        // opened again.
        for pence in [
            0,
            1,
            -1,
            639_600,
            1_234_567_890_123_456,
            -1_234_567_890_123_456,
            999_999_999_999_999,
            i64::MAX,
            i64::MIN + 1,
        ] {
            let h = Holder {
                m: Pounds(Money(pence)),
            };
            let text = toml::to_string(&h).unwrap();
            let back: Holder = toml::from_str(&text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(back.m, h.m, "{text}");
        }
        assert_eq!(
            toml::to_string(&Holder {
                m: Pounds(Money(9_050))
            })
            .unwrap(),
            "m = 90.5\n"
        );
    }
}
