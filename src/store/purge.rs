//! Retention: deleting sessions unchanged for a period (`--older-than 24m`). A session another
//! process has open, or whose file cannot be read, is kept and reported, never guessed at. What
//! was deleted is reported by id and date only, so the output can go to a log. Depends on the
//! store.

use chrono::{Days, Months, NaiveDateTime};

use super::{Store, Summary};

/// A retention period: a number of days, weeks, months or years.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    /// `30d`.
    Days(u32),
    /// `6w`.
    Weeks(u32),
    /// `24m`.
    Months(u32),
    /// `2y`.
    Years(u32),
}

/// Reads `24m`, `2y`, `6w`, `30d`.
pub fn parse_period(text: &str) -> Result<Period, String> {
    let t = text.trim().to_lowercase();
    let bad = || {
        format!("`{text}` is not a period: write a number and d, w, m or y, e.g. 24m for 24 months")
    };
    let unit = t.chars().last().ok_or_else(bad)?;
    let n: u32 = t[..t.len() - unit.len_utf8()].parse().map_err(|_| bad())?;
    if n == 0 {
        return Err(format!("`{text}`: the period must be at least 1"));
    }
    Ok(match unit {
        'd' => Period::Days(n),
        'w' => Period::Weeks(n),
        'm' => Period::Months(n),
        'y' => Period::Years(n),
        _ => return Err(bad()),
    })
}

impl Period {
    /// The moment this period before `now`: sessions last changed at or before it are purged.
    pub fn cutoff(self, now: NaiveDateTime) -> Option<NaiveDateTime> {
        match self {
            Period::Days(n) => now.checked_sub_days(Days::new(n.into())),
            Period::Weeks(n) => now.checked_sub_days(Days::new(u64::from(n) * 7)),
            Period::Months(n) => now.checked_sub_months(Months::new(n)),
            Period::Years(n) => now.checked_sub_months(Months::new(n.checked_mul(12)?)),
        }
    }
}

/// What a purge did (or, on a dry run, would do).
#[derive(Debug, Default)]
pub struct PurgeReport {
    /// Sessions deleted (or that would be).
    pub deleted: Vec<Summary>,
    /// Old enough, but open in another process: kept.
    pub open_elsewhere: Vec<Summary>,
    /// Could not be read: kept, to be looked at by hand.
    pub unreadable: Vec<Summary>,
    /// Old enough, but deleting failed: (session, why).
    pub failed: Vec<(Summary, String)>,
}

impl Store {
    /// Deletes sessions last changed at or before `cutoff` (with their exports and locks).
    pub fn purge(&self, cutoff: NaiveDateTime, dry_run: bool) -> PurgeReport {
        let mut report = PurgeReport::default();
        for s in self.list() {
            if s.problem.is_some() {
                report.unreadable.push(s);
                continue;
            }
            match s.changed {
                Some(c) if c.0 <= cutoff => {}
                Some(_) => continue,
                None => {
                    report.unreadable.push(s);
                    continue;
                }
            }
            if dry_run {
                let holder = super::lock::Lock::holder(&self.lock_path(&s.id));
                if holder.is_some() {
                    report.open_elsewhere.push(s);
                } else {
                    report.deleted.push(s);
                }
                continue;
            }
            match self.delete(&s.id) {
                Ok(()) => report.deleted.push(s),
                Err(super::StoreError::Locked { .. }) => report.open_elsewhere.push(s),
                Err(e) => {
                    let why = e.to_string();
                    report.failed.push((s, why));
                }
            }
        }
        report
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap()
    }

    #[test]
    fn periods_read_as_people_write_them() {
        assert_eq!(parse_period("24m"), Ok(Period::Months(24)));
        assert_eq!(parse_period(" 2Y "), Ok(Period::Years(2)));
        assert_eq!(parse_period("6w"), Ok(Period::Weeks(6)));
        assert_eq!(parse_period("30d"), Ok(Period::Days(30)));
        for bad in ["", "m", "24", "24x", "-1m", "0m", "two years"] {
            assert!(parse_period(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn cutoffs_count_calendar_months() {
        let now = at("2026-05-31 12:00:00");
        assert_eq!(
            Period::Months(24).cutoff(now),
            Some(at("2024-05-31 12:00:00"))
        );
        assert_eq!(
            Period::Months(3).cutoff(now),
            Some(at("2026-02-28 12:00:00"))
        );
        assert_eq!(Period::Years(2).cutoff(now), Period::Months(24).cutoff(now));
        assert_eq!(
            Period::Weeks(1).cutoff(now),
            Some(at("2026-05-24 12:00:00"))
        );
    }
}
