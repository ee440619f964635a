//! The contributions table: one row per tax year that counts for the claim (then any other
//! year entered), with the year's Lower Earnings Limit and what was typed for each entry.

use crate::content::Content;
use crate::interview::session::Session;
use crate::rules::contributions::{TaxYear, contribution_years};

/// The tax years whose NI record matters, for the contributions screen's rows.
fn relevant_tax_years(session: &Session, content: &Content) -> Vec<TaxYear> {
    session
        .claimant
        .incapacity_start_or_claim()
        .map(|start| contribution_years(start, &content.figures.contributions).tax_years)
        .unwrap_or_default()
}

/// The contributions table: one row per relevant tax year, then any other years entered.
pub fn year_rows(session: &Session, content: &Content) -> Vec<super::YearRow> {
    use crate::interview::action::ContributionField as F;
    let mut years = relevant_tax_years(session, content);
    for y in &session.contributions {
        if let Some(t) = TaxYear::parse(&y.tax_year)
            && !years.contains(&t)
        {
            years.push(t);
        }
    }
    years
        .into_iter()
        .map(|ty| {
            let label = ty.to_string();
            let entry = session.contributions.iter().find(|y| y.tax_year == label);
            let weeks = |w: Option<u32>| w.map(|n| n.to_string());
            let fields = vec![
                (F::Class1Weeks, entry.and_then(|e| weeks(e.class1_weeks))),
                (
                    F::Class1Earnings,
                    entry
                        .and_then(|e| e.class1_earnings)
                        .map(|p| format!("{}.{:02}", p.0.pence() / 100, p.0.pence() % 100)),
                ),
                (F::Class2Weeks, entry.and_then(|e| weeks(e.class2_weeks))),
                (
                    F::CreditedWeeks,
                    entry.and_then(|e| weeks(e.credited_weeks)),
                ),
            ];
            let lel = match content.figures.lel.weekly(ty) {
                Ok(m) => format!("LEL {m} a week"),
                Err(m) => m.to_string(),
            };
            super::YearRow {
                tax_year: label,
                lel,
                fields,
            }
        })
        .collect()
}
