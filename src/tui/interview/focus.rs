//! The laid-out page of the open screen and the focus on it. The page is built once when what
//! it shows changes (the view model after an action, the field being typed, the width) and
//! kept, so a key that only moves reads it instead of laying the screen out again. The focus is
//! held by what the stop is (a descriptor id, a question and option, a field, the note), so a
//! rebuild that adds or removes lines above it (a finding, a deadline, an error) keeps it on
//! the same item, and the scroll is then moved only as far as it must to keep that item in
//! view. Arrows step between stops (scrolling through a block too tall to see at once), Tab
//! jumps between groups. UI state only.

use super::Interview;
use crate::tui::layout;
use crate::tui::page::{Page, StopKind};
use crate::tui::screens::{self, Extras, Typing};

/// A stop by what it is: its kind and, for stops that share a kind (blocks of text), which
/// one of them it is.
pub type StopKey = (StopKind, usize);

/// The page as laid out for the current screen, the focus on it and the scroll.
#[derive(Clone, Debug, Default)]
pub struct PageView {
    /// The stage area laid out at the page's width.
    pub page: Page,
    /// The typing cursor (page line, column) while a field is being typed in.
    pub typing_cursor: Option<(usize, u16)>,
    /// The focused stop's index in `page.stops`.
    pub focus: usize,
    /// The page line at the top of the stage area.
    pub scroll: usize,
    /// What the focused stop is, so the focus survives a rebuild.
    key: Option<StopKey>,
}

impl PageView {
    /// The key of the stop at `i`.
    fn key_of(&self, i: usize) -> Option<StopKey> {
        let kind = &self.page.stops.get(i)?.kind;
        let nth = self.page.stops[..i]
            .iter()
            .filter(|s| &s.kind == kind)
            .count();
        Some((kind.clone(), nth))
    }

    /// The index of the stop with this key.
    fn find(&self, key: &StopKey) -> Option<usize> {
        self.page
            .stops
            .iter()
            .enumerate()
            .filter(|(_, s)| s.kind == key.0)
            .nth(key.1)
            .map(|(i, _)| i)
    }

    /// What the focused stop does.
    pub fn focused(&self) -> Option<&StopKind> {
        self.page.stops.get(self.focus).map(|s| &s.kind)
    }
}

impl Interview {
    /// Lays the page out again from the view model and the field being typed, keeping the
    /// focus on the same item and that item in view. Called after anything the page shows
    /// changes; nothing else builds it.
    pub(crate) fn relayout(&mut self) {
        let width = layout::page_width(self.size.0);
        let extras = Extras {
            typing: self.typing.as_ref().map(|(q, e)| Typing {
                question: q,
                edit: e,
            }),
            error: self
                .field_error
                .as_ref()
                .map(|(q, m)| (q.as_str(), m.as_str())),
        };
        // One column of margin before the tally rule.
        let (page, cursor) = screens::build(&self.vm, width.saturating_sub(1), self.theme, extras);
        let v = &mut self.view;
        v.page = page;
        v.typing_cursor = cursor;
        let at = v.key.as_ref().and_then(|k| v.find(k));
        let last = v.page.stops.len().saturating_sub(1);
        self.set_focus(at.unwrap_or(self.view.focus.min(last)));
        self.reveal();
    }

    /// Focuses the stop at `i` (by its index on the current page).
    fn set_focus(&mut self, i: usize) {
        self.view.focus = i;
        self.view.key = self.view.key_of(i);
    }

    /// Focuses the stop that does `kind` (the note, say) and brings it into view.
    pub(crate) fn focus_kind(&mut self, kind: &StopKind) {
        if let Some(i) = self.view.page.stops.iter().position(|s| &s.kind == kind) {
            self.set_focus(i);
            self.reveal();
        }
    }

    /// After a move to another screen: focus the first thing to choose, from the top.
    pub(crate) fn reset_focus(&mut self) {
        let first = self
            .view
            .page
            .stops
            .iter()
            .position(|s| !matches!(s.kind, StopKind::Text | StopKind::Note))
            .unwrap_or(0);
        self.set_focus(first);
        self.view.scroll = 0;
        self.reveal();
    }

    /// The page's height on screen, in lines.
    pub(crate) fn page_height(&self) -> usize {
        usize::from(layout::page_height(self.size, self.vm.alerts.len())).max(1)
    }

    /// Scrolls as little as keeps the focused stop in view; a stop taller than the screen stays where it is
    /// scrolled to, as long as some of it is in view.
    pub(crate) fn reveal(&mut self) {
        let h = self.page_height();
        let v = &mut self.view;
        let Some(s) = v.page.stops.get(v.focus) else {
            v.scroll = 0;
            return;
        };
        let tall = s.last - s.first + 1 > h;
        if tall {
            v.scroll = v.scroll.clamp(s.first, s.last + 1 - h);
        } else {
            let (top, bottom) = (s.first, s.last + 1);
            if top < v.scroll {
                v.scroll = top;
            } else if bottom > v.scroll + h {
                v.scroll = bottom - h;
            }
        }
        v.scroll = v.scroll.min(v.page.lines.len().saturating_sub(h));
    }

    /// Up or down one stop, or through the rest of a stop too tall for the screen.
    pub(crate) fn move_focus(&mut self, down: bool) {
        let h = self.page_height();
        let v = &mut self.view;
        let Some(s) = v.page.stops.get(v.focus).cloned() else {
            return;
        };
        let tall = s.last - s.first + 1 > h;
        let step = h.saturating_sub(2).max(1);
        let at = v.focus;
        if down {
            if tall && s.last >= v.scroll + h {
                v.scroll = (v.scroll + step).min(s.last + 1 - h);
                return;
            }
            if at + 1 >= v.page.stops.len() {
                v.scroll = v.page.lines.len().saturating_sub(h);
                return;
            }
            self.set_focus(at + 1);
        } else {
            if tall && s.first < v.scroll {
                v.scroll = v.scroll.saturating_sub(step).max(s.first);
                return;
            }
            if at == 0 {
                v.scroll = 0;
                return;
            }
            self.set_focus(at - 1);
        }
        self.reveal();
    }

    /// Tab: the first stop of the next group (wrapping); Shift-Tab: of the previous one.
    pub(crate) fn jump_group(&mut self, forward: bool) {
        let stops = &self.view.page.stops;
        let Some(cur) = stops.get(self.view.focus).map(|s| s.group) else {
            return;
        };
        let mut groups: Vec<usize> = stops.iter().map(|s| s.group).collect();
        groups.dedup();
        let at = groups.iter().position(|g| *g == cur).unwrap_or(0);
        let n = groups.len();
        let target = if forward {
            groups[(at + 1) % n]
        } else {
            groups[(at + n - 1) % n]
        };
        if let Some(i) = stops.iter().position(|s| s.group == target) {
            self.set_focus(i);
            self.reveal();
        }
    }
}
