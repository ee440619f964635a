use super::NoteEditor;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

fn key(n: &mut NoteEditor, code: KeyCode) {
    n.input(&KeyEvent::new(code, KeyModifiers::NONE));
}

fn ctrl(n: &mut NoteEditor, c: char) {
    n.input(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

fn typed(n: &mut NoteEditor, text: &str) {
    for c in text.chars() {
        key(n, KeyCode::Char(c));
    }
}

/// The text area as drawn, row by row, trailing spaces trimmed.
fn drawn(n: &NoteEditor) -> Vec<String> {
    let area = Rect::new(0, 0, n.view.0, n.view.1);
    let mut buf = Buffer::empty(area);
    n.render(area, &mut buf);
    (0..area.height)
        .map(|y| {
            let row: String = (0..area.width).map(|x| buf[(x, y)].symbol()).collect();
            row.trim_end().to_string()
        })
        .collect()
}

#[test]
fn the_note_editor_keeps_lines_and_pastes_at_the_cursor() {
    let mut n = NoteEditor::new("lcw.1", "Mobilising", "First line\nSecond");
    n.paste(" line\r\nThird line");
    assert_eq!(n.text(), "First line\nSecond line\nThird line");
    key(&mut n, KeyCode::Enter);
    typed(&mut n, "日本語 é");
    key(&mut n, KeyCode::Backspace);
    assert_eq!(n.text(), "First line\nSecond line\nThird line\n日本語 ");
}

#[test]
fn text_wraps_at_words_and_the_cursor_moves_by_screen_row() {
    let mut n = NoteEditor::new("k", "l", "");
    n.set_view(12, 3);
    typed(&mut n, "Walks about twenty metres, then rests.");
    assert_eq!(drawn(&n), ["twenty", "metres, then", "rests."]);
    assert_eq!(n.cursor_cell(), Some((6, 2)));
    key(&mut n, KeyCode::Up);
    assert_eq!(n.cursor_cell(), Some((6, 1)));
    key(&mut n, KeyCode::Home);
    key(&mut n, KeyCode::PageUp);
    assert_eq!(drawn(&n)[0], "Walks about");
    assert_eq!(n.cursor_cell(), Some((0, 0)));
    ctrl(&mut n, 'k');
    assert_eq!(n.text(), "");
    ctrl(&mut n, 'z');
    assert_eq!(n.text(), "Walks about twenty metres, then rests.");
    ctrl(&mut n, 'y');
    assert_eq!(n.text(), "");
}

#[test]
fn undo_takes_back_typing_pastes_and_deletions_in_turn() {
    let mut n = NoteEditor::new("k", "l", "one\ntwo");
    n.paste("\nthree\nfour");
    typed(&mut n, "!");
    key(&mut n, KeyCode::Home);
    key(&mut n, KeyCode::Backspace);
    assert_eq!(n.text(), "one\ntwo\nthreefour!");
    for want in [
        "one\ntwo\nthree\nfour!",
        "one\ntwo\nthree\nfour",
        "one\ntwo",
    ] {
        ctrl(&mut n, 'u');
        assert_eq!(n.text(), want);
    }
    ctrl(&mut n, 'r');
    assert_eq!(n.text(), "one\ntwo\nthree\nfour");
}

#[test]
fn a_note_of_megabytes_is_wrapped_and_edited_where_the_cursor_is() {
    // 4 MB in paragraphs of about 390 characters, as in the benchmark: word wrap is kept (no
    // cut-off size), and the cursor starts at the end with the end of the note in view.
    let para = "The claimant walks with a stick and stops after about forty metres because of \
                pain in both knees; on a bad day she does not leave the house at all. "
        .repeat(3);
    let text = vec![para.trim_end(); 4 * 1024 * 1024 / para.len()].join("\n");
    let mut n = NoteEditor::new("lcw.1", "Mobilising", &text);
    n.set_view(50, 8);
    typed(&mut n, " Tired.");
    let rows = drawn(&n);
    assert!(rows.iter().all(|r| r.chars().count() <= 50));
    assert_eq!(
        rows[6..],
        [
            "on a bad day she does not leave the house at all.",
            "Tired."
        ]
    );
    assert!(
        rows.iter().filter(|r| !r.is_empty()).count() == 8,
        "{rows:?}"
    );
    assert_eq!(n.text().len(), text.len() + 7);
    ctrl(&mut n, 'z');
    assert_eq!(n.text().len(), text.len() + 6);
}
