//! Properties of the scoring that hold for every choice of descriptors: adding a descriptor
//! never lowers the total, an activity never scores more than its best descriptor, and the
//! total is physical plus mental.

use std::sync::LazyLock;

use esa_interview::content::{self, Content};
use esa_interview::rules::wca::assess;
use proptest::prelude::*;

static CONTENT: LazyLock<Content> = LazyLock::new(content::load_embedded);

fn all_ids() -> Vec<String> {
    let c = &*CONTENT;
    c.wca
        .scheme
        .activities
        .iter()
        .flat_map(|a| a.descriptors.iter().map(|d| d.id.clone()))
        .chain(c.wca.scheme.lcwra.iter().map(|d| d.id.clone()))
        .collect()
}

proptest! {
    #[test]
    fn adding_a_descriptor_never_lowers_the_total(picks in proptest::collection::vec(any::<prop::sample::Index>(), 0..30), extra in any::<prop::sample::Index>()) {
        let content = &*CONTENT;
        let ids = all_ids();
        let chosen: Vec<String> = picks.iter().map(|i| i.get(&ids).clone()).collect();
        let before = assess(&content.wca.scheme, &chosen, &[]).unwrap();
        let mut more = chosen.clone();
        more.push(extra.get(&ids).clone());
        let after = assess(&content.wca.scheme, &more, &[]).unwrap();
        prop_assert!(after.total >= before.total);
        prop_assert!(after.lcw_met() || !before.lcw_met());
        prop_assert_eq!(after.total, after.physical + after.mental);
        for s in &after.activities {
            let best = content.wca.scheme.activities.iter().find(|a| a.id == s.activity).unwrap()
                .descriptors.iter().map(|d| d.points).max().unwrap();
            prop_assert!(s.points <= best);
        }
    }
}
