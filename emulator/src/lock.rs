//! One emulator per data directory: an exclusive lock on `DATA/lock`
//! (`flock`), which the operating system releases when the process ends,
//! however it ends (`kill -9` included). The file names the holder's PID.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Write};
use std::path::Path;

/// Held for as long as the store is open.
#[derive(Debug)]
pub struct DirLock {
    _file: File,
}

impl DirLock {
    /// Locks `dir`, or says which process holds it.
    pub fn acquire(dir: &Path) -> io::Result<DirLock> {
        let path = dir.join("lock");
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)?;
        match file.try_lock() {
            Ok(()) => {
                file.set_len(0)?;
                writeln!(file, "{}", std::process::id())?;
                file.sync_all()?;
                Ok(DirLock { _file: file })
            }
            Err(TryLockError::WouldBlock) => {
                let holder = fs::read_to_string(&path).unwrap_or_default();
                let holder = holder.trim();
                let holder = if holder.is_empty() { "unknown" } else { holder };
                Err(io::Error::new(
                    io::ErrorKind::WouldBlock,
                    format!(
                        "the data directory {} is in use by another eg-emulator (process {holder}); stop that one, or give this one another --data",
                        dir.display()
                    ),
                ))
            }
            Err(TryLockError::Error(error)) => Err(error),
        }
    }
}
