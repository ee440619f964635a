//! What the terminal shows, cell by cell, and how the next frame relates to it: when a band of
//! rows has moved up or down (the page scrolled), the backend moves those lines with the
//! terminal's scroll region (DECSTBM, then line feeds or reverse index, which every VT100 and
//! later terminal has) and writes only the lines that came into view and the cells the move
//! put out of place (a panel beside the page). Pure arithmetic on ratatui buffers.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use ratatui::buffer::{Buffer, Cell};

/// Rows `top..=bottom` move `by` lines: up (towards row 0) when positive, down when negative.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shift {
    /// First row of the scroll region.
    pub top: u16,
    /// Last row of the scroll region.
    pub bottom: u16,
    /// Lines moved; positive is up (new lines appear at the bottom).
    pub by: i32,
}

/// Estimated bytes to set the region, move, scroll and reset.
fn overhead(by: i32) -> usize {
    18 + by.unsigned_abs() as usize * 2
}

/// Bytes to turn row `from` into row `to`, roughly: a byte a cell, and a cursor move for each
/// run of changed cells.
fn row_cost(to: &[Cell], from: Option<&[Cell]>) -> usize {
    let blank = Cell::default();
    let mut cost = 0;
    let mut in_run = false;
    for (x, want) in to.iter().enumerate() {
        let have = from.map_or(&blank, |f| &f[x]);
        let differs = want != have;
        if differs {
            cost += if in_run { 1 } else { 5 };
        }
        in_run = differs;
    }
    cost
}

fn row(buf: &Buffer, y: u16) -> &[Cell] {
    let w = usize::from(buf.area.width);
    let start = usize::from(y) * w;
    &buf.content[start..start + w]
}

fn row_hash(cells: &[Cell]) -> Option<u64> {
    let blank = Cell::default();
    if cells.iter().all(|c| *c == blank) {
        return None;
    }
    let mut h = DefaultHasher::new();
    for c in cells {
        c.symbol().hash(&mut h);
        c.fg.hash(&mut h);
        c.bg.hash(&mut h);
        c.modifier.hash(&mut h);
    }
    Some(h.finish())
}

/// The move of rows that makes `next` cheapest to draw over `shown`, if one saves bytes.
/// Candidates come from rows that are the same apart from their place (compared by hash), so
/// the cost is worked out for a few moves only.
pub fn best_shift(shown: &Buffer, next: &Buffer) -> Option<Shift> {
    if shown.area != next.area || shown.area.height < 3 {
        return None;
    }
    let h = shown.area.height;
    let changed: Vec<u16> = (0..h).filter(|&y| row(shown, y) != row(next, y)).collect();
    let (&lo, &hi) = (changed.first()?, changed.last()?);
    if changed.len() < 3 {
        return None;
    }
    let have: Vec<Option<u64>> = (lo..=hi).map(|y| row_hash(row(shown, y))).collect();
    let want: Vec<Option<u64>> = (lo..=hi).map(|y| row_hash(row(next, y))).collect();
    let mut votes: Vec<(i32, usize)> = Vec::new();
    for (r, w) in want.iter().enumerate() {
        let Some(w) = w else { continue };
        for (s, x) in have.iter().enumerate() {
            if r != s && x.as_ref() == Some(w) {
                let by = i32::try_from(s).unwrap_or(0) - i32::try_from(r).unwrap_or(0);
                match votes.iter_mut().find(|(b, _)| *b == by) {
                    Some(v) => v.1 += 1,
                    None => votes.push((by, 1)),
                }
            }
        }
    }
    votes.sort_by_key(|v| std::cmp::Reverse(v.1));
    // Each row's cost as it is (unmoved), and as it would be with the region [top, hi] moved.
    let still: Vec<usize> = (lo..=hi)
        .map(|y| row_cost(row(next, y), Some(row(shown, y))))
        .collect();
    let mut best = (
        still.iter().sum::<usize>(),
        Shift {
            top: lo,
            bottom: hi,
            by: 0,
        },
    );
    for &(by, _) in votes.iter().take(3) {
        // The region may start lower than the first changed row: rows above it (a panel
        // beside the page) then stay where they are.
        for top in lo..=hi {
            let kept: usize = still[..usize::from(top - lo)].iter().sum();
            if i32::from(hi - top) < by.abs() || kept >= best.0 {
                break;
            }
            let moved: usize = (top..=hi)
                .map(|y| {
                    let src = i32::from(y) + by;
                    let from = (src >= i32::from(top) && src <= i32::from(hi))
                        .then(|| row(shown, u16::try_from(src).unwrap_or(0)));
                    row_cost(row(next, y), from)
                })
                .sum();
            let c = moved + kept + overhead(by);
            if c < best.0 {
                best = (
                    c,
                    Shift {
                        top,
                        bottom: hi,
                        by,
                    },
                );
            }
        }
    }
    (best.1.by != 0).then_some(best.1)
}

/// Moves the rows of `shown` as the terminal does for `s`: lines leaving the region are lost,
/// the lines that open up are blank.
pub fn apply(shown: &mut Buffer, s: Shift) {
    let w = usize::from(shown.area.width);
    let (top, bottom) = (usize::from(s.top), usize::from(s.bottom));
    let region = &mut shown.content[top * w..(bottom + 1) * w];
    let n = s.by.unsigned_abs() as usize * w;
    let n = n.min(region.len());
    if s.by > 0 {
        region.rotate_left(n);
        let len = region.len();
        region[len - n..].fill(Cell::default());
    } else {
        region.rotate_right(n);
        region[..n].fill(Cell::default());
    }
}

#[cfg(test)]
mod tests {
    use super::{Shift, apply, best_shift};
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;

    fn buf(lines: &[&str]) -> Buffer {
        let w = u16::try_from(lines[0].len()).unwrap();
        let mut b = Buffer::empty(Rect::new(0, 0, w, u16::try_from(lines.len()).unwrap()));
        for (y, l) in lines.iter().enumerate() {
            b.set_string(
                0,
                u16::try_from(y).unwrap(),
                l,
                ratatui::style::Style::new(),
            );
        }
        b
    }

    #[test]
    fn a_page_that_scrolled_up_is_found_and_moved_as_the_terminal_moves_it() {
        let (one, two) = ("Cannot mount two steps.", "Cannot stand for an hour");
        let (three, four) = ("Is unable to sit upright", "None of the above apply.");
        let (five, six) = ("Mobilising unaided by an", "other person, with or wi");
        let head = "Activity 1 of 17: Mobil";
        let foot = "? help  Space choose   ";
        let shown = buf(&[head, one, two, three, four, foot]);
        let next = buf(&[head, three, four, five, six, foot]);
        let s = best_shift(&shown, &next).expect("a shift saves bytes");
        assert_eq!(
            s,
            Shift {
                top: 1,
                bottom: 4,
                by: 2
            }
        );
        let mut moved = shown.clone();
        apply(&mut moved, s);
        let blank = " ".repeat(head.len());
        assert_eq!(moved, buf(&[head, three, four, &blank, &blank, foot]));
        // And down again.
        let s = best_shift(&next, &shown).unwrap();
        assert_eq!(s.by, -2);
    }

    #[test]
    fn nothing_moves_when_rows_only_change() {
        let shown = buf(&["aaaa", "bbbb", "cccc", "dddd"]);
        let next = buf(&["aaaa", "xxxx", "yyyy", "zzzz"]);
        assert_eq!(best_shift(&shown, &next), None);
    }
}
