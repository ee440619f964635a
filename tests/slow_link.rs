//! What a slow link pays: the full-screen program driven in-process over the real backend
//! (`LeanBackend`) writing into memory, so the bytes a terminal would be sent for each key are
//! counted exactly. The budgets are issue 18's (the benchmark, bench/measure.py, measures the
//! same walks on the built binary in a pseudo-terminal).

mod tui_common;

use esa_interview::app::Context;
use esa_interview::tui::app::App;
use esa_interview::tui::backend::LeanBackend;
use ratatui::Terminal;
use ratatui::style::Modifier;
use tui_common::{context, go, key, started};

/// The app and a recording terminal of the same size, the first frame already drawn.
struct Link<'c> {
    app: App<'c>,
    term: Terminal<LeanBackend<Vec<u8>>>,
}

impl<'c> Link<'c> {
    fn new(ctx: &'c Context, w: u16, h: u16, at: &str) -> Self {
        let mut app = started(ctx, w, h);
        go(&mut app, at);
        let mut term = Terminal::new(LeanBackend::fixed(Vec::new(), w, h)).unwrap();
        term.clear().unwrap();
        term.draw(|f| app.draw(f)).unwrap();
        term.backend_mut().writer_mut().clear();
        Link { app, term }
    }

    /// Presses a key, draws, and returns what was written.
    fn press(&mut self, name: &str) -> Vec<u8> {
        self.app.key(&key(name));
        self.term.draw(|f| self.app.draw(f)).unwrap();
        std::mem::take(self.term.backend_mut().writer_mut())
    }
}

thread_local! {
    static REVEALED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Bytes of every Down over every descriptor of the 17 activities, and of every `n` between.
fn walk(w: u16, h: u16) -> (Vec<usize>, Vec<usize>) {
    let (ctx, _dir) = context();
    let mut link = Link::new(&ctx, w, h, "4.1");
    let mut downs = Vec::new();
    let mut nexts = Vec::new();
    for (i, a) in ctx.content.wca.schedule2.activities.iter().enumerate() {
        let mirrored = ctx
            .content
            .wca
            .lcwra_mirroring(&a.id)
            .map_or(0, |m| m.descriptors.len());
        for _ in 1..a.descriptors.len() + mirrored {
            let before = link.app.interview().unwrap().view.scroll;
            downs.push(link.press("Down").len());
            let v = &link.app.interview().unwrap().view;
            let h = usize::from(esa_interview::tui::layout::page_height((w, h), 0));
            for l in (before + h).max(v.scroll)..(v.scroll + h).min(v.page.lines.len()) {
                REVEALED.with(|r| r.set(r.get() + v.page.lines[l].to_string().trim().len()));
            }
        }
        if i + 1 < ctx.content.wca.schedule2.activities.len() {
            nexts.push(link.press("n").len());
        }
    }
    (downs, nexts)
}

/// The keys of the replay: walking and scrolling activities, choosing, page turns, the
/// windows, a field typed in, a note with wide characters, the review, and resizes.
const SCRIPT: &[&str] = &[
    "Down",
    "Down",
    "Down",
    "Down",
    "Down",
    "Down",
    "Up",
    "Up",
    "Space",
    "Down",
    "Space",
    "n",
    "Down",
    "Down",
    "Down",
    "Down",
    "Up",
    "Up",
    "Up",
    "Up",
    "p",
    "End",
    "PgUp",
    "?",
    "Esc",
    "t",
    "Esc",
    "m",
    "NOTE",
    "Esc",
    "g",
    "1",
    "Enter",
    "Enter",
    "DATE",
    "Enter",
    "Down",
    "Down",
    "Tab",
    "Tab",
    "Shift-Tab",
    "r",
    "Down",
    "Down",
    "Down",
    "Down",
    "Enter",
    "RESIZE",
    "Down",
    "Down",
    "Down",
    "Down",
    "n",
    "n",
    "RESIZE2",
    "Down",
    "Down",
    "Down",
    "Down",
    "M",
    "Down",
    "Down",
    "Down",
    "Down",
    "Up",
    "Up",
    "g",
    "8",
    "Enter",
    "Space",
    "Down",
    "Down",
    "Enter",
    "DATE",
    "Enter",
    "Down",
    "Down",
    "Down",
    "Down",
    "Down",
    "Up",
    "Up",
    "Up",
];

/// The cells a terminal would show after replaying `bytes`, against the frame ratatui drew.
fn same_screen(parser: &vt100::Parser, want: &ratatui::buffer::Buffer, step: &str) {
    let screen = parser.screen();
    let mut skip = 0;
    for y in 0..want.area.height {
        for x in 0..want.area.width {
            let w = &want[(x, y)];
            if skip > 0 {
                skip -= 1;
                continue;
            }
            skip = unicode_width(w.symbol()).saturating_sub(1);
            let got = screen.cell(y, x).expect("inside the screen");
            let text = if got.contents().is_empty() {
                " "
            } else {
                got.contents()
            };
            let m = w.modifier;
            assert!(
                text == w.symbol()
                    && got.bold() == m.contains(Modifier::BOLD)
                    && got.inverse() == m.contains(Modifier::REVERSED),
                "after {step}, cell ({x}, {y}): the terminal shows {text:?} (bold {}, inverse {}), \
                 ratatui drew {:?} ({m:?})\n{}",
                got.bold(),
                got.inverse(),
                w.symbol(),
                screen.contents()
            );
        }
    }
}

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).unwrap()
}

fn unicode_width(s: &str) -> usize {
    ratatui::text::Span::raw(s).width()
}

/// The backend's output, replayed through a terminal emulator, shows exactly the frame
/// ratatui drew, with the cursor where the frame put it, after every key of a long script:
/// scroll regions, erases and relative moves included. At the sizes of issue 18 and a wide
/// one, with and without ECH (TERM=vt100 has none).
#[test]
fn what_the_backend_writes_is_the_screen_ratatui_drew() {
    for (w, h, ech) in [
        (80, 24, true),
        (60, 20, true),
        (80, 24, false),
        (120, 40, true),
    ] {
        let (ctx, _dir) = context();
        let mut app = started(&ctx, w, h);
        go(&mut app, "4.1");
        let backend = LeanBackend::fixed(Vec::new(), w, h).with_erase_chars(ech);
        let mut term = Terminal::new(backend).unwrap();
        let mut parser = vt100::Parser::new(nz(h), nz(w), 0);
        term.clear().unwrap();
        let mut test = Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
        for step in std::iter::once(&"start").chain(SCRIPT) {
            match *step {
                "start" => {}
                "NOTE" => {
                    tui_common::type_text(&mut app, "Walks 20 m, rests; 日本語 and é");
                    app.paste("pasted line\nsecond line 한국어");
                }
                "DATE" => tui_common::type_text(&mut app, "30/10/2026"),
                "RESIZE" | "RESIZE2" => {
                    let (cw, ch) = if *step == "RESIZE" { (70, 22) } else { (w, h) };
                    app.resize(cw, ch);
                    term.backend_mut().set_fixed_size(cw, ch);
                    parser.screen_mut().set_size(nz(ch), nz(cw));
                    test.backend_mut().resize(cw, ch);
                }
                k => {
                    app.key(&key(k));
                }
            }
            let frame = term.draw(|f| app.draw(f)).unwrap();
            let want = frame.buffer.clone();
            test.draw(|f| app.draw(f)).unwrap();
            let cursor = test
                .backend()
                .cursor_visible()
                .then(|| test.backend().cursor_position());
            let bytes = std::mem::take(term.backend_mut().writer_mut());
            if std::env::var_os("SLOW_LINK_DEBUG").is_some() {
                eprintln!("{step}: {:?}", String::from_utf8_lossy(&bytes));
            }
            parser.process(&bytes);
            same_screen(&parser, &want, &format!("{step} at {w}x{h} (ECH {ech})"));
            if let Some(p) = cursor {
                assert!(
                    !parser.screen().hide_cursor(),
                    "after {step}: the cursor is shown"
                );
                assert_eq!(
                    parser.screen().cursor_position(),
                    (p.y, p.x),
                    "after {step}: the real cursor is on the focused item"
                );
            }
        }
    }
}

fn mean(xs: &[usize]) -> f64 {
    f64::from(u32::try_from(xs.iter().sum::<usize>()).unwrap())
        / f64::from(u32::try_from(xs.len()).unwrap())
}

/// Walking every descriptor of the 17 activities with Down: the page moves with the terminal's
/// scroll region instead of being written again. Budgets at what this build achieves (issue
/// 18's 40 and 60 bytes are below what the statutory text coming into view costs on its own
/// at these sizes: see bench/RESULTS.md), so a change that writes more fails here. Raised
/// a little when the support-group rows came to name their Schedule 2 twin (about 290 more
/// characters come into view at 80x24).
#[test]
fn walking_every_descriptor_costs_a_little_more_than_the_text_that_comes_into_view() {
    for (w, h, mean_budget, max_budget, next_budget) in
        [(80, 24, 130.0, 730, 1060), (60, 20, 110.0, 490, 800)]
    {
        REVEALED.with(|r| r.set(0));
        let (downs, nexts) = walk(w, h);
        let revealed = REVEALED.with(std::cell::Cell::get);
        let m = mean(&downs);
        let max = *downs.iter().max().unwrap();
        eprintln!(
            "{w}x{h}: {} Downs, mean {m:.1} B, max {max} B; text that came into view \
             {revealed} characters; n: mean {:.0} B, max {} B",
            downs.len(),
            mean(&nexts),
            nexts.iter().max().unwrap()
        );
        assert_eq!(downs.len(), 65, "every descriptor of every activity");
        assert!(
            m <= mean_budget,
            "{w}x{h}: mean Down {m:.1} B, budget {mean_budget}"
        );
        assert!(
            max <= max_budget,
            "{w}x{h}: a Down cost {max} B, budget {max_budget}"
        );
        let n = *nexts.iter().max().unwrap();
        assert!(
            n <= next_budget,
            "{w}x{h}: an n cost {n} B, budget {next_budget}"
        );
    }
}

/// The figures a slow link meets most: a move within the page, and choosing a descriptor with
/// the tally updated (15 points, LCW met; then 9 points).
#[test]
fn a_move_costs_at_most_34_bytes_and_choosing_at_most_100_with_the_tally() {
    let (ctx, _dir) = context();
    let mut link = Link::new(&ctx, 80, 24, "4.1");
    let moves = [link.press("Down"), link.press("Up")];
    for m in &moves {
        assert!(m.len() <= 34, "a move cost {} B", m.len());
    }
    for k in ["Space", "Space", "Down", "Space", "Space"] {
        let b = link.press(k);
        let limit = if k == "Down" { 34 } else { 100 };
        assert!(b.len() <= limit, "{k} cost {} B", b.len());
    }
}
