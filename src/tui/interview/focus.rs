//! Moving the focus over the page: arrows step between stops (scrolling through a block too
//! tall to see at once), Tab jumps between groups, and the scroll follows the focus so the
//! focused item is always on screen. UI state only.

use super::Interview;
use crate::tui::layout;
use crate::tui::page::{Page, StopKind, Theme};

impl Interview {
    /// After a move to another screen: focus the first thing to choose, from the top.
    pub(crate) fn reset_focus(&mut self, size: (u16, u16), theme: Theme) {
        let (page, _) = self.page(size, theme);
        self.focus = page
            .stops
            .iter()
            .position(|s| !matches!(s.kind, StopKind::Text | StopKind::Note))
            .unwrap_or(0);
        self.scroll = 0;
        self.reveal(&page, size);
    }

    /// Scrolls so the focused stop is in view, showing its first lines when it is tall.
    pub(crate) fn reveal(&mut self, page: &Page, size: (u16, u16)) {
        let h = usize::from(layout::page_height(size, self.vm.alerts.len())).max(1);
        let Some(s) = page.stops.get(self.focus) else {
            self.scroll = 0;
            return;
        };
        if s.first < self.scroll {
            self.scroll = s.first;
        } else if s.last >= self.scroll + h {
            // Bring it in whole if it fits; otherwise start at its top.
            self.scroll = (s.last + 1).saturating_sub(h).min(s.first).max(self.scroll);
        }
        let max = page.lines.len().saturating_sub(h);
        self.scroll = self.scroll.min(max);
    }

    /// Up or down one stop, or through the rest of a stop too tall for the screen.
    pub(crate) fn move_focus(&mut self, down: bool, size: (u16, u16), theme: Theme) {
        let (page, _) = self.page(size, theme);
        let h = usize::from(layout::page_height(size, self.vm.alerts.len())).max(1);
        let Some(s) = page.stops.get(self.focus).cloned() else {
            return;
        };
        let step = h.saturating_sub(2).max(1);
        if down {
            if s.last >= self.scroll + h {
                self.scroll = (self.scroll + step).min((s.last + 1).saturating_sub(h));
                return;
            }
            if self.focus + 1 < page.stops.len() {
                self.focus += 1;
            } else {
                self.scroll = page.lines.len().saturating_sub(h);
                return;
            }
        } else {
            if s.first < self.scroll {
                self.scroll = self.scroll.saturating_sub(step).max(s.first);
                return;
            }
            if self.focus == 0 {
                self.scroll = 0;
                return;
            }
            self.focus -= 1;
        }
        self.reveal(&page, size);
    }

    /// Tab: the first stop of the next group (wrapping); Shift-Tab: of the previous one.
    pub(crate) fn jump_group(&mut self, forward: bool, size: (u16, u16), theme: Theme) {
        let (page, _) = self.page(size, theme);
        let Some(cur) = page.stops.get(self.focus).map(|s| s.group) else {
            return;
        };
        let mut groups: Vec<usize> = page.stops.iter().map(|s| s.group).collect();
        groups.dedup();
        let at = groups.iter().position(|g| *g == cur).unwrap_or(0);
        let n = groups.len();
        let target = if forward {
            groups[(at + 1) % n]
        } else {
            groups[(at + n - 1) % n]
        };
        if let Some(i) = page.stops.iter().position(|s| s.group == target) {
            self.focus = i;
            self.reveal(&page, size);
        }
    }
}
