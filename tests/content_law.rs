//! The built-in content holds every descriptor of Schedules 2 and 3 with the points the law gives
//! it, each with a source. The expected table below is typed from the reference
//! (`shared/reference/esa-law.md` section 1.3), independently of the content files.

use esa_interview::content;
use esa_interview::rules::wca::Part;

/// Activity number, part, and the points of its descriptors in letter order ("none" last).
const SCHEDULE2: &[(u32, Part, &[u32])] = &[
    (1, Part::Physical, &[15, 9, 9, 6, 0]),
    (2, Part::Physical, &[15, 9, 6, 0]),
    (3, Part::Physical, &[15, 9, 6, 0]),
    (4, Part::Physical, &[15, 9, 6, 0]),
    (5, Part::Physical, &[15, 15, 9, 9, 0]),
    (6, Part::Physical, &[15, 15, 6, 0]),
    (7, Part::Physical, &[15, 15, 6, 0]),
    (8, Part::Physical, &[15, 15, 9, 0]),
    (9, Part::Physical, &[15, 6, 0]),
    (10, Part::Physical, &[15, 6, 0]),
    (11, Part::Mental, &[15, 9, 6, 0]),
    (12, Part::Mental, &[15, 9, 6, 0]),
    (13, Part::Mental, &[15, 9, 6, 0]),
    (14, Part::Mental, &[15, 9, 6, 0]),
    (15, Part::Mental, &[15, 9, 6, 0]),
    (16, Part::Mental, &[15, 9, 6, 0]),
    (17, Part::Mental, &[15, 15, 9, 0]),
];

/// Schedule 3 descriptor ids.
const SCHEDULE3: &[&str] = &[
    "lcwra.1",
    "lcwra.2",
    "lcwra.3",
    "lcwra.4",
    "lcwra.5",
    "lcwra.6",
    "lcwra.7",
    "lcwra.8",
    "lcwra.9",
    "lcwra.10",
    "lcwra.11",
    "lcwra.12",
    "lcwra.13",
    "lcwra.14",
    "lcwra.15.a",
    "lcwra.15.b",
    "lcwra.15.c",
    "lcwra.15.d",
    "lcwra.16.a",
    "lcwra.16.b",
    "lcwra.16.c",
    "lcwra.16.d",
];

#[test]
fn every_schedule_2_descriptor_is_present_with_its_points() {
    let c = content::load_embedded();
    let acts = &c.wca.schedule2.activities;
    assert_eq!(acts.len(), SCHEDULE2.len());
    for ((number, part, points), act) in SCHEDULE2.iter().zip(acts) {
        assert_eq!(act.id, format!("lcw.{number}"));
        assert_eq!(act.part, *part, "{}", act.id);
        let got: Vec<u32> = act.descriptors.iter().map(|d| d.points).collect();
        assert_eq!(&got, points, "{}", act.id);
        assert!(
            act.descriptors.last().unwrap().none,
            "{}: the none row comes last",
            act.id
        );
        let letters: String = act.descriptors.iter().map(|d| d.letter.as_str()).collect();
        assert_eq!(letters, "abcde"[..points.len()], "{}", act.id);
        assert!(
            !act.source.provision.is_empty() && !act.guidance.trim().is_empty(),
            "{}",
            act.id
        );
        assert!(
            act.descriptors.iter().all(|d| !d.text.trim().is_empty()),
            "{}",
            act.id
        );
    }
    assert_eq!(c.wca.schedule2.threshold, 15);
}

#[test]
fn every_schedule_3_descriptor_is_present_with_a_source() {
    let c = content::load_embedded();
    let ids: Vec<&str> = c.wca.scheme.lcwra.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, SCHEDULE3);
    for a in &c.wca.schedule3.activities {
        assert!(
            a.source
                .provision
                .contains(&format!("paragraph {}", a.number)),
            "{}: {}",
            a.id,
            a.source.provision
        );
        assert_eq!(a.gives_lcw, a.number == 15 || a.number == 16, "{}", a.id);
    }
}

#[test]
fn every_route_has_old_and_new_style_provisions() {
    let c = content::load_embedded();
    for r in &c.wca.routes {
        for s in [
            &r.new_style.lcw,
            &r.new_style.lcwra,
            &r.old_style.lcw,
            &r.old_style.lcwra,
        ]
        .into_iter()
        .flatten()
        {
            assert!(
                s.provision.starts_with("regulation"),
                "{}: {}",
                r.id,
                s.provision
            );
        }
    }
}
