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
            toml::Value::Float(f) => {
                let pence = (f * 100.0).round();
                if !f.is_finite() || (f * 100.0 - pence).abs() > 1e-6 || pence.abs() > 1e15 {
                    return Err(refuse(&f.to_string()));
                }
                #[allow(clippy::cast_possible_truncation)] // bounded above
                Ok(Pounds(Money(pence as i64)))
            }
            toml::Value::String(s) => Money::parse_pounds(&s)
                .map(Pounds)
                .ok_or_else(|| refuse(&format!("`{s}`"))),
            other => Err(refuse(other.type_str())),
        }
    }
}

impl Serialize for Pounds {
    /// Written as a decimal number of pounds, as a person would type it.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[allow(clippy::cast_precision_loss)] // amounts are far below 2^52 pence
        let pounds = self.0.0 as f64 / 100.0;
        serializer.serialize_f64(pounds)
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
}
