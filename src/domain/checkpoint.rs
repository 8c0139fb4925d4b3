//! Signed checkpoints: a desk's ed25519 signature on the head of its hash
//! chain. Each event names the hash of the one before it, so one signature
//! on (desk, sequence number, head hash) covers every event up to there:
//! verifying a bundle costs one signature per desk, not one per event.
//!
//! The desk's code and name are signed with it: the roster a bundle carries
//! cannot be edited behind a genuine key (a desk renamed `LKT2` → `LKT1`
//! would make two desks hand out the same agenda numbers).

use ed25519_dalek::{Signature, Signer as _, SigningKey, Verifier, VerifyingKey};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::event::Hash;

/// Who signs: a desk's id, code and name.
#[derive(Debug, Clone, Copy)]
pub struct Signer<'a> {
    pub desk: Uuid,
    pub code: &'a str,
    pub name: &'a str,
}

/// What a desk vouches for: it is `code` (`name`), and its chain up to `seq`
/// ends in `head`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Checkpoint {
    pub desk: Uuid,
    pub seq: u64,
    pub head: Hash,
    pub signature: [u8; 64],
}

/// The signed bytes, bound to the office so a checkpoint of one office is
/// worthless in another. Code and name are length-prefixed so no two
/// (code, name) pairs give the same bytes.
fn message(office: Uuid, who: Signer<'_>, seq: u64, head: &Hash) -> Vec<u8> {
    let mut m = b"aduan/checkpoint/2".to_vec();
    m.extend_from_slice(office.as_bytes());
    m.extend_from_slice(who.desk.as_bytes());
    for text in [who.code, who.name] {
        m.extend_from_slice(&(text.len() as u64).to_le_bytes());
        m.extend_from_slice(text.as_bytes());
    }
    m.extend_from_slice(&seq.to_le_bytes());
    m.extend_from_slice(head);
    m
}

/// A new key pair from 32 random bytes.
pub fn key_from_seed(seed: [u8; 32]) -> SigningKey {
    SigningKey::from_bytes(&seed)
}

pub fn sign(key: &SigningKey, office: Uuid, who: Signer<'_>, seq: u64, head: Hash) -> Checkpoint {
    Checkpoint {
        desk: who.desk,
        seq,
        head,
        signature: key.sign(&message(office, who, seq, &head)).to_bytes(),
    }
}

/// Whether `public` (32 bytes) signed this checkpoint for `office`, as the
/// desk with this code and name.
pub fn verify(public: &[u8], office: Uuid, code: &str, name: &str, cp: &Checkpoint) -> bool {
    let Ok(bytes) = <[u8; 32]>::try_from(public) else {
        return false;
    };
    let Ok(key) = VerifyingKey::from_bytes(&bytes) else {
        return false;
    };
    let who = Signer {
        desk: cp.desk,
        code,
        name,
    };
    key.verify(
        &message(office, who, cp.seq, &cp.head),
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
        let who = Signer {
            desk,
            code: "LKT2",
            name: "Loket 2",
        };
        let cp = sign(&key, office, who, 42, [9; 32]);
        let ok = |office, code, name, cp: &Checkpoint| verify(&public, office, code, name, cp);
        assert!(ok(office, "LKT2", "Loket 2", &cp));
        assert!(
            !ok(Uuid::from_u128(3), "LKT2", "Loket 2", &cp),
            "another office"
        );
        assert!(!ok(office, "LKT1", "Loket 2", &cp), "another code");
        assert!(!ok(office, "LKT2", "Loket 1", &cp), "another name");
        assert!(!ok(office, "LKT", "2Loket 2", &cp), "the boundary moved");
        assert!(!ok(
            office,
            "LKT2",
            "Loket 2",
            &Checkpoint { seq: 43, ..cp }
        ));
        assert!(!ok(
            office,
            "LKT2",
            "Loket 2",
            &Checkpoint {
                head: [8; 32],
                ..cp
            }
        ));
        let other = key_from_seed([8; 32]).verifying_key().to_bytes();
        assert!(
            !verify(&other, office, "LKT2", "Loket 2", &cp),
            "another desk's key"
        );
        assert_eq!(fingerprint(&public).len(), 19);
    }
}
