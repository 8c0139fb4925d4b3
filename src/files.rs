//! Reading files with care: only regular files, never more than a limit
//! suited to what the file is. A FIFO would block a read forever and
//! `/dev/zero` would fill the memory, so both are refused before a byte is
//! read. Files aduan makes are its owner's only, whatever the umask.

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
    /// The body of a letter given as a file (`letter ... --body-file`).
    pub const LETTER: u64 = 1 << 20;
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
/// The check follows symbolic links and is made again on the opened file,
/// which is opened without waiting: a FIFO put in place between the look
/// and the open is refused too instead of blocking. The size is enforced
/// while reading, since a file may grow between the check and the read.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let meta = std::fs::metadata(path).map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile);
    }
    let file = open_without_waiting(path).map_err(ReadError::Io)?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile);
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge { limit });
    }
    read_limited(file, limit)
}

/// Everything `reader` gives, refused once it gives more than `limit`
/// bytes (for stdin, which may be a pipe or `/dev/zero`).
pub fn read_limited(reader: impl Read, limit: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit });
    }
    Ok(bytes)
}

fn open_without_waiting(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    options.open(path)
}

/// [`read_bounded`] as UTF-8 text; invalid UTF-8 is an `Io` error of kind
/// `InvalidData`.
pub fn read_text_bounded(path: &Path, limit: u64) -> Result<String, ReadError> {
    let bytes = read_bounded(path, limit)?;
    String::from_utf8(bytes)
        .map_err(|e| ReadError::Io(std::io::Error::new(std::io::ErrorKind::InvalidData, e)))
}

/// The mode of every file aduan makes: the owner's only.
pub const FILE_MODE: u32 = 0o600;
/// The mode of every folder aduan makes.
pub const FOLDER_MODE: u32 = 0o700;

/// Creates `dir` and the folders above it that are missing, each owner-only.
pub fn create_private_dir_all(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, FOLDER_MODE);
    builder.create(dir)
}

/// Creates a new owner-only file, never opening one that exists (nor
/// following a link put in its place).
pub fn create_private_file(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, FILE_MODE);
    options.open(path)
}

/// Writes `bytes` into a new owner-only file, flushed to disk.
pub fn write_private_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = create_private_file(path)?;
    std::io::Write::write_all(&mut file, bytes)?;
    file.sync_all()
}

/// [`read_limited`] as UTF-8 text.
pub fn read_text_limited(reader: impl Read, limit: u64) -> Result<String, ReadError> {
    let bytes = read_limited(reader, limit)?;
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

    #[test]
    fn a_fifo_is_refused_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        assert!(matches!(read_bounded(&fifo, 10), Err(ReadError::NotAFile)));
    }

    #[test]
    fn a_stream_over_its_limit_is_refused() {
        let zeros = std::io::repeat(0);
        assert!(matches!(
            read_limited(zeros, 8),
            Err(ReadError::TooLarge { limit: 8 })
        ));
        assert_eq!(read_limited(&b"abc"[..], 3).unwrap(), b"abc");
    }
}
