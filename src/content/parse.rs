//! Turns one TOML file into raw serde structs, reporting every syntax and shape mistake in the
//! file at once (not just the first) with plainer words than serde's. Shape mistakes (unknown
//! keys, missing keys, wrong kinds of value) are found by repeatedly deserializing and pruning
//! the part of the document that failed, so one bad entry does not hide the next.
//! Depends on `diag` and `files`.

use std::ops::Range;

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};

use super::diag::Diagnostics;
use super::files::SourceFile;

/// No file a person edits has more independent mistakes than this; it bounds the work.
const MAX_REPORTED: usize = 50;

/// Deserializes a whole file; on failure records every problem found and returns None.
pub fn parse<T: DeserializeOwned>(file: &SourceFile, diags: &mut Diagnostics) -> Option<T> {
    // The common case, a good file, takes the direct path; only a bad one pays for recovery.
    if let Ok(value) = toml::from_str::<T>(&file.text) {
        return Some(value);
    }
    let (mut doc, syntax) = DeTable::parse_recoverable(&file.text);
    if let Some(e) = syntax.first() {
        // Only the first syntax error: the parser's recovery after it reports follow-on noise
        // (one missing bracket makes every later key look duplicated).
        diags.error(file, e.span(), plain_message(e.message()));
        return None;
    }
    let mut reported = 0;
    // Spans of the tables around what was pruned: an error there ("missing key") is a
    // consequence of the pruning, not a mistake of the user's, so it is not reported.
    let mut around_pruned: Vec<Range<usize>> = Vec::new();
    loop {
        match T::deserialize(toml::de::Deserializer::from(doc.clone())) {
            Ok(value) => return (reported == 0).then_some(value),
            Err(e) => {
                let span = e.span();
                let follow_on = !around_pruned.is_empty()
                    && span
                        .as_ref()
                        .is_none_or(|s| around_pruned.contains(s) || *s == doc.span());
                if !follow_on {
                    diags.error(file, span.clone(), plain_message(e.message()));
                    reported += 1;
                }
                let pruned =
                    span.is_some_and(|s| prune_table(doc.get_mut(), &s, &mut around_pruned));
                if !pruned || reported >= MAX_REPORTED {
                    return None;
                }
            }
        }
    }
}

fn contains(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.start < outer.end.max(outer.start + 1)
}

/// The text a value covers, children included: an `[[array]]` entry's own span is only its
/// header line, so its keys must be added in.
fn extent(value: &Spanned<DeValue<'_>>) -> Range<usize> {
    let own = value.span();
    let children: Vec<Range<usize>> = match value.get_ref() {
        DeValue::Table(t) => t.iter().flat_map(|(k, v)| [k.span(), extent(v)]).collect(),
        DeValue::Array(a) => a.iter().map(extent).collect(),
        _ => Vec::new(),
    };
    children
        .into_iter()
        .fold(own, |acc, r| acc.start.min(r.start)..acc.end.max(r.end))
}

/// Removes the deepest entry of the table that holds the error; false when none does.
fn prune_table(table: &mut DeTable<'_>, at: &Range<usize>, trail: &mut Vec<Range<usize>>) -> bool {
    let mut remove = None;
    for (key, value) in table.iter_mut() {
        let inner = extent(value);
        let whole = key.span().start.min(inner.start)..inner.end.max(key.span().end);
        if !contains(&whole, at) {
            continue;
        }
        trail.push(value.span());
        if contains(&inner, at) && prune_value(value.get_mut(), at, trail) {
            return true;
        }
        remove = Some(key.get_ref().clone());
        break;
    }
    let Some(target) = remove else {
        return false;
    };
    table.remove(target.as_ref() as &str).is_some()
}

fn prune_value(value: &mut DeValue<'_>, at: &Range<usize>, trail: &mut Vec<Range<usize>>) -> bool {
    match value {
        DeValue::Table(t) => prune_table(t, at, trail),
        DeValue::Array(a) => prune_array(a, at, trail),
        _ => false,
    }
}

/// Drops the array element that holds the error (or the deepest part of it).
fn prune_array(array: &mut DeArray<'_>, at: &Range<usize>, trail: &mut Vec<Range<usize>>) -> bool {
    let Some(index) = array.iter().position(|v| contains(&extent(v), at)) else {
        return false;
    };
    let items: &mut [Spanned<DeValue<'_>>] = &mut *array;
    trail.push(items[index].span());
    if prune_value(items[index].get_mut(), at, trail) {
        return true;
    }
    let mut kept = DeArray::new();
    for (i, item) in array.iter().enumerate() {
        if i != index {
            kept.push(Spanned::new(item.span(), item.get_ref().clone()));
        }
    }
    *array = kept;
    true
}

/// Rewords serde's messages for someone who edits TOML but does not program.
pub fn plain_message(message: &str) -> String {
    let message = message.trim();
    if let Some(rest) = message.strip_prefix("unknown field ") {
        return format!(
            "unknown key {}: check its spelling (allowed keys: {})",
            first_quoted(rest).unwrap_or(rest),
            rest.split_once("expected ")
                .map_or("see the file's header comment", |(_, e)| e)
                .trim_start_matches("one of ")
        );
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        return format!("missing key {rest}: every entry here needs it");
    }
    if let Some(rest) = message.strip_prefix("duplicate key") {
        return format!("duplicate key{rest}: a key may appear once in a table");
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        return format!("wrong kind of value: {rest}");
    }
    message.to_string()
}

fn first_quoted(text: &str) -> Option<&str> {
    let start = text.find('`')?;
    let end = text[start + 1..].find('`')? + start + 2;
    Some(&text[start..end])
}

#[cfg(test)]
mod tests {
    use super::{parse, plain_message};
    use crate::content::diag::Diagnostics;
    use crate::content::files::SourceFile;

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    struct Doc {
        #[allow(dead_code)]
        item: Vec<Item>,
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    struct Item {
        #[allow(dead_code)]
        id: String,
        #[allow(dead_code)]
        points: u32,
    }

    fn run(text: &str) -> Vec<(usize, String)> {
        let file = SourceFile {
            path: "t.toml".into(),
            display: "t.toml".into(),
            text: text.into(),
        };
        let mut diags = Diagnostics::default();
        let parsed = parse::<Doc>(&file, &mut diags);
        let problems: Vec<(usize, String)> = diags
            .into_vec()
            .into_iter()
            .map(|d| (d.line, d.message))
            .collect();
        assert_eq!(parsed.is_some(), problems.is_empty());
        problems
    }

    #[test]
    fn reports_every_shape_mistake_in_a_file() {
        let text = "[[item]]\nid = \"a\"\npionts = 3\n\n[[item]]\nid = \"b\"\npoints = \"x\"\n\n[[item]]\npoints = 2\n";
        let problems = run(text);
        let lines: Vec<usize> = problems.iter().map(|p| p.0).collect();
        assert_eq!(lines, vec![3, 7, 9], "{problems:?}");
        assert!(problems[0].1.contains("unknown key `pionts`"));
        assert!(problems[1].1.contains("wrong kind of value"));
        assert!(problems[2].1.contains("missing key `id`"));
    }

    #[test]
    fn reports_syntax_errors() {
        let problems = run("[[item]]\nid = \"a\npoints = 1\n");
        assert!(!problems.is_empty());
        assert_eq!(problems[0].0, 2);
    }

    #[test]
    fn a_good_file_parses() {
        assert!(run("[[item]]\nid = \"a\"\npoints = 3\n").is_empty());
    }

    #[test]
    fn rewords_unknown_and_missing_keys() {
        assert_eq!(
            plain_message("unknown field `pionts`, expected one of `id`, `text`, `points`"),
            "unknown key `pionts`: check its spelling (allowed keys: `id`, `text`, `points`)"
        );
        assert_eq!(
            plain_message("missing field `text`"),
            "missing key `text`: every entry here needs it"
        );
    }
}
