//! What is said about files: why one was not read, and which of the
//! desk's files others could read.

use std::path::Path;

use crate::files::ReadError;

/// Why a file was not read, as the end of a one-line refusal.
pub fn read_problem(e: &ReadError) -> String {
    match e {
        ReadError::NotAFile => tr!(
            "bukan berkas biasa (perangkat, pipa atau folder)",
            "not a regular file (a device, a pipe or a folder)"
        ),
        ReadError::TooLarge { limit } => too_large(*limit),
        ReadError::Io(e) if e.kind() == std::io::ErrorKind::InvalidData => {
            tr!("bukan teks UTF-8", "not UTF-8 text")
        }
        ReadError::Io(e) => super::io_detail(e),
    }
}

fn too_large(limit: u64) -> String {
    const MB: u64 = 1 << 20;
    if limit >= MB {
        tr!("lebih dari {} MB", "larger than {} MB", limit / MB)
    } else {
        tr!("lebih dari {limit} bita", "larger than {limit} bytes")
    }
}

/// A mode as `ls -l` users read it: `0644`.
pub fn mode_text(mode: u32) -> String {
    format!("{:04o}", mode & 0o7777)
}

/// The one line at start when some of the desk's files let others in.
pub fn loose_warning(count: usize, first: &Path, mode: u32) -> String {
    let more = count.saturating_sub(1);
    let others = if more > 0 {
        tr!(" dan {more} lainnya", " and {more} more")
    } else {
        String::new()
    };
    tr!(
        "Peringatan: berkas loket dapat dibaca atau diubah pengguna lain: {} ({}){others}; perbaiki dengan `aduan check --fix-permissions`.",
        "Warning: the desk's files can be read or changed by other users: {} ({}){others}; repair with `aduan check --fix-permissions`.",
        first.display(),
        mode_text(mode)
    )
}

/// A finding of `aduan check`: one path others may read or change.
pub fn loose_finding(path: &Path, mode: u32, folder: bool) -> String {
    let what = if folder {
        tr!("folder", "folder")
    } else {
        tr!("berkas", "file")
    };
    tr!(
        "{what} {} terbuka bagi pengguna lain ({}); perbaiki dengan `aduan check --fix-permissions`",
        "{what} {} is open to other users ({}); repair with `aduan check --fix-permissions`",
        path.display(),
        mode_text(mode)
    )
}

/// A path `--fix-permissions` changed.
pub fn permission_fixed(path: &Path, from: u32, to: u32) -> String {
    tr!(
        "diperbaiki: {} {} → {}",
        "repaired: {} {} → {}",
        path.display(),
        mode_text(from),
        mode_text(to)
    )
}

/// `--fix-permissions` found nothing to change.
pub fn permissions_already_tight() -> String {
    tr!(
        "Semua berkas loket hanya dapat dibuka pemiliknya; tidak ada yang diubah.",
        "Every file of the desk is open to its owner only; nothing was changed."
    )
}
