//! A statement as plain text, wrapped at 76 columns, for email, a letter or a screen reader:
//! underlined headings, indented quotations, labels followed by a colon. Depends on `statement`.

use super::document::{Block, Statement, labelled};

/// The width text exports are wrapped to.
pub const WIDTH: usize = 76;

/// Prints the statement as plain text.
pub fn render(s: &Statement) -> String {
    let mut out = underline(&s.title, '=');
    out.push('\n');
    for (label, value) in &s.facts {
        out.push_str(&hanging(&format!("{label}: {value}"), ""));
    }
    for section in &s.sections {
        out.push('\n');
        out.push_str(&underline(&section.heading, '-'));
        for block in &section.blocks {
            out.push('\n');
            block_text(&mut out, block);
        }
    }
    out
}

fn block_text(out: &mut String, block: &Block) {
    match block {
        Block::Para(t) | Block::Sub(t) => out.push_str(&hanging(t, "")),
        Block::Quote(t) => out.push_str(&indent(t, "    ")),
        Block::Pairs(pairs) => {
            for (label, value) in pairs {
                out.push_str(&hanging(&labelled(label, value), "  "));
            }
        }
        Block::Bullets(items) => {
            for item in items {
                out.push_str(&hanging(&format!("- {item}"), "  "));
            }
        }
        Block::Lines(lines) => {
            for line in lines {
                out.push_str(&hanging(line, "  "));
            }
        }
    }
}

fn underline(text: &str, mark: char) -> String {
    let mut out = wrap(text, WIDTH).join("\n");
    let width = out.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    out.push('\n');
    out.extend(std::iter::repeat_n(mark, width));
    out.push('\n');
    out
}

/// Wraps each line of `text`; lines after the first start with `rest`.
fn hanging(text: &str, rest: &str) -> String {
    let width = WIDTH.saturating_sub(rest.chars().count()).max(20);
    let mut out = String::new();
    for (n, line) in text.lines().enumerate() {
        for (i, piece) in wrap(line, width).into_iter().enumerate() {
            if (n > 0 || i > 0) && !piece.is_empty() {
                out.push_str(rest);
            }
            out.push_str(&piece);
            out.push('\n');
        }
    }
    if out.is_empty() {
        out.push('\n');
    }
    out
}

/// Wraps and indents every line.
fn indent(text: &str, by: &str) -> String {
    let width = WIDTH.saturating_sub(by.chars().count());
    let mut out = String::new();
    for line in text.lines().flat_map(|l| wrap(l, width)) {
        out.push_str(by);
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// Greedy word wrap; a word longer than the width gets a line of its own.
pub fn wrap(line: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in line.split_whitespace() {
        let needed =
            current.chars().count() + usize::from(!current.is_empty()) + word.chars().count();
        if !current.is_empty() && needed > width {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    lines.push(current);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_the_width_and_keeps_long_words_whole() {
        assert_eq!(wrap("aa bb cc", 5), vec!["aa bb", "cc"]);
        assert_eq!(wrap("abcdefgh ij", 4), vec!["abcdefgh", "ij"]);
        assert_eq!(wrap("", 10), vec![""]);
    }

    #[test]
    fn continuation_lines_are_indented() {
        let long = "word ".repeat(30);
        let text = hanging(&format!("Label: {long}"), "  ");
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines.len() > 1);
        assert!(lines[1].starts_with("  word"));
        assert!(lines.iter().all(|l| l.chars().count() <= WIDTH));
    }
}
