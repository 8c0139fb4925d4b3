//! Signed checkpoints: a desk's ed25519 signature on the head of its hash
//! chain. Each event names the hash of the one before it, so one signature
//! on (desk, sequence number, head hash) covers every event up to there:
//! verifying a bundle costs one signature per desk, not one per event.

use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::event::Hash;

/// What a desk vouches for: its chain up to `seq` ends in `head`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Checkpoint {
    pub desk: Uuid,
    pub seq: u64,
    pub head: Hash,
    pub signature: [u8; 64],
}

/// The signed bytes, bound to the office so a checkpoint of one office is
/// worthless in another.
fn message(office: Uuid, desk: Uuid, seq: u64, head: &Hash) -> Vec<u8> {
    let mut m = b"aduan/checkpoint/1".to_vec();
    m.extend_from_slice(office.as_bytes());
    m.extend_from_slice(desk.as_bytes());
    m.extend_from_slice(&seq.to_le_bytes());
    m.extend_from_slice(head);
    m
}

/// A new key pair from 32 random bytes.
pub fn key_from_seed(seed: [u8; 32]) -> SigningKey {
    SigningKey::from_bytes(&seed)
}

pub fn sign(key: &SigningKey, office: Uuid, desk: Uuid, seq: u64, head: Hash) -> Checkpoint {
    Checkpoint {
        desk,
        seq,
        head,
        signature: key.sign(&message(office, desk, seq, &head)).to_bytes(),
    }
}

/// Whether `public` (32 bytes) signed this checkpoint for `office`.
pub fn verify(public: &[u8], office: Uuid, cp: &Checkpoint) -> bool {
    let Ok(bytes) = <[u8; 32]>::try_from(public) else {
        return false;
    };
    let Ok(key) = VerifyingKey::from_bytes(&bytes) else {
        return false;
    };
    key.verify(
        &message(office, cp.desk, cp.seq, &cp.head),
        &Signature::from_bytes(&cp.signature),
    )
    .is_ok()
}

/// A public key as people compare it aloud: 16 hex digits in groups of four
/// (of its SHA-256, so every key gives the same length).
pub fn fingerprint(public: &[u8]) -> String {
    let digest = Sha256::digest(public);
    digest[..8]
        .chunks(2)
        .map(|c| format!("{:02X}{:02X}", c[0], c[1]))
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_checkpoint_verifies_only_unchanged_and_in_its_office() {
        let key = key_from_seed([7; 32]);
        let public = key.verifying_key().to_bytes();
        let (office, desk) = (Uuid::from_u128(1), Uuid::from_u128(2));
        let cp = sign(&key, office, desk, 42, [9; 32]);
        assert!(verify(&public, office, &cp));
        assert!(!verify(&public, Uuid::from_u128(3), &cp), "another office");
        assert!(!verify(&public, office, &Checkpoint { seq: 43, ..cp }));
        assert!(!verify(
            &public,
            office,
            &Checkpoint {
                head: [8; 32],
                ..cp
            }
        ));
        let other = key_from_seed([8; 32]).verifying_key().to_bytes();
        assert!(!verify(&other, office, &cp), "another desk's key");
        assert_eq!(fingerprint(&public).len(), 19);
    }
}
