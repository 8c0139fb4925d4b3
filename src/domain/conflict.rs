//! Conflicts: one thing changed on two desks that had not seen each other's
//! change. Every change names the change it replaced, so the changes of a
//! field form a tree; its leaves ("heads") are the values nobody has yet
//! replaced. One head is the field's value; two or more are a conflict that
//! every desk computes alike from the same events, whatever their order of
//! arrival. A correction that names every head resolves it.

use uuid::Uuid;

use super::case::CaseField;
use super::event::Event;

/// A value set by one change and not replaced since.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    pub event: Uuid,
    pub value: String,
    pub desk: Uuid,
    pub person: String,
    pub role: String,
    pub at: i64,
}

impl Head {
    pub fn of(e: &Event, value: String) -> Head {
        Head {
            event: e.id,
            value,
            desk: e.desk,
            person: e.person.clone(),
            role: e.role.clone(),
            at: e.at,
        }
    }
}

/// What is in conflict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Topic {
    Field(CaseField),
    /// Two corrections of one note (named by the note they both replaced).
    Note(Uuid),
    /// One SOP step completed or decided differently on two desks.
    Step(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub topic: Topic,
    /// Oldest first.
    pub heads: Vec<Head>,
}

/// The heads of every corrected field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldHeads {
    fields: Vec<(CaseField, Vec<Head>)>,
    /// Every change some other change named: never a head, even when it
    /// arrives after the change that replaced it.
    replaced: Vec<Uuid>,
}

impl FieldHeads {
    /// A change of `field` replacing `replaces` (every head when empty);
    /// `original` is the registration's value, the first head.
    pub fn change(
        &mut self,
        field: CaseField,
        replaces: &[Uuid],
        original: impl FnOnce() -> Head,
        new: Head,
    ) {
        let i = match self.fields.iter().position(|(f, _)| *f == field) {
            Some(i) => i,
            None => {
                self.fields.push((field, vec![original()]));
                self.fields.len() - 1
            }
        };
        let heads = &mut self.fields[i].1;
        if replaces.is_empty() {
            self.replaced.extend(heads.iter().map(|h| h.event));
        } else {
            self.replaced.extend_from_slice(replaces);
        }
        let replaced = &self.replaced;
        heads.retain(|h| !replaced.contains(&h.event));
        if !replaced.contains(&new.event) {
            heads.push(new);
        }
    }

    /// The events holding a field's current value(s); empty when never corrected.
    pub fn heads(&self, field: CaseField) -> &[Head] {
        self.fields
            .iter()
            .find(|(f, _)| *f == field)
            .map_or(&[], |(_, h)| h.as_slice())
    }

    pub fn conflicts(&self) -> impl Iterator<Item = Conflict> + '_ {
        self.fields
            .iter()
            .filter(|(_, h)| h.len() > 1)
            .map(|(f, h)| Conflict {
                topic: Topic::Field(*f),
                heads: h.clone(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(n: u128, value: &str) -> Head {
        Head {
            event: Uuid::from_u128(n),
            value: value.into(),
            desk: Uuid::from_u128(100 + n),
            person: "Sri".into(),
            role: "operator".into(),
            at: n as i64,
        }
    }

    #[test]
    fn a_change_arriving_after_its_replacement_is_no_head() {
        let mut heads = FieldHeads::default();
        let reg = || head(1, "Siti");
        heads.change(
            CaseField::Name,
            &[Uuid::from_u128(2)],
            reg,
            head(3, "Siti A."),
        );
        heads.change(
            CaseField::Name,
            &[Uuid::from_u128(1)],
            reg,
            head(2, "Siti Aminah"),
        );
        assert_eq!(heads.conflicts().count(), 0);
        assert_eq!(heads.heads(CaseField::Name)[0].value, "Siti A.");
    }

    #[test]
    fn two_changes_of_one_value_conflict_until_one_names_both() {
        let mut heads = FieldHeads::default();
        let reg = || head(1, "Siti");
        heads.change(
            CaseField::Name,
            &[Uuid::from_u128(1)],
            reg,
            head(2, "Siti Aminah"),
        );
        assert_eq!(heads.conflicts().count(), 0);
        // Desk A and desk B both replace event 2 without seeing each other.
        heads.change(
            CaseField::Name,
            &[Uuid::from_u128(2)],
            reg,
            head(3, "Siti A."),
        );
        heads.change(
            CaseField::Name,
            &[Uuid::from_u128(2)],
            reg,
            head(4, "St. Aminah"),
        );
        let c: Vec<Conflict> = heads.conflicts().collect();
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].heads.len(), 2);
        // A later correction on one desk that saw only its own value keeps it open.
        heads.change(
            CaseField::Name,
            &[Uuid::from_u128(3)],
            reg,
            head(5, "Siti Aminah A."),
        );
        assert_eq!(heads.conflicts().count(), 1);
        // Naming both heads resolves it.
        heads.change(
            CaseField::Name,
            &[Uuid::from_u128(4), Uuid::from_u128(5)],
            reg,
            head(6, "Siti Aminah"),
        );
        assert_eq!(heads.conflicts().count(), 0);
        assert_eq!(heads.heads(CaseField::Name)[0].value, "Siti Aminah");
    }
}
