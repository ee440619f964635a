//! The default content, compiled into the binary so it runs from any folder. Each entry is a
//! path relative to `content/` and the file's text.

/// Every default content file.
pub const EMBEDDED: &[(&str, &str)] = &[
    (
        "wca/schedule2.toml",
        include_str!("../../content/wca/schedule2.toml"),
    ),
    (
        "wca/schedule3.toml",
        include_str!("../../content/wca/schedule3.toml"),
    ),
    (
        "wca/routes.toml",
        include_str!("../../content/wca/routes.toml"),
    ),
    (
        "questions/status.toml",
        include_str!("../../content/questions/status.toml"),
    ),
    (
        "questions/residency.toml",
        include_str!("../../content/questions/residency.toml"),
    ),
    (
        "questions/contributions.toml",
        include_str!("../../content/questions/contributions.toml"),
    ),
    (
        "questions/routes.toml",
        include_str!("../../content/questions/routes.toml"),
    ),
    (
        "figures/lel.toml",
        include_str!("../../content/figures/lel.toml"),
    ),
    (
        "figures/rates.toml",
        include_str!("../../content/figures/rates.toml"),
    ),
    (
        "figures/state-pension-age.toml",
        include_str!("../../content/figures/state-pension-age.toml"),
    ),
    (
        "figures/contribution-conditions.toml",
        include_str!("../../content/figures/contribution-conditions.toml"),
    ),
];
