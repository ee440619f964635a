//! The two contribution conditions tested year by year, each test keeping its figures so it
//! can explain itself ("2024-25: paid and credited £6,396; needs £6,150 (50 x £123): met").
//!
//! How the weekly figures on an NI record become earnings (our reading, with provisions):
//! - First condition (WRA 2007 Sch 1 para 1(1)(c) and (2); ESA Regs 2013 reg 8): the earnings
//!   are the claimant's *relevant earnings* on which primary Class 1 was paid or treated as
//!   paid, counting only earnings up to the Lower Earnings Limit in each period (reg 8(2):
//!   earnings above the LEL are disregarded), plus the earnings factors from Class 2. So each
//!   week of Class 1 at or above the LEL counts as exactly one LEL, and each Class 2
//!   contribution as one LEL (its earnings factor); `class1_earnings` cannot add anything.
//!   26 x LEL is therefore 26 such weeks.
//! - Second condition (WRA 2007 Sch 1 para 2): the earnings factor from Class 1 or Class 2
//!   paid or credited, or earnings credited. Here Class 1 counts the earnings actually paid on
//!   (`class1_earnings`, when entered), or at least one LEL for each week at or above the LEL;
//!   a Class 2 contribution and a credited week (Credits Regulations 1975: credited with
//!   earnings equal to the LEL) each count one LEL. The upper earnings limit caps Class 1
//!   earnings factors, but 52 weeks at the UEL is far above 50 x LEL, so the cap cannot change
//!   the outcome and is not applied.
//!
//! Pure; depends on `rules::money`, `rules::provenance` and the sibling `years` module.

use crate::rules::money::Money;

use super::years::TaxYear;

/// What the claimant's NI record shows for one tax year, as the adviser enters it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct YearRecord {
    /// The tax year.
    pub tax_year: TaxYear,
    /// Weeks of Class 1 paid or treated as paid on earnings at or above the LEL.
    pub class1_weeks: u32,
    /// Earnings on which Class 1 was paid, when the record shows them.
    pub class1_earnings: Option<Money>,
    /// Weeks of Class 2 paid or treated as paid.
    pub class2_weeks: u32,
    /// Weeks credited.
    pub credited_weeks: u32,
}

impl YearRecord {
    /// A year with nothing paid or credited: what an unentered year counts as.
    pub fn empty(tax_year: TaxYear) -> Self {
        YearRecord {
            tax_year,
            class1_weeks: 0,
            class1_earnings: None,
            class2_weeks: 0,
            credited_weeks: 0,
        }
    }
}

/// The first condition tested on one tax year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FirstConditionYear {
    /// The tax year tested.
    pub tax_year: TaxYear,
    /// Its weekly Lower Earnings Limit.
    pub lel: Money,
    /// The multiplier (26).
    pub multiplier: i64,
    /// Weeks of Class 1 at or above the LEL.
    pub class1_weeks: u32,
    /// Weeks of Class 2.
    pub class2_weeks: u32,
    /// Whether the adviser entered anything for the year.
    pub entered: bool,
}

impl FirstConditionYear {
    /// Tests a year's record (or an empty one) against the first condition.
    pub fn test(
        tax_year: TaxYear,
        record: Option<&YearRecord>,
        lel: Money,
        multiplier: i64,
    ) -> Self {
        let r = record.copied().unwrap_or(YearRecord::empty(tax_year));
        FirstConditionYear {
            tax_year,
            lel,
            multiplier,
            class1_weeks: r.class1_weeks,
            class2_weeks: r.class2_weeks,
            entered: record.is_some(),
        }
    }

    /// Earnings counted: one LEL per week of Class 1 or Class 2.
    pub fn counted(&self) -> Money {
        self.lel
            .times(i64::from(self.class1_weeks) + i64::from(self.class2_weeks))
    }

    /// What the condition needs: multiplier x LEL.
    pub fn needed(&self) -> Money {
        self.lel.times(self.multiplier)
    }

    /// Whether the year meets the condition.
    pub fn met(&self) -> bool {
        self.counted() >= self.needed()
    }

    /// "2024-25: paid £3,198 (26 weeks of Class 1 + 0 of Class 2, x £123); needs £3,198
    /// (26 x £123): met".
    pub fn explain(&self) -> String {
        format!(
            "{}: paid {} ({} weeks of Class 1 at or above the LEL + {} weeks of Class 2, x {}); \
             needs {} ({} x {}): {}{}",
            self.tax_year,
            self.counted(),
            self.class1_weeks,
            self.class2_weeks,
            self.lel,
            self.needed(),
            self.multiplier,
            self.lel,
            if self.met() { "met" } else { "not met" },
            if self.entered {
                ""
            } else {
                " (nothing entered for this year)"
            }
        )
    }
}

/// The second condition tested on one tax year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SecondConditionYear {
    /// The tax year tested.
    pub tax_year: TaxYear,
    /// Its weekly Lower Earnings Limit.
    pub lel: Money,
    /// The multiplier (50).
    pub multiplier: i64,
    /// The record as entered (empty when nothing was entered).
    pub record: YearRecord,
    /// Whether the adviser entered anything for the year.
    pub entered: bool,
}

impl SecondConditionYear {
    /// Tests a year's record (or an empty one) against the second condition.
    pub fn test(
        tax_year: TaxYear,
        record: Option<&YearRecord>,
        lel: Money,
        multiplier: i64,
    ) -> Self {
        SecondConditionYear {
            tax_year,
            lel,
            multiplier,
            record: record.copied().unwrap_or(YearRecord::empty(tax_year)),
            entered: record.is_some(),
        }
    }

    /// Class 1 weeks valued at one LEL each: the least the earnings can have been.
    pub fn class1_from_weeks(&self) -> Money {
        self.lel.times(i64::from(self.record.class1_weeks))
    }

    /// The Class 1 earnings factor counted: the earnings entered, but never less than the
    /// weeks at the LEL (less would contradict the weeks; see `earnings_conflict`).
    pub fn class1(&self) -> Money {
        self.record
            .class1_earnings
            .map_or(self.class1_from_weeks(), |e| {
                e.max(self.class1_from_weeks())
            })
    }

    /// Class 2 earnings factors: one LEL per contribution.
    pub fn class2(&self) -> Money {
        self.lel.times(i64::from(self.record.class2_weeks))
    }

    /// Credited earnings: one LEL per credited week.
    pub fn credited(&self) -> Money {
        self.lel.times(i64::from(self.record.credited_weeks))
    }

    /// The year's earnings factor from paid and credited contributions.
    pub fn total(&self) -> Money {
        Money(self.class1().0 + self.class2().0 + self.credited().0)
    }

    /// What the condition needs: multiplier x LEL.
    pub fn needed(&self) -> Money {
        self.lel.times(self.multiplier)
    }

    /// Whether the year meets the condition.
    pub fn met(&self) -> bool {
        self.total() >= self.needed()
    }

    /// The entered earnings are less than the weeks entered at the LEL: one of them is wrong.
    pub fn earnings_conflict(&self) -> Option<Money> {
        self.record
            .class1_earnings
            .filter(|e| *e < self.class1_from_weeks())
    }

    /// "2024-25: paid and credited £6,396; needs £6,150 (50 x £123): met", then the parts.
    pub fn explain(&self) -> String {
        let class1 = match self.record.class1_earnings {
            Some(_) if self.earnings_conflict().is_none() => {
                format!("Class 1 {} (earnings entered)", self.class1())
            }
            _ => format!(
                "Class 1 {} ({} weeks x {})",
                self.class1(),
                self.record.class1_weeks,
                self.lel
            ),
        };
        format!(
            "{}: paid and credited {}; needs {} ({} x {}): {}. Made up of {class1}, \
             Class 2 {} ({} weeks x {}), credits {} ({} weeks x {}){}",
            self.tax_year,
            self.total(),
            self.needed(),
            self.multiplier,
            self.lel,
            if self.met() { "met" } else { "not met" },
            self.class2(),
            self.record.class2_weeks,
            self.lel,
            self.credited(),
            self.record.credited_weeks,
            self.lel,
            if self.entered {
                "."
            } else {
                ". Nothing was entered for this year."
            }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(c1: u32, earnings: Option<i64>, c2: u32, credits: u32) -> YearRecord {
        YearRecord {
            tax_year: TaxYear(2024),
            class1_weeks: c1,
            class1_earnings: earnings.map(Money::pounds),
            class2_weeks: c2,
            credited_weeks: credits,
        }
    }

    #[test]
    fn the_second_condition_reads_as_the_issue_asks() {
        let r = record(52, None, 0, 0);
        let t = SecondConditionYear::test(TaxYear(2024), Some(&r), Money::pounds(123), 50);
        assert!(t.explain().starts_with(
            "2024-25: paid and credited £6,396.00; needs £6,150.00 (50 x £123.00): met"
        ));
    }

    #[test]
    fn earnings_above_the_lel_do_not_help_the_first_condition() {
        let r = record(25, Some(40_000), 0, 0);
        let t = FirstConditionYear::test(TaxYear(2024), Some(&r), Money::pounds(123), 26);
        assert_eq!(t.counted(), Money::pounds(25 * 123));
        assert!(!t.met());
    }

    #[test]
    fn earnings_below_the_weeks_at_the_lel_are_a_conflict_and_the_weeks_count() {
        let r = record(30, Some(1_000), 0, 0);
        let t = SecondConditionYear::test(TaxYear(2024), Some(&r), Money::pounds(123), 50);
        assert_eq!(t.earnings_conflict(), Some(Money::pounds(1_000)));
        assert_eq!(t.class1(), Money::pounds(30 * 123));
    }
}
