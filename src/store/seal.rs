//! Sealed files: a bundle or a backup as a short plaintext preamble (what
//! a folder sync needs to sort files, nothing personal) followed by an age
//! ciphertext, to the office secret, of the preamble again and the SQLite
//! file. The inner copy of the preamble binds the outer one: a changed
//! preamble is tampering, refused like a changed byte of the ciphertext.
//!
//! The plaintext SQLite only ever lives in a [`PrivateDir`] (0700, removed
//! when dropped), never beside the sealed file.

use std::io::{BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use age::secrecy::{ExposeSecret, SecretString};
use uuid::Uuid;

use super::bundle::Refusal;
use super::schema::BUNDLE_APPLICATION_ID;

/// The first line of every sealed file; the digit is the format.
pub const MAGIC: &str = "ADUAN-SEALED ";
const FORMAT: i64 = 1;
/// The first line of a join file.
const JOIN_MAGIC: &[u8] = b"ADUAN-JOIN 1\n";
/// No preamble is longer: a file whose first kilobyte holds none is refused
/// without reading on.
const PREAMBLE_LIMIT: usize = 1024;
/// A join file holds one secret: anything much larger is not one.
const JOIN_LIMIT: u64 = 64 * 1024;

/// What a sealed file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SealKind {
    Bundle,
    Backup,
}

impl SealKind {
    fn word(self) -> &'static str {
        match self {
            SealKind::Bundle => "bundle",
            SealKind::Backup => "backup",
        }
    }
}

/// The plaintext head of a sealed file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preamble {
    pub kind: SealKind,
    pub office: Uuid,
    /// The desk that wrote it.
    pub exported_by: Uuid,
    pub exported_at: i64,
    /// Which office secret it was sealed to ([`OfficeSecret::id`]).
    pub secret_id: String,
}

impl Preamble {
    fn to_bytes(&self) -> Vec<u8> {
        format!(
            "{MAGIC}{FORMAT}\nkind {}\noffice {}\nby {}\nat {}\nkey {}\n\n",
            self.kind.word(),
            self.office,
            self.exported_by,
            self.exported_at,
            self.secret_id
        )
        .into_bytes()
    }

    /// The fields after the magic line, in their fixed order.
    fn parse_fields(text: &str) -> Option<Preamble> {
        let mut lines = text.lines();
        let mut field = |name: &str| {
            lines
                .next()
                .and_then(|l| l.strip_prefix(name))
                .and_then(|l| l.strip_prefix(' '))
                .map(str::to_string)
        };
        let kind = match field("kind")?.as_str() {
            "bundle" => SealKind::Bundle,
            "backup" => SealKind::Backup,
            _ => return None,
        };
        let office = Uuid::parse_str(&field("office")?).ok()?;
        let exported_by = Uuid::parse_str(&field("by")?).ok()?;
        let exported_at = field("at")?.parse().ok()?;
        let secret_id = field("key")?;
        let well_formed = secret_id.len() == 16 && secret_id.bytes().all(|b| b.is_ascii_hexdigit());
        well_formed.then_some(Preamble {
            kind,
            office,
            exported_by,
            exported_at,
            secret_id,
        })
    }
}

/// The office secret: an age x25519 identity every desk of the office holds.
pub struct OfficeSecret(age::x25519::Identity);

impl OfficeSecret {
    pub fn generate() -> OfficeSecret {
        OfficeSecret(age::x25519::Identity::generate())
    }

    /// Reads `AGE-SECRET-KEY-1…` (spaces and line ends around it ignored;
    /// letters in either case, as typed from a paper copy).
    pub fn parse(text: &str) -> Option<OfficeSecret> {
        let typed: String = text.split_whitespace().collect::<String>().to_uppercase();
        typed.parse().ok().map(OfficeSecret)
    }

    /// The secret as written on the office's paper copy.
    pub fn reveal(&self) -> String {
        self.0.to_string().expose_secret().to_string()
    }

    /// A short name of the secret (of its public half), so a file sealed to
    /// another office secret is told apart from a damaged one.
    pub fn id(&self) -> String {
        use sha2::{Digest, Sha256};
        let digest = Sha256::digest(self.0.to_public().to_string().as_bytes());
        digest[..8].iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// A folder only this user may enter, removed with all it holds when
/// dropped: where plaintext SQLite files are made and read.
pub struct PrivateDir {
    path: PathBuf,
}

impl PrivateDir {
    pub fn new_in(parent: &Path) -> std::io::Result<PrivateDir> {
        std::fs::create_dir_all(parent)?;
        let path = parent.join(format!(".aduan-private-{}", Uuid::new_v4().simple()));
        let mut builder = std::fs::DirBuilder::new();
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(&path)?;
        Ok(PrivateDir { path })
    }

    /// A path inside the folder.
    pub fn file(&self, name: &str) -> PathBuf {
        self.path.join(name)
    }
}

impl Drop for PrivateDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// Creates `path` owner-only, never over an existing file.
fn create_private(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// Encrypts the SQLite file `plain` into `out` (created, owner-only) under
/// `preamble`, to `secret`, and flushes it to disk.
pub fn seal(
    plain: &Path,
    out: &Path,
    preamble: &Preamble,
    secret: &OfficeSecret,
) -> std::io::Result<()> {
    let head = preamble.to_bytes();
    let mut file = std::io::BufWriter::new(create_private(out)?);
    file.write_all(&head)?;
    let recipient = secret.0.to_public();
    let encryptor =
        age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
            .map_err(std::io::Error::other)?;
    let mut sealed = encryptor.wrap_output(file)?;
    sealed.write_all(&head)?;
    std::io::copy(&mut std::fs::File::open(plain)?, &mut sealed)?;
    let file = sealed.finish()?.into_inner().map_err(|e| e.into_error())?;
    file.sync_all()
}

/// Why a sealed file could not be opened.
#[derive(Debug)]
pub enum UnsealError {
    Refused(Refusal),
    /// Writing the plaintext copy failed (this desk's disk, not the file).
    Io(std::io::Error),
}

impl From<Refusal> for UnsealError {
    fn from(r: Refusal) -> UnsealError {
        UnsealError::Refused(r)
    }
}

/// Reads the preamble of the file at `path` without decrypting anything,
/// with its length in bytes. An I/O error is the file's reading trouble.
pub fn read_preamble(path: &Path) -> std::io::Result<Result<(Preamble, usize), Refusal>> {
    let meta = std::fs::metadata(path)?;
    if meta.is_dir() {
        return Ok(Err(Refusal::Folder));
    }
    if !meta.is_file() {
        return Ok(Err(Refusal::Foreign));
    }
    if meta.len() == 0 {
        return Ok(Err(Refusal::Empty));
    }
    let mut head = Vec::with_capacity(PREAMBLE_LIMIT);
    std::fs::File::open(path)?
        .take(PREAMBLE_LIMIT as u64)
        .read_to_end(&mut head)?;
    Ok(parse_preamble(&head))
}

/// The preamble at the start of `head`, or what the bytes are instead.
fn parse_preamble(head: &[u8]) -> Result<(Preamble, usize), Refusal> {
    let Some(rest) = head.strip_prefix(MAGIC.as_bytes()) else {
        return Err(what_else(head));
    };
    let line_end = rest
        .iter()
        .position(|&b| b == b'\n')
        .ok_or(Refusal::Tampered)?;
    let format: i64 = std::str::from_utf8(&rest[..line_end])
        .ok()
        .and_then(|v| v.parse().ok())
        .ok_or(Refusal::Tampered)?;
    if format != FORMAT {
        return Err(Refusal::Format(format));
    }
    let fields = &rest[line_end + 1..];
    let end = fields
        .windows(2)
        .position(|w| w == b"\n\n")
        .ok_or(Refusal::Tampered)?;
    let text = std::str::from_utf8(&fields[..end]).map_err(|_| Refusal::Tampered)?;
    let preamble = Preamble::parse_fields(text).ok_or(Refusal::Tampered)?;
    let len = preamble.to_bytes().len();
    // Only the one spelling this version writes is accepted.
    if head.get(..len) != Some(&preamble.to_bytes()[..]) {
        return Err(Refusal::Tampered);
    }
    Ok((preamble, len))
}

/// A file that is not sealed: an older version's plaintext bundle, another
/// SQLite file, or anything else.
fn what_else(head: &[u8]) -> Refusal {
    if head.starts_with(b"SQLite format 3\0") && head.len() >= 72 {
        let id = i32::from_be_bytes([head[68], head[69], head[70], head[71]]);
        return if id == BUNDLE_APPLICATION_ID {
            Refusal::PlainBundle
        } else {
            Refusal::PlainDatabase
        };
    }
    Refusal::Foreign
}

/// Checks and decrypts the sealed file at `path` into `into` (as `name`),
/// returning its preamble and the plaintext's path. Refused before
/// anything is written when the file is not of `kind`, not of `office`, or
/// sealed to another secret; a tampered file is refused and its partial
/// plaintext removed.
pub fn unseal(
    path: &Path,
    kind: SealKind,
    office: Option<Uuid>,
    secret: &OfficeSecret,
    into: &PrivateDir,
    name: &str,
) -> Result<(Preamble, PathBuf), UnsealError> {
    let (preamble, len) = read_preamble(path).map_err(UnsealError::Io)??;
    if preamble.kind != kind {
        return Err(Refusal::WrongKind(preamble.kind).into());
    }
    if office.is_some_and(|o| o != preamble.office) {
        return Err(Refusal::OtherOffice(preamble.office).into());
    }
    if preamble.secret_id != secret.id() {
        return Err(Refusal::OtherSecret.into());
    }
    let out = into.file(name);
    let done = decrypt_into(path, len, &preamble, secret, &out);
    if done.is_err() {
        let _ = std::fs::remove_file(&out);
    }
    done.map(|()| (preamble, out))
}

fn decrypt_into(
    path: &Path,
    len: usize,
    preamble: &Preamble,
    secret: &OfficeSecret,
    out: &Path,
) -> Result<(), UnsealError> {
    fn tampered<E>(_: E) -> UnsealError {
        UnsealError::Refused(Refusal::Tampered)
    }
    let mut file = std::fs::File::open(path).map_err(UnsealError::Io)?;
    file.seek(SeekFrom::Start(len as u64))
        .map_err(UnsealError::Io)?;
    let decryptor = age::Decryptor::new_buffered(BufReader::new(file)).map_err(tampered)?;
    let mut plain = decryptor
        .decrypt(std::iter::once(&secret.0 as &dyn age::Identity))
        .map_err(tampered)?;
    let mut inner = vec![0; len];
    plain.read_exact(&mut inner).map_err(tampered)?;
    if inner != preamble.to_bytes() {
        return Err(Refusal::Tampered.into());
    }
    let mut sink = std::io::BufWriter::new(create_private(out).map_err(UnsealError::Io)?);
    let mut block = vec![0; 64 * 1024];
    loop {
        let n = plain.read(&mut block).map_err(tampered)?;
        if n == 0 {
            break;
        }
        sink.write_all(&block[..n]).map_err(UnsealError::Io)?;
    }
    sink.flush().map_err(UnsealError::Io)
}

/// Why a join file could not be opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JoinFileError {
    NotAJoinFile,
    WrongPassphrase,
    Damaged,
}

/// A join file: the office id and secret, encrypted with a passphrase a
/// person types (age's scrypt).
pub fn seal_join(
    secret: &OfficeSecret,
    office: Uuid,
    passphrase: &str,
) -> std::io::Result<Vec<u8>> {
    let text = format!("office {office}\nsecret {}\n", secret.reveal());
    let encryptor =
        age::Encryptor::with_user_passphrase(SecretString::from(passphrase.to_string()));
    let mut out = JOIN_MAGIC.to_vec();
    let mut writer = encryptor.wrap_output(&mut out)?;
    writer.write_all(text.as_bytes())?;
    writer.finish()?;
    Ok(out)
}

/// Reads a join file (up to its limit) and opens it with `passphrase`.
pub fn open_join_file(
    path: &Path,
    passphrase: &str,
) -> std::io::Result<Result<(Uuid, OfficeSecret), JoinFileError>> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(JOIN_LIMIT)
        .read_to_end(&mut bytes)?;
    Ok(open_join(&bytes, passphrase))
}

fn open_join(bytes: &[u8], passphrase: &str) -> Result<(Uuid, OfficeSecret), JoinFileError> {
    let body = bytes
        .strip_prefix(JOIN_MAGIC)
        .ok_or(JoinFileError::NotAJoinFile)?;
    let decryptor = age::Decryptor::new_buffered(body).map_err(|_| JoinFileError::Damaged)?;
    let identity = age::scrypt::Identity::new(SecretString::from(passphrase.to_string()));
    let mut reader = decryptor
        .decrypt(std::iter::once(&identity as &dyn age::Identity))
        .map_err(|e| match e {
            age::DecryptError::DecryptionFailed
            | age::DecryptError::KeyDecryptionFailed
            | age::DecryptError::NoMatchingKeys => JoinFileError::WrongPassphrase,
            _ => JoinFileError::Damaged,
        })?;
    let mut text = String::new();
    reader
        .read_to_string(&mut text)
        .map_err(|_| JoinFileError::Damaged)?;
    let mut office = None;
    let mut secret = None;
    for line in text.lines() {
        if let Some(v) = line.strip_prefix("office ") {
            office = Uuid::parse_str(v).ok();
        } else if let Some(v) = line.strip_prefix("secret ") {
            secret = OfficeSecret::parse(v);
        }
    }
    office.zip(secret).ok_or(JoinFileError::Damaged)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn preamble(secret: &OfficeSecret) -> Preamble {
        Preamble {
            kind: SealKind::Bundle,
            office: Uuid::from_u128(7),
            exported_by: Uuid::from_u128(8),
            exported_at: 1_795_665_600,
            secret_id: secret.id(),
        }
    }

    #[test]
    fn a_preamble_reads_back_and_its_spelling_is_fixed() {
        let secret = OfficeSecret::generate();
        let bytes = preamble(&secret).to_bytes();
        let (read, len) = parse_preamble(&bytes).unwrap();
        assert_eq!((read, len), (preamble(&secret), bytes.len()));
        let spaced = String::from_utf8(bytes).unwrap().replace("kind ", "kind  ");
        assert_eq!(parse_preamble(spaced.as_bytes()), Err(Refusal::Tampered));
        assert_eq!(parse_preamble(b"PK\x03\x04"), Err(Refusal::Foreign));
    }

    #[test]
    fn a_secret_typed_from_paper_reads_back() {
        let secret = OfficeSecret::generate();
        let typed = secret.reveal().to_lowercase();
        let (head, tail) = typed.split_at(20);
        let back = OfficeSecret::parse(&format!("  {head} {tail}\n")).unwrap();
        assert_eq!(back.id(), secret.id());
        assert!(OfficeSecret::parse("AGE-SECRET-KEY-1XYZ").is_none());
    }

    #[test]
    fn a_join_file_opens_with_its_passphrase_only() {
        let secret = OfficeSecret::generate();
        let bytes = seal_join(&secret, Uuid::from_u128(7), "kantor aman 2026").unwrap();
        let (office, back) = open_join(&bytes, "kantor aman 2026").unwrap();
        assert_eq!((office, back.id()), (Uuid::from_u128(7), secret.id()));
        assert_eq!(
            open_join(&bytes, "salah").err(),
            Some(JoinFileError::WrongPassphrase)
        );
        assert_eq!(
            open_join(b"hello", "x").err(),
            Some(JoinFileError::NotAJoinFile)
        );
    }
}
