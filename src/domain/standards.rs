//! Whether an SOP's time standards fit its legal limit: every path from the
//! first step to an end (a branch) adds up its steps' standards, and a case
//! handled exactly on standard must still finish inside the limit.

use super::sop::{End, MINUTES_PER_WORKDAY, Next, Sop};

/// One path through an SOP, from its first step to an end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Branch {
    pub steps: Vec<String>,
    /// The sum of the steps' time standards, in working minutes.
    pub minutes: u32,
    pub end: End,
}

impl Branch {
    /// The branch's name: the options it takes at decisions, or its last step.
    pub fn label(&self) -> String {
        self.steps.last().cloned().unwrap_or_default()
    }
}

/// Every branch of the SOP, in the order of the file's options.
pub fn branches(sop: &Sop) -> Vec<Branch> {
    let mut out = Vec::new();
    let mut path = Vec::new();
    walk(sop, &sop.first().id, &mut path, &mut out);
    out
}

fn walk(sop: &Sop, id: &str, path: &mut Vec<String>, out: &mut Vec<Branch>) {
    // A loop back never ends a branch; the file's checks forbid none, so skip it.
    if path.iter().any(|s| s == id) {
        return;
    }
    let Some(step) = sop.step(id) else { return };
    path.push(id.to_string());
    let nexts: Vec<&Next> = step
        .next
        .iter()
        .chain(step.options.iter().map(|o| &o.next))
        .collect();
    for next in nexts {
        match next {
            Next::Step(s) => walk(sop, s, path, out),
            Next::End(end) => out.push(Branch {
                steps: path.clone(),
                minutes: path
                    .iter()
                    .filter_map(|s| sop.step(s))
                    .map(|s| s.minutes)
                    .sum(),
                end: *end,
            }),
        }
    }
    path.pop();
}

/// The SOP's limit in working minutes.
pub fn limit_minutes(sop: &Sop) -> u32 {
    sop.limit_workdays.saturating_mul(MINUTES_PER_WORKDAY)
}

/// The branches whose standards add up to more than the limit.
pub fn over_limit(sop: &Sop) -> Vec<Branch> {
    let limit = limit_minutes(sop);
    branches(sop)
        .into_iter()
        .filter(|b| b.minutes > limit)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sop::{BUILTIN, builtin};

    fn load(name: &str) -> Sop {
        Sop::parse(name, builtin(name).unwrap()).unwrap()
    }

    #[test]
    fn shipped_branches_fit_the_limit_with_room() {
        for (name, _) in BUILTIN {
            let sop = load(name);
            for b in branches(&sop) {
                // Room: at least two working days left on standard.
                assert!(
                    b.minutes + 2 * MINUTES_PER_WORKDAY <= limit_minutes(&sop),
                    "{name}: {b:?}"
                );
            }
        }
        let s = load("situbondo-pengaduan");
        let sums: Vec<(u32, End)> = branches(&s).iter().map(|b| (b.minutes, b.end)).collect();
        assert_eq!(sums, [(4125, End::Closed), (1455, End::Forwarded)]);
        let g = load("gresik-pengaduan");
        let longest = branches(&g).into_iter().max_by_key(|b| b.minutes).unwrap();
        assert_eq!(longest.minutes, 1065);
        assert!(!longest.steps.iter().any(|s| s == "rekapitulasi"));
    }

    #[test]
    fn a_branch_over_the_limit_is_found() {
        let text = builtin("situbondo-pengaduan")
            .unwrap()
            .replace("minutes = 960", "minutes = 3600");
        let sop = Sop::parse("x", &text).unwrap();
        let over = over_limit(&sop);
        assert_eq!(over.len(), 1);
        assert_eq!(over[0].minutes, 4125 - 960 + 3600);
        assert_eq!(over[0].end, End::Closed);
    }
}
