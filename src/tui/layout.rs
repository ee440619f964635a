//! Where things go at a given terminal size: header, any deadline alerts, the stage title, the
//! stage area, the tally (beside the stage from 80 columns, under it below that), the status
//! line and the footer; or the "terminal too small" message. Pure arithmetic on sizes, so any
//! size (even 0x0) gives areas inside the screen and never a panic.

use ratatui::layout::Rect;

/// The smallest width the interview is drawn at.
pub const MIN_WIDTH: u16 = 40;
/// The smallest height the interview is drawn at.
pub const MIN_HEIGHT: u16 = 12;
/// From this width the tally sits beside the stage.
pub const WIDE: u16 = 80;
/// Lines the tally takes under the stage when the screen is narrow.
pub const TALLY_BELOW: u16 = 2;

/// The areas of the interview screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Areas {
    /// Reference, stage n of m, save state.
    pub header: Rect,
    /// Deadline warnings (may be empty).
    pub alerts: Rect,
    /// The stage or activity title.
    pub title: Rect,
    /// The page.
    pub page: Rect,
    /// The tally.
    pub tally: Rect,
    /// The column between page and tally (zero width when the tally is below).
    pub rule: Rect,
    /// Messages and save errors.
    pub status: Rect,
    /// Keys that work here.
    pub footer: Rect,
}

/// True when the screen is too small to draw the interview.
pub fn too_small(width: u16, height: u16) -> bool {
    width < MIN_WIDTH || height < MIN_HEIGHT
}

fn alert_lines(height: u16, alerts: usize) -> u16 {
    let cap = if height >= 20 { 2 } else { 1 };
    u16::try_from(alerts).unwrap_or(u16::MAX).min(cap)
}

fn tally_width(width: u16) -> u16 {
    (width / 3).clamp(24, 34)
}

/// The page's width at a terminal width.
pub fn page_width(width: u16) -> u16 {
    if width >= WIDE {
        width - tally_width(width) - 1
    } else {
        width
    }
}

/// The page's height at a terminal size with this many alerts.
pub fn page_height(size: (u16, u16), alerts: usize) -> u16 {
    interview(Rect::new(0, 0, size.0, size.1), alerts).map_or(1, |a| a.page.height.max(1))
}

/// Where the note editor's box goes over the page: its lower half, at least five lines.
pub fn note_box(page: Rect) -> Rect {
    let h = (page.height / 2).max(5).min(page.height);
    Rect {
        y: page.bottom() - h,
        height: h,
        ..page
    }
}

/// Splits the screen; None when it is too small.
pub fn interview(area: Rect, alerts: usize) -> Option<Areas> {
    if too_small(area.width, area.height) {
        return None;
    }
    let (x, w) = (area.x, area.width);
    let a = alert_lines(area.height, alerts);
    let row = |y: u16, h: u16| Rect::new(x, area.y + y, w, h);
    let body_top = 2 + a;
    let body_h = area.height - body_top - 2;
    let (page, rule, tally) = if w >= WIDE {
        let tw = tally_width(w);
        let pw = w - tw - 1;
        (
            Rect::new(x, area.y + body_top, pw, body_h),
            Rect::new(x + pw, area.y + body_top, 1, body_h),
            Rect::new(x + pw + 1, area.y + body_top, tw, body_h),
        )
    } else {
        let ph = body_h - TALLY_BELOW;
        (
            Rect::new(x, area.y + body_top, w, ph),
            Rect::new(x, area.y + body_top + ph, 0, 0),
            Rect::new(x, area.y + body_top + ph, w, TALLY_BELOW),
        )
    };
    Some(Areas {
        header: row(0, 1),
        alerts: row(1, a),
        title: row(1 + a, 1),
        page,
        tally,
        rule,
        status: row(area.height - 2, 1),
        footer: row(area.height - 1, 1),
    })
}

#[cfg(test)]
mod tests {
    use super::{interview, page_width};
    use ratatui::layout::Rect;

    #[test]
    fn every_area_is_inside_the_screen_at_every_size() {
        for w in 0..130 {
            for h in 0..45 {
                let screen = Rect::new(0, 0, w, h);
                if let Some(a) = interview(screen, 3) {
                    for r in [
                        a.header, a.alerts, a.title, a.page, a.tally, a.rule, a.status, a.footer,
                    ] {
                        assert_eq!(screen.intersection(r), r, "{w}x{h}: {r:?}");
                    }
                    assert!(a.page.height >= 1, "{w}x{h}");
                    assert_eq!(a.page.width, page_width(w));
                }
            }
        }
    }

    #[test]
    fn the_tally_is_beside_the_stage_from_80_columns_and_under_it_below() {
        let wide = interview(Rect::new(0, 0, 80, 24), 0).unwrap();
        assert_eq!(wide.tally.y, wide.page.y);
        assert!(wide.tally.x > wide.page.x);
        let narrow = interview(Rect::new(0, 0, 79, 24), 0).unwrap();
        assert!(narrow.tally.y > narrow.page.y);
        assert!(interview(Rect::new(0, 0, 39, 24), 0).is_none());
        assert!(interview(Rect::new(0, 0, 80, 11), 0).is_none());
    }
}
