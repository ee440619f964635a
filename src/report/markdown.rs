//! A statement as Markdown: headings, quotations for the law's words, bold labels. The
//! adviser's text is escaped so it prints as typed. Depends on `statement`.

use std::fmt::Write;

use super::document::{Block, Statement};

/// Prints the statement as Markdown.
pub fn render(s: &Statement) -> String {
    let mut out = format!("# {}\n\n", escape(&s.title));
    for (label, value) in &s.facts {
        let _ = writeln!(out, "- **{}:** {}", escape(label), escape(value));
    }
    for section in &s.sections {
        let _ = write!(out, "\n## {}\n", escape(&section.heading));
        for block in &section.blocks {
            out.push('\n');
            block_md(&mut out, block);
        }
    }
    out
}

fn block_md(out: &mut String, block: &Block) {
    match block {
        Block::Para(t) => {
            let _ = writeln!(out, "{}", paragraphs(t));
        }
        Block::Sub(t) => {
            let _ = writeln!(out, "### {}", escape(t));
        }
        Block::Quote(t) => {
            let _ = writeln!(out, "> {}", escape(t));
        }
        Block::Pairs(pairs) => {
            for (i, (label, value)) in pairs.iter().enumerate() {
                if i > 0 {
                    out.push('\n');
                }
                let label = if label.ends_with(['?', ':', '.']) {
                    escape(label)
                } else {
                    format!("{}:", escape(label))
                };
                let _ = writeln!(out, "**{label}** {}", paragraphs(value));
            }
        }
        Block::Bullets(items) => {
            for item in items {
                let _ = writeln!(out, "- {}", escape(item));
            }
        }
        Block::Lines(lines) => {
            let text: Vec<String> = lines.iter().map(|l| escape(l)).collect();
            let _ = writeln!(out, "{}", text.join("  \n"));
        }
    }
}

/// Keeps the adviser's line breaks: each line becomes its own line in Markdown.
fn paragraphs(text: &str) -> String {
    text.lines().map(escape).collect::<Vec<_>>().join("  \n")
}

/// Escapes what Markdown would otherwise read as formatting.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    if let Some(first) = out.chars().next()
        && matches!(first, '-' | '+' | '=')
    {
        out.insert(0, '\\');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn advisers_text_is_not_read_as_formatting() {
        assert_eq!(escape("*not* a [link]"), "\\*not\\* a \\[link\\]");
        assert_eq!(escape("- not a list"), "\\- not a list");
        assert_eq!(escape("plain, words: 9.5"), "plain, words: 9.5");
    }
}
