//! Where new ids and key seeds come from: the operating system's random
//! source, or, for a test that must replay, a generator seeded from the
//! test's own seed. Desk, case and event ids decide the fold's order between
//! desks and which of two equal-time values shows, so a history that fails
//! once must draw the same ids when it is run again.

use std::cell::RefCell;

use rand::{RngCore, SeedableRng};
use rand_chacha::ChaCha20Rng;
use uuid::Uuid;

#[derive(Debug, Default)]
pub struct IdSource(RefCell<Option<ChaCha20Rng>>);

impl IdSource {
    /// From now on, every id comes from `seed`.
    pub fn seed(&self, seed: u64) {
        *self.0.borrow_mut() = Some(ChaCha20Rng::seed_from_u64(seed));
    }

    /// A new random (version 4) id.
    pub fn uuid(&self) -> Uuid {
        match self.0.borrow_mut().as_mut() {
            Some(rng) => {
                let mut bytes = [0u8; 16];
                rng.fill_bytes(&mut bytes);
                uuid::Builder::from_random_bytes(bytes).into_uuid()
            }
            None => Uuid::new_v4(),
        }
    }

    /// 32 random bytes, for a new signing key.
    pub fn key_seed(&self) -> std::io::Result<[u8; 32]> {
        let mut seed = [0u8; 32];
        match self.0.borrow_mut().as_mut() {
            Some(rng) => rng.fill_bytes(&mut seed),
            None => getrandom::fill(&mut seed).map_err(|e| std::io::Error::other(e.to_string()))?,
        }
        Ok(seed)
    }
}
