//! The names of the entered dates and of the steps, with their stable ids for session files
//! and content. Pure: depends on chrono and the facts type only.

use chrono::NaiveDate;

use super::DecisionFacts;

/// One of the entered dates, so a step can say which date it waits for or counts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Input {
    /// `decision.decision_date`
    DecisionDate,
    /// `decision.reasons_requested`
    ReasonsRequested,
    /// `decision.reasons_provided`
    ReasonsProvided,
    /// `decision.mr_notice_date`
    MrNoticeDate,
    /// `decision.tribunal_decision_date`
    TribunalDecisionDate,
    /// `decision.tribunal_reasons_sent`
    TribunalReasonsSent,
    /// `decision.permission_refused_date`
    PermissionRefusedDate,
    /// `decision.jurisdiction`: not a date, but tribunal deadlines wait for it.
    Jurisdiction,
}

impl Input {
    /// The question id that binds this date to the session file.
    pub const fn question_id(self) -> &'static str {
        match self {
            Input::DecisionDate => "decision.decision_date",
            Input::ReasonsRequested => "decision.reasons_requested",
            Input::ReasonsProvided => "decision.reasons_provided",
            Input::MrNoticeDate => "decision.mr_notice_date",
            Input::TribunalDecisionDate => "decision.tribunal_decision_date",
            Input::TribunalReasonsSent => "decision.tribunal_reasons_sent",
            Input::PermissionRefusedDate => "decision.permission_refused_date",
            Input::Jurisdiction => "decision.jurisdiction",
        }
    }

    /// The event in words, for explanations ("the decision was sent").
    pub const fn event(self) -> &'static str {
        match self {
            Input::DecisionDate => "the decision was sent",
            Input::ReasonsRequested => {
                "a written statement of the decision's reasons was asked for"
            }
            Input::ReasonsProvided => "the written statement of reasons was provided",
            Input::MrNoticeDate => "the mandatory reconsideration notice was sent",
            Input::TribunalDecisionDate => "the tribunal's decision notice was sent",
            Input::TribunalReasonsSent => "the tribunal sent its written statement of reasons",
            Input::PermissionRefusedDate => "the tribunal sent its refusal of permission to appeal",
            Input::Jurisdiction => "the jurisdiction was chosen",
        }
    }

    /// What the adviser must enter, as a noun ("the date the decision was sent").
    pub const fn label(self) -> &'static str {
        match self {
            Input::DecisionDate => "the date the decision was sent",
            Input::ReasonsRequested => {
                "the date a statement of the decision's reasons was asked for"
            }
            Input::ReasonsProvided => "the date the statement of reasons was provided",
            Input::MrNoticeDate => "the date the mandatory reconsideration notice was sent",
            Input::TribunalDecisionDate => "the date the tribunal's decision notice was sent",
            Input::TribunalReasonsSent => "the date the tribunal sent its statement of reasons",
            Input::PermissionRefusedDate => "the date the refusal of permission to appeal was sent",
            Input::Jurisdiction => "where the claimant lives (England and Wales or Scotland)",
        }
    }

    /// The date in the facts (`None` for the jurisdiction, which is not a date).
    pub const fn value(self, facts: &DecisionFacts) -> Option<NaiveDate> {
        match self {
            Input::DecisionDate => facts.decision_date,
            Input::ReasonsRequested => facts.reasons_requested,
            Input::ReasonsProvided => facts.reasons_provided,
            Input::MrNoticeDate => facts.mr_notice_date,
            Input::TribunalDecisionDate => facts.tribunal_decision_date,
            Input::TribunalReasonsSent => facts.tribunal_reasons_sent,
            Input::PermissionRefusedDate => facts.permission_refused_date,
            Input::Jurisdiction => None,
        }
    }
}

/// A step in challenging a decision; content keys its texts (what to send, where) by [`id`].
///
/// [`id`]: StepId::id
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StepId {
    /// Ask the DWP to look again, within the month (or its extension).
    MandatoryReconsideration,
    /// The outer limit for a late request for reconsideration.
    LateMandatoryReconsideration,
    /// Appeal to the First-tier Tribunal after the reconsideration notice.
    Appeal,
    /// The outer limit for a late appeal.
    LateAppeal,
    /// Ask the tribunal for a written statement of reasons for its decision.
    StatementOfReasons,
    /// Ask the First-tier Tribunal for permission to appeal to the Upper Tribunal.
    PermissionToAppeal,
    /// Apply to the Upper Tribunal after the First-tier Tribunal refused permission.
    UpperTribunal,
}

impl StepId {
    /// Every step in timeline order.
    pub const ALL: [StepId; 7] = [
        StepId::MandatoryReconsideration,
        StepId::LateMandatoryReconsideration,
        StepId::Appeal,
        StepId::LateAppeal,
        StepId::StatementOfReasons,
        StepId::PermissionToAppeal,
        StepId::UpperTribunal,
    ];

    /// The stable id content uses (`[[step]] id = "appeal"`).
    pub const fn id(self) -> &'static str {
        match self {
            StepId::MandatoryReconsideration => "mandatory-reconsideration",
            StepId::LateMandatoryReconsideration => "late-mandatory-reconsideration",
            StepId::Appeal => "appeal",
            StepId::LateAppeal => "late-appeal",
            StepId::StatementOfReasons => "statement-of-reasons",
            StepId::PermissionToAppeal => "permission-to-appeal",
            StepId::UpperTribunal => "upper-tribunal",
        }
    }

    /// Reads a content id back.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.id() == id)
    }

    /// The date that starts this step's clock.
    pub const fn counted_from(self) -> Input {
        match self {
            StepId::MandatoryReconsideration | StepId::LateMandatoryReconsideration => {
                Input::DecisionDate
            }
            StepId::Appeal | StepId::LateAppeal => Input::MrNoticeDate,
            StepId::StatementOfReasons => Input::TribunalDecisionDate,
            StepId::PermissionToAppeal => Input::TribunalReasonsSent,
            StepId::UpperTribunal => Input::PermissionRefusedDate,
        }
    }
}
