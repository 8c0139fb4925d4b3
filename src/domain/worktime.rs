//! Office time as people count it: working days and hours, not minutes.
//! A day is the office's working day (its hours), so "1 day" of a step's
//! standard is the same span the deadlines count.

/// Office minutes split into whole working days, hours and minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorkTime {
    pub days: u32,
    pub hours: u32,
    pub minutes: u32,
}

impl WorkTime {
    /// Splits `minutes` of office time by a working day of `minutes_per_day`
    /// (an office with no hours counts no days, only hours).
    pub fn split(minutes: u32, minutes_per_day: u32) -> WorkTime {
        let (days, rest) = match minutes_per_day {
            0 => (0, minutes),
            per_day => (minutes / per_day, minutes % per_day),
        };
        WorkTime {
            days,
            hours: rest / 60,
            minutes: rest % 60,
        }
    }

    /// The two largest parts worth saying, as (amount, unit): days and hours
    /// once there is a day, hours and minutes under a day. Nothing at all
    /// reads as zero hours.
    pub fn parts(&self) -> Vec<(u32, Unit)> {
        let all = [
            (self.days, Unit::Day),
            (self.hours, Unit::Hour),
            (self.minutes, Unit::Minute),
        ];
        let Some(first) = all.iter().position(|(n, _)| *n > 0) else {
            return vec![(0, Unit::Hour)];
        };
        // Under the largest unit, the next one only: "3 days 2 hours", not minutes.
        all[first..(first + 2).min(3)]
            .iter()
            .copied()
            .filter(|(n, _)| *n > 0)
            .collect()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Day,
    Hour,
    Minute,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn office_minutes_become_days_and_hours() {
        let t = WorkTime::split(3 * 480 + 2 * 60 + 15, 480);
        assert_eq!(
            t,
            WorkTime {
                days: 3,
                hours: 2,
                minutes: 15
            }
        );
        assert_eq!(t.parts(), [(3, Unit::Day), (2, Unit::Hour)]);
        assert_eq!(
            WorkTime::split(480, 480).parts(),
            [(1, Unit::Day)],
            "a whole day has no zero hours after it"
        );
        assert_eq!(WorkTime::split(45, 480).parts(), [(45, Unit::Minute)]);
        assert_eq!(
            WorkTime::split(150, 480).parts(),
            [(2, Unit::Hour), (30, Unit::Minute)]
        );
        assert_eq!(WorkTime::split(0, 480).parts(), [(0, Unit::Hour)]);
        // A day of 7.5 office hours.
        assert_eq!(
            WorkTime::split(450 + 60, 450).parts(),
            [(1, Unit::Day), (1, Unit::Hour)]
        );
        assert_eq!(
            WorkTime::split(600, 0).parts(),
            [(10, Unit::Hour)],
            "no office hours: no days"
        );
    }
}
