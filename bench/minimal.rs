//! The benchmark's peer: a minimal ratatui program (a 17-item list with a `>` marker, stock
//! crossterm backend) measured in the same run as esa-interview, so start-up time, bytes per
//! key and memory are compared on the same machine with the same harness. Not part of the
//! product; `bench/run.sh` builds and runs it.

use crossterm::event::{self, Event, KeyCode, KeyEventKind};
use ratatui::widgets::{List, ListState};

fn main() -> std::io::Result<()> {
    let mut terminal = ratatui::init();
    let items: Vec<String> = (1..=17).map(|i| format!("Activity {i}")).collect();
    let mut state = ListState::default().with_selected(Some(0));
    let result = loop {
        let list = List::new(items.clone()).highlight_symbol("> ");
        if let Err(e) = terminal.draw(|f| f.render_stateful_widget(list, f.area(), &mut state)) {
            break Err(e);
        }
        match event::read() {
            Ok(Event::Key(k)) if k.kind == KeyEventKind::Press => match k.code {
                KeyCode::Char('q') => break Ok(()),
                KeyCode::Down | KeyCode::Char('j') => state.select_next(),
                KeyCode::Up | KeyCode::Char('k') => state.select_previous(),
                _ => {}
            },
            Ok(_) => {}
            Err(e) => break Err(e),
        }
    };
    ratatui::restore();
    result
}
