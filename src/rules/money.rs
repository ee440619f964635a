//! Money as whole pence, so sums of contributions and rates never pick up floating-point error.
//! Pure: no I/O. Content converts the pounds written in TOML into this type.

use std::fmt;

/// An amount of money in whole pence; legal figures are exact, so no floats.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(pub i64);

impl Money {
    /// Builds an amount from whole pounds, for tests and worked examples.
    pub const fn pounds(pounds: i64) -> Self {
        Money(pounds * 100)
    }

    /// The amount in pence.
    pub const fn pence(self) -> i64 {
        self.0
    }

    /// Multiplies by a whole number (e.g. 50 times the Lower Earnings Limit).
    #[must_use]
    pub const fn times(self, n: i64) -> Self {
        Money(self.0 * n)
    }

    /// Parses pounds written as a decimal with at most two places ("123", "90.5", "6,396.00").
    pub fn parse_pounds(text: &str) -> Option<Self> {
        let cleaned: String = text
            .trim()
            .trim_start_matches('£')
            .chars()
            .filter(|c| *c != ',')
            .collect();
        let (negative, digits) = match cleaned.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, cleaned.as_str()),
        };
        let (whole, frac) = match digits.split_once('.') {
            Some((w, f)) => (w, f),
            None => (digits, ""),
        };
        if whole.is_empty() && frac.is_empty() {
            return None;
        }
        if !whole.chars().all(|c| c.is_ascii_digit())
            || !frac.chars().all(|c| c.is_ascii_digit())
            || frac.len() > 2
        {
            return None;
        }
        let whole: i64 = if whole.is_empty() {
            0
        } else {
            whole.parse().ok()?
        };
        let frac_pence: i64 = match frac.len() {
            0 => 0,
            1 => frac.parse::<i64>().ok()? * 10,
            _ => frac.parse().ok()?,
        };
        let pence = whole.checked_mul(100)?.checked_add(frac_pence)?;
        Some(Money(if negative { -pence } else { pence }))
    }
}

impl fmt::Display for Money {
    /// "£6,396.00": pounds with thousands separators and pence, as advisers write it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let pounds = (abs / 100).to_string();
        let mut grouped = String::new();
        for (i, ch) in pounds.chars().enumerate() {
            if i > 0 && (pounds.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(ch);
        }
        write!(f, "{sign}£{grouped}.{:02}", abs % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::Money;

    #[test]
    fn displays_pounds_with_separators() {
        assert_eq!(Money(639_600).to_string(), "£6,396.00");
        assert_eq!(Money(9_050).to_string(), "£90.50");
        assert_eq!(Money(5).to_string(), "£0.05");
        assert_eq!(Money(-12_345).to_string(), "-£123.45");
    }

    #[test]
    fn parses_pounds() {
        assert_eq!(Money::parse_pounds("123"), Some(Money(12_300)));
        assert_eq!(Money::parse_pounds("90.5"), Some(Money(9_050)));
        assert_eq!(Money::parse_pounds("£6,396.00"), Some(Money(639_600)));
        assert_eq!(Money::parse_pounds("1.234"), None);
        assert_eq!(Money::parse_pounds("abc"), None);
        assert_eq!(Money::parse_pounds(""), None);
    }
}
