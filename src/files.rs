//! Reading files with care: only regular files, never more than a limit
//! suited to what the file is. A FIFO would block a read forever and
//! `/dev/zero` would fill the memory, so both are refused before a byte is
//! read.

use std::io::Read;
use std::path::Path;

/// Upper bounds for each kind of file aduan reads. Each is far above what an
/// honest file of its kind holds, and low enough that reading it whole is
/// harmless.
pub mod limit {
    /// `config.toml`.
    pub const CONFIG: u64 = 1 << 20;
    /// An SOP file.
    pub const SOP: u64 = 1 << 20;
    /// A holiday list.
    pub const HOLIDAYS: u64 = 1 << 20;
    /// A case given as JSON (`case add --json`).
    pub const CASE_JSON: u64 = 4 << 20;
    /// A document template (`.typ`, its JSON example).
    pub const TEMPLATE: u64 = 4 << 20;
    /// An attachment to a note.
    pub const ATTACHMENT: u64 = 64 << 20;
}

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// A directory, FIFO, device or socket.
    NotAFile,
    /// Larger than `limit` bytes.
    TooLarge { limit: u64 },
    /// Missing, unreadable, or failed while read.
    Io(std::io::Error),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::NotAFile => write!(f, "not a regular file"),
            ReadError::TooLarge { limit } => write!(f, "larger than {limit} bytes"),
            ReadError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ReadError {}

/// The whole of `path` if it is a regular file of at most `limit` bytes.
/// The check follows symbolic links; the size is enforced while reading too,
/// since a file may grow between the check and the read.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let meta = std::fs::metadata(path).map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile);
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge { limit });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    std::fs::File::open(path)
        .and_then(|f| f.take(limit + 1).read_to_end(&mut bytes))
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit });
    }
    Ok(bytes)
}

/// [`read_bounded`] as UTF-8 text; invalid UTF-8 is an `Io` error of kind
/// `InvalidData`.
pub fn read_text_bounded(path: &Path, limit: u64) -> Result<String, ReadError> {
    let bytes = read_bounded(path, limit)?;
    String::from_utf8(bytes)
        .map_err(|e| ReadError::Io(std::io::Error::new(std::io::ErrorKind::InvalidData, e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_device_and_a_directory_are_not_files() {
        assert!(matches!(
            read_bounded(Path::new("/dev/zero"), 10),
            Err(ReadError::NotAFile)
        ));
        assert!(matches!(
            read_bounded(Path::new("/"), 10),
            Err(ReadError::NotAFile)
        ));
    }

    #[test]
    fn a_file_over_its_limit_is_refused_and_one_at_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, b"12345").unwrap();
        assert!(matches!(
            read_bounded(&path, 4),
            Err(ReadError::TooLarge { limit: 4 })
        ));
        assert_eq!(read_bounded(&path, 5).unwrap(), b"12345");
    }
}
