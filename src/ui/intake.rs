//! The intake form (Penerimaan): every field of a case, in the order the
//! operator asks the person across the counter, checked as it is typed.

use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui_textarea::TextArea;

use super::action::{Action, Focus};
use super::field::{self, LineInput};
use super::theme;
use crate::domain::case::{Channel, Kind};
use crate::domain::draft::{self, CaseDraft, DraftContext, DraftField, FieldError};
use crate::i18n::{self, R, T, say, t};

enum Widget {
    Choice {
        options: Vec<(String, String)>,
        index: usize,
    },
    Line(LineInput),
    Check(bool),
    Area(Box<TextArea<'static>>),
}

struct Field {
    key: DraftField,
    widget: Widget,
}

/// The fields drawn in the left column; the rest up to the description go
/// in the right one.
const LEFT_COLUMN: usize = 10;

pub struct Intake {
    fields: Vec<Field>,
    focus: usize,
    errors: Vec<FieldError>,
    /// The form holds input the operator typed since it was last cleared.
    pub touched: bool,
    /// Typed since the draft was last kept.
    pub unsaved_draft: bool,
    pub message: Option<(String, bool)>,
    /// Agenda number of an open case the new complaint repeats.
    pub linked_to: String,
}

impl Intake {
    pub fn new(licence_types: &[String]) -> Intake {
        let choice = |options: Vec<(String, String)>| Widget::Choice { options, index: 0 };
        let kinds = Kind::ALL
            .iter()
            .map(|k| (k.id().to_string(), i18n::kind_label(*k).to_string()))
            .collect();
        let channels = Channel::ALL
            .iter()
            .map(|c| (c.id().to_string(), i18n::channel_label(*c).to_string()))
            .collect();
        let mut licences: Vec<(String, String)> = vec![(String::new(), "-".into())];
        licences.extend(licence_types.iter().map(|l| (l.clone(), l.clone())));
        let line = || Widget::Line(LineInput::default());
        let fields = vec![
            Field {
                key: DraftField::Kind,
                widget: choice(kinds),
            },
            Field {
                key: DraftField::Channel,
                widget: choice(channels),
            },
            Field {
                key: DraftField::Name,
                widget: line(),
            },
            Field {
                key: DraftField::Nik,
                widget: line(),
            },
            Field {
                key: DraftField::Address,
                widget: line(),
            },
            Field {
                key: DraftField::Phone,
                widget: line(),
            },
            Field {
                key: DraftField::Email,
                widget: line(),
            },
            Field {
                key: DraftField::Confidential,
                widget: Widget::Check(false),
            },
            Field {
                key: DraftField::Anonymous,
                widget: Widget::Check(false),
            },
            Field {
                key: DraftField::IdentityAttached,
                widget: Widget::Check(false),
            },
            Field {
                key: DraftField::Business,
                widget: line(),
            },
            Field {
                key: DraftField::Nib,
                widget: line(),
            },
            Field {
                key: DraftField::LicenceNo,
                widget: line(),
            },
            Field {
                key: DraftField::LicenceType,
                widget: choice(licences),
            },
            Field {
                key: DraftField::Subject,
                widget: line(),
            },
            Field {
                key: DraftField::Description,
                widget: Widget::Area(Box::new(field::new_area(""))),
            },
            Field {
                key: DraftField::ReceivedAt,
                widget: line(),
            },
        ];
        Intake {
            fields,
            focus: 0,
            errors: Vec::new(),
            touched: false,
            unsaved_draft: false,
            message: None,
            linked_to: String::new(),
        }
    }

    fn field(&self, key: DraftField) -> &Field {
        self.fields
            .iter()
            .find(|f| f.key == key)
            .expect("every key has a field")
    }

    fn text(&self, key: DraftField) -> String {
        match &self.field(key).widget {
            Widget::Choice { options, index } => options[*index].0.clone(),
            Widget::Line(l) => l.text().to_string(),
            Widget::Check(b) => b.to_string(),
            Widget::Area(a) => field::area_text(a),
        }
    }

    fn checked(&self, key: DraftField) -> bool {
        matches!(self.field(key).widget, Widget::Check(true))
    }

    pub fn to_draft(&self) -> CaseDraft {
        CaseDraft {
            kind: self.text(DraftField::Kind),
            channel: self.text(DraftField::Channel),
            name: self.text(DraftField::Name),
            nik: self.text(DraftField::Nik),
            address: self.text(DraftField::Address),
            phone: self.text(DraftField::Phone),
            email: self.text(DraftField::Email),
            confidential: self.checked(DraftField::Confidential),
            anonymous: self.checked(DraftField::Anonymous),
            identity_attached: self.checked(DraftField::IdentityAttached),
            business: self.text(DraftField::Business),
            nib: self.text(DraftField::Nib),
            licence_no: self.text(DraftField::LicenceNo),
            licence_type: self.text(DraftField::LicenceType),
            subject: self.text(DraftField::Subject),
            description: self.text(DraftField::Description),
            received_at: self.text(DraftField::ReceivedAt),
            linked_to: self.linked_to.clone(),
            ..CaseDraft::default()
        }
    }

    /// Fills the form from a kept draft.
    pub fn load(&mut self, d: &CaseDraft) {
        let values = [
            (DraftField::Kind, d.kind.as_str()),
            (DraftField::Channel, d.channel.as_str()),
            (DraftField::Name, d.name.as_str()),
            (DraftField::Nik, d.nik.as_str()),
            (DraftField::Address, d.address.as_str()),
            (DraftField::Phone, d.phone.as_str()),
            (DraftField::Email, d.email.as_str()),
            (DraftField::Business, d.business.as_str()),
            (DraftField::Nib, d.nib.as_str()),
            (DraftField::LicenceNo, d.licence_no.as_str()),
            (DraftField::LicenceType, d.licence_type.as_str()),
            (DraftField::Subject, d.subject.as_str()),
            (DraftField::Description, d.description.as_str()),
            (DraftField::ReceivedAt, d.received_at.as_str()),
        ];
        let checks = [
            (DraftField::Confidential, d.confidential),
            (DraftField::Anonymous, d.anonymous),
            (DraftField::IdentityAttached, d.identity_attached),
        ];
        for field in &mut self.fields {
            if let Some((_, v)) = values.iter().find(|(k, _)| *k == field.key) {
                match &mut field.widget {
                    Widget::Choice { options, index } => {
                        *index = options.iter().position(|o| o.0 == *v).unwrap_or(0)
                    }
                    Widget::Line(l) => *l = LineInput::new(v),
                    Widget::Area(a) => **a = field::new_area(v),
                    Widget::Check(_) => {}
                }
            }
            if let (Some((_, b)), Widget::Check(c)) = (
                checks.iter().find(|(k, _)| *k == field.key),
                &mut field.widget,
            ) {
                *c = *b;
            }
        }
        self.linked_to = d.linked_to.clone();
        self.touched = true;
    }

    pub fn focus(&self) -> Focus {
        match &self.fields[self.focus].widget {
            Widget::Choice { .. } => Focus::Choice,
            Widget::Check(_) => Focus::Check,
            Widget::Line(l) => Focus::Line {
                empty: l.is_empty(),
            },
            Widget::Area(a) => Focus::Area {
                empty: field::area_is_empty(a),
            },
        }
    }

    pub fn focused_key(&self) -> DraftField {
        self.fields[self.focus].key
    }

    /// Types a key into the focused field. True when the form changed.
    pub fn edit(&mut self, key: KeyEvent) -> bool {
        let changed = match &mut self.fields[self.focus].widget {
            Widget::Line(l) => {
                let before = l.text().to_string();
                l.handle(key) && l.text() != before
            }
            Widget::Area(a) => field::area_key(a, key),
            Widget::Choice { options, index } => match key.code {
                crossterm::event::KeyCode::Char(c) if c.is_alphanumeric() => {
                    let c = c.to_lowercase().to_string();
                    let n = options.len();
                    let hit = (1..=n)
                        .map(|step| (*index + step) % n)
                        .find(|&i| options[i].1.to_lowercase().starts_with(&c));
                    hit.map(|i| *index = i).is_some()
                }
                _ => false,
            },
            Widget::Check(_) => false,
        };
        if changed {
            self.mark_changed();
        }
        changed
    }

    /// Pastes text into the focused field: the description keeps its line
    /// breaks, a one-line field takes them as spaces. True when the form
    /// changed.
    pub fn paste(&mut self, text: &str) -> bool {
        match &mut self.fields[self.focus].widget {
            Widget::Line(l) => l.paste(text),
            Widget::Area(a) => field::area_paste(a, text),
            _ => return false,
        }
        self.mark_changed();
        true
    }

    /// Nothing is typed, ticked or chosen: clearing it needs no question.
    pub fn is_empty(&self) -> bool {
        self.linked_to.is_empty()
            && self.fields.iter().all(|f| match &f.widget {
                Widget::Choice { index, .. } => *index == 0,
                Widget::Line(l) => l.is_empty(),
                Widget::Check(b) => !*b,
                Widget::Area(a) => field::area_is_empty(a),
            })
    }

    fn mark_changed(&mut self) {
        self.touched = true;
        self.unsaved_draft = true;
        self.message = None;
    }

    /// Field movement and choices. True when handled.
    pub fn apply(&mut self, action: Action) -> bool {
        let n = self.fields.len();
        match action {
            Action::NextField => self.focus = (self.focus + 1) % n,
            Action::PrevField => self.focus = (self.focus + n - 1) % n,
            Action::Toggle | Action::OptionNext | Action::OptionPrev => {
                match &mut self.fields[self.focus].widget {
                    Widget::Check(b) => *b = !*b,
                    Widget::Choice { options, index } => {
                        let len = options.len();
                        *index = if action == Action::OptionPrev {
                            (*index + len - 1) % len
                        } else {
                            (*index + 1) % len
                        };
                    }
                    _ => return false,
                }
                self.mark_changed();
            }
            _ => return false,
        }
        true
    }

    pub fn validate(&mut self, ctx: &DraftContext) -> bool {
        self.errors = match draft::validate(&self.to_draft(), ctx, Vec::new(), None) {
            Ok(_) => Vec::new(),
            Err(errors) => errors,
        };
        self.errors.is_empty()
    }

    /// Moves the cursor to the first field with a problem.
    pub fn focus_first_problem(&mut self) {
        if let Some(i) = self
            .fields
            .iter()
            .position(|f| self.errors.iter().any(|e| shown_on(e.field) == f.key))
        {
            self.focus = i;
        }
    }

    fn problem_of(&self, key: DraftField) -> Option<&FieldError> {
        self.errors.iter().find(|e| shown_on(e.field) == key)
    }

    /// Only shows problems of fields the operator has reached, so a fresh form is not all red.
    fn shown_problem(&self, index: usize) -> Option<&FieldError> {
        let field = &self.fields[index];
        let reached = index < self.focus || self.message.is_some();
        self.problem_of(field.key).filter(|_| reached)
    }

    pub fn clear(&mut self, licence_types: &[String]) {
        *self = Intake::new(licence_types);
    }

    /// Two columns of one-line fields; under them the description across
    /// the whole form, as tall as the terminal allows, so it can be read
    /// back to the person at the counter; then the time of receipt.
    pub fn draw(&self, f: &mut Frame<'_>, area: Rect) {
        let [form, message] =
            Layout::vertical([Constraint::Min(10), Constraint::Length(1)]).areas(area);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(Span::styled(t(T::FormTitle), theme::title()));
        let inner = block.inner(form);
        f.render_widget(block, form);
        let description = self
            .fields
            .iter()
            .position(|f| f.key == DraftField::Description)
            .expect("the form has a description");
        let below = (self.fields.len() - description - 1) as u16;
        let [columns, text, rest] = Layout::vertical([
            Constraint::Length(LEFT_COLUMN as u16),
            Constraint::Min(3),
            Constraint::Length(below),
        ])
        .areas(inner);
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                .areas(columns);
        let row = |column: Rect, n: usize| Rect {
            y: column.y + n as u16,
            height: 1,
            ..column
        };
        for i in 0..LEFT_COLUMN {
            self.draw_row(f, i, row(left, i));
        }
        for i in LEFT_COLUMN..description {
            self.draw_row(f, i, row(right, i - LEFT_COLUMN));
        }
        self.draw_row(f, description, text);
        let half = Rect {
            width: left.width,
            ..rest
        };
        for i in description + 1..self.fields.len() {
            self.draw_row(f, i, row(half, i - description - 1));
        }
        self.draw_message(f, message);
    }

    fn draw_row(&self, f: &mut Frame<'_>, index: usize, area: Rect) {
        let field = &self.fields[index];
        let focused = index == self.focus;
        let [mark, label, value] = Layout::horizontal([
            Constraint::Length(2),
            Constraint::Length(16),
            Constraint::Min(5),
        ])
        .areas(area);
        if self.shown_problem(index).is_some() {
            f.render_widget(Paragraph::new(Span::styled("✗", theme::problem())), mark);
        }
        let label_style = if focused {
            theme::title()
        } else {
            theme::label()
        };
        f.render_widget(
            Paragraph::new(Span::styled(i18n::field_label(field.key), label_style)),
            label,
        );
        let style = if focused {
            theme::focused()
        } else {
            Style::new()
        };
        match &field.widget {
            Widget::Choice { options, index } => {
                let text = if focused {
                    format!("◀ {} ▶", options[*index].1)
                } else {
                    options[*index].1.clone()
                };
                f.render_widget(Paragraph::new(Span::styled(text, style)), value);
            }
            Widget::Check(b) => {
                let text = format!(
                    "[{}] {}",
                    if *b { "x" } else { " " },
                    if *b { t(T::Yes) } else { t(T::No) }
                );
                f.render_widget(Paragraph::new(Span::styled(text, style)), value);
            }
            Widget::Line(l) => {
                let width = value.width.saturating_sub(1) as usize;
                let (shown, col) = l.styled(width, style, focused);
                let shown = if l.is_empty() && field.key == DraftField::ReceivedAt && !focused {
                    Line::from(Span::styled(t(T::NowDefault), theme::hint()))
                } else {
                    shown
                };
                f.render_widget(Paragraph::new(shown), value);
                if focused {
                    f.set_cursor_position((value.x + col, value.y));
                }
            }
            Widget::Area(a) => field::draw_area(f, a, value, focused),
        }
    }

    fn draw_message(&self, f: &mut Frame<'_>, area: Rect) {
        let line = if let Some((text, good)) = &self.message {
            Line::from(Span::styled(
                text.clone(),
                if *good { theme::ok() } else { theme::problem() },
            ))
        } else if let Some(e) = self
            .problem_of(self.focused_key())
            .filter(|_| self.focus_reached_problem())
        {
            Line::from(vec![
                Span::styled("✗ ", theme::problem()),
                Span::styled(
                    format!(
                        "{}: {}",
                        i18n::field_label(self.focused_key()),
                        i18n::problem(&e.problem)
                    ),
                    theme::problem(),
                ),
            ])
        } else if self.errors.is_empty() && self.touched {
            Line::from(Span::styled(format!("✓ {}", t(T::FormValid)), theme::ok()))
        } else {
            Line::from(Span::styled(
                format!("{} · F1 {}", say(R::CtrlSSave), say(R::Help)),
                theme::hint(),
            ))
        };
        f.render_widget(Paragraph::new(line), area);
    }

    /// The focused field's problem shows once the operator typed in it.
    fn focus_reached_problem(&self) -> bool {
        match &self.fields[self.focus].widget {
            Widget::Line(l) => !l.is_empty(),
            _ => false,
        }
    }
}

/// The form has no field of its own for the day the file was complete: its
/// problems show on the time of receipt.
fn shown_on(field: DraftField) -> DraftField {
    match field {
        DraftField::CompleteOn => DraftField::ReceivedAt,
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyModifiers};

    fn form() -> Intake {
        Intake::new(&["PBG".to_string()])
    }

    fn focus_on(intake: &mut Intake, key: DraftField) {
        while intake.focused_key() != key {
            intake.apply(Action::NextField);
        }
    }

    #[test]
    fn the_description_keeps_pasted_breaks_and_a_draft_brings_them_back() {
        let mut intake = form();
        focus_on(&mut intake, DraftField::Description);
        assert!(intake.paste("Satu.\r\n\r\nDua.\rTiga.\n"));
        let draft = intake.to_draft();
        assert_eq!(draft.description, "Satu.\n\nDua.\nTiga.\n");
        let mut again = form();
        again.load(&draft);
        assert_eq!(again.to_draft().description, draft.description);
    }

    #[test]
    fn a_one_line_field_takes_pasted_breaks_as_spaces() {
        let mut intake = form();
        focus_on(&mut intake, DraftField::Name);
        intake.paste("Siti\r\nAminah");
        assert_eq!(intake.to_draft().name, "Siti Aminah");
        focus_on(&mut intake, DraftField::Confidential);
        assert!(!intake.paste("x"));
    }

    #[test]
    fn a_form_is_empty_until_something_is_typed_ticked_or_chosen() {
        let mut intake = form();
        assert!(intake.is_empty());
        focus_on(&mut intake, DraftField::Anonymous);
        intake.apply(Action::Toggle);
        assert!(!intake.is_empty());
        let mut intake = form();
        focus_on(&mut intake, DraftField::Subject);
        intake.edit(KeyEvent::new(KeyCode::Char('P'), KeyModifiers::NONE));
        assert!(!intake.is_empty());
        intake.clear(&["PBG".to_string()]);
        assert!(intake.is_empty());
    }
}
