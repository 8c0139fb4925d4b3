//! The disposition inbox's queues: which cases, in what order, how urgent.

use chrono::NaiveDate;

use super::{Desk, Result};
use crate::config::Person;
use crate::domain::draft::to_local;
use crate::store::{CaseRow, ListFilter};

/// The views of the inbox, one key each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Queue {
    /// Open cases whose current step is this person's to do (or to record).
    Mine,
    Open,
    Overdue,
    Paused,
    Forwarded,
    Closed,
}

impl Queue {
    pub const ALL: [Queue; 6] = [
        Queue::Mine,
        Queue::Open,
        Queue::Overdue,
        Queue::Paused,
        Queue::Forwarded,
        Queue::Closed,
    ];
}

/// How pressing a case is, shown by colour and by a symbol.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Urgency {
    OnTime,
    /// Due today: the legal deadline or the current step's standard.
    DueToday,
    Late,
    Paused,
    Finished,
}

/// What a queue row shows beyond the stored columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowTiming {
    pub urgency: Urgency,
    /// Office minutes the current step has taken, and its standard.
    pub step_used: Option<(u32, u32)>,
    /// Working days left to the legal deadline (negative when late); for a
    /// finished case, frozen at its finish: the working days it finished
    /// before (positive) or after (negative) its deadline.
    pub workdays_left: i64,
    /// The case is closed or forwarded, so `workdays_left` no longer counts down.
    pub finished: bool,
    /// The deadline was counted through a year without a holiday list.
    pub unlisted: bool,
}

impl RowTiming {
    /// The "Sisa" column: days left, or a finished case's frozen margin
    /// (`✓+3`); `*` marks a deadline counted without a holiday list.
    pub fn left_text(&self) -> String {
        let days = if self.finished {
            crate::i18n::sisa_finished(self.workdays_left)
        } else {
            self.workdays_left.to_string()
        };
        format!("{days}{}", if self.unlisted { "*" } else { "" })
    }
}

impl Desk {
    /// The roles a person may act in: their own, and the heads whose paper
    /// decisions they record.
    pub fn roles_of(&self, person: &Person) -> Vec<String> {
        let mut roles = vec![person.role.clone()];
        for sop in &self.sops.sops {
            for r in &sop.roles {
                if r.recorded_by.contains(&person.role) && !roles.contains(&r.id) {
                    roles.push(r.id.clone());
                }
            }
        }
        roles
    }

    /// A page of a queue, soonest deadline first, after `after` (keyset paging).
    pub fn queue_page(
        &self,
        queue: Queue,
        person: &Person,
        after: Option<(String, i64)>,
        limit: u32,
    ) -> Result<Vec<CaseRow>> {
        let mut f = ListFilter {
            limit,
            after,
            ..ListFilter::default()
        };
        match queue {
            Queue::Mine => f.step_actors = self.roles_of(person),
            Queue::Open => f.status = Some("open".into()),
            Queue::Overdue => f.overdue_on = Some(self.today().to_string()),
            Queue::Paused => f.status = Some("paused".into()),
            Queue::Forwarded => f.forwarded = true,
            Queue::Closed => f.status = Some("closed".into()),
        }
        self.list(&f)
    }

    pub fn row_timing(&self, row: &CaseRow) -> RowTiming {
        let now = self.now();
        let today = self.today();
        let deadline = NaiveDate::parse_from_str(&row.deadline, "%Y-%m-%d").unwrap_or(today);
        let finished = matches!(row.status.as_str(), "closed" | "forwarded");
        // A finished case's margin stops at the day it finished.
        let until = match row.closed_at {
            Some(at) if finished => to_local(at, self.offset).date(),
            _ => today,
        };
        let workdays_left = self.workdays_between(until, deadline);
        let standard = self
            .sops
            .by_id(&row.sop)
            .and_then(|s| row.step.as_deref().and_then(|id| s.step(id)))
            .map(|s| s.minutes);
        let open = row.status == "open";
        let step_used = standard.filter(|_| open).map(|std| {
            let elapsed = self.calendar.work_minutes_between(
                to_local(row.step_since, self.offset),
                to_local(now, self.offset),
            );
            (elapsed.saturating_sub(row.step_paused), std)
        });
        let step_due_today = row
            .step_due
            .is_some_and(|due| to_local(due, self.offset).date() <= today);
        let urgency = match row.status.as_str() {
            "paused" => Urgency::Paused,
            "closed" | "forwarded" => Urgency::Finished,
            _ if deadline < today || row.step_due.is_some_and(|due| due < now) => Urgency::Late,
            _ if deadline == today || step_due_today => Urgency::DueToday,
            _ => Urgency::OnTime,
        };
        RowTiming {
            urgency,
            step_used,
            workdays_left,
            finished,
            unlisted: !row.unlisted_years.is_empty(),
        }
    }

    /// Working days from `day` to `deadline`: positive while the deadline is
    /// ahead, negative once it has passed.
    pub fn workdays_between(&self, day: NaiveDate, deadline: NaiveDate) -> i64 {
        if deadline >= day {
            i64::from(self.calendar.workdays_after(day, deadline))
        } else {
            -i64::from(self.calendar.workdays_after(deadline, day))
        }
    }
}
