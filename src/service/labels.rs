//! The words a list shows for a case's step and who holds it, looked up in
//! the SOP when read (the projection stores only ids).

use super::Desk;

impl Desk {
    /// What a list calls the step `step` of SOP `sop`: its short title;
    /// the id when the SOP does not know it.
    pub fn step_label<'a>(&'a self, sop: &str, step: &'a str) -> &'a str {
        self.sops
            .by_id(sop)
            .and_then(|s| s.step(step))
            .map_or(step, |s| s.short_title())
    }

    /// The short name of the role `role` in SOP `sop` (`Kasi`, `Kadis`);
    /// the id when the SOP does not know it.
    pub fn role_label<'a>(&'a self, sop: &str, role: &'a str) -> &'a str {
        self.sops.by_id(sop).map_or(role, |s| s.role_short(role))
    }
}
