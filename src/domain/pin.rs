//! PIN rules: what a PIN may look like, and how wrong tries lock a person
//! for a while. Pure arithmetic on unix seconds; the hash and the file
//! that keeps it are in `service/pin.rs`.

use serde::{Deserialize, Serialize};

pub const MIN_DIGITS: usize = 4;
pub const MAX_DIGITS: usize = 12;
/// Wrong PINs in a row that lock a person.
pub const MAX_TRIES: u32 = 5;

/// Why a new PIN is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PinProblem {
    /// Fewer than [`MIN_DIGITS`] or more than [`MAX_DIGITS`] digits.
    Length,
    /// Anything but the digits 0–9.
    NotDigits,
    /// Typed twice, the two differ.
    Mismatch,
}

/// A new PIN must be 4–12 ASCII digits.
pub fn check_new(pin: &str) -> Result<(), PinProblem> {
    if !pin.bytes().all(|b| b.is_ascii_digit()) {
        return Err(PinProblem::NotDigits);
    }
    if !(MIN_DIGITS..=MAX_DIGITS).contains(&pin.len()) {
        return Err(PinProblem::Length);
    }
    Ok(())
}

/// A person's wrong tries since their last success, and the lock they led to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Tries {
    pub failures: u32,
    /// Unix seconds until which no PIN is accepted (0: none).
    pub locked_until: i64,
}

impl Tries {
    /// The end of a lock still running at `now`.
    pub fn locked_at(&self, now: i64) -> Option<i64> {
        (self.locked_until > now).then_some(self.locked_until)
    }

    /// Tries left before the lock.
    pub fn left(&self) -> u32 {
        MAX_TRIES.saturating_sub(self.failures)
    }

    /// One more wrong PIN at `now`: the fifth locks for `lockout_secs`, and
    /// the count starts again, so after the lock there are five tries anew.
    pub fn after_failure(self, now: i64, lockout_secs: i64) -> Tries {
        let failures = self.failures + 1;
        if failures >= MAX_TRIES {
            Tries {
                failures: 0,
                locked_until: now.saturating_add(lockout_secs),
            }
        } else {
            Tries {
                failures,
                locked_until: self.locked_until,
            }
        }
    }

    /// The right PIN: the count resets.
    pub fn after_success(self) -> Tries {
        Tries::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: i64 = 15 * 60;

    #[test]
    fn pins_are_four_to_twelve_digits() {
        assert_eq!(check_new("1234"), Ok(()));
        assert_eq!(check_new("123456789012"), Ok(()));
        assert_eq!(check_new("123"), Err(PinProblem::Length));
        assert_eq!(check_new("1234567890123"), Err(PinProblem::Length));
        assert_eq!(check_new("12a4"), Err(PinProblem::NotDigits));
        assert_eq!(check_new("١٢٣٤"), Err(PinProblem::NotDigits));
        assert_eq!(check_new(""), Err(PinProblem::Length));
    }

    #[test]
    fn the_fifth_wrong_pin_locks_for_the_configured_time() {
        let mut t = Tries::default();
        for left in (1..MAX_TRIES).rev() {
            t = t.after_failure(100, LOCK);
            assert_eq!(t.left(), left);
            assert_eq!(t.locked_at(100), None);
        }
        t = t.after_failure(100, LOCK);
        assert_eq!(t.locked_at(100), Some(100 + LOCK));
        assert_eq!(t.locked_at(100 + LOCK - 1), Some(100 + LOCK));
        assert_eq!(t.locked_at(100 + LOCK), None);
    }

    #[test]
    fn after_a_lock_there_are_five_tries_again() {
        let mut t = Tries::default();
        for _ in 0..MAX_TRIES {
            t = t.after_failure(0, LOCK);
        }
        assert_eq!(t.left(), MAX_TRIES);
        let t = t.after_failure(LOCK + 1, LOCK);
        assert_eq!(t.left(), MAX_TRIES - 1);
        assert_eq!(t.locked_at(LOCK + 1), None);
    }

    #[test]
    fn success_resets_the_count() {
        let mut t = Tries::default();
        for _ in 0..MAX_TRIES - 1 {
            t = t.after_failure(0, LOCK);
        }
        assert_eq!(t.left(), 1);
        let t = t.after_success();
        assert_eq!(t.left(), MAX_TRIES);
        assert_eq!(t.after_failure(0, LOCK).locked_at(0), None);
    }
}
