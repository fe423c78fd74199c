//! The emulator's `--state` file, written so that a crash at any moment
//! (SIGKILL, power loss) leaves either the previous or the new state on
//! disk, never a file cut short.
//!
//! A write goes to a temporary file in the same folder, is flushed to the
//! disk, and is then renamed over the target; the folder is flushed too so
//! that the rename itself survives a power loss. The temporary file has a
//! fixed name, so a write that was killed leaves at most one behind, and
//! the next write replaces it.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use ccm_emulator::State;

/// Why the state file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum StateFileError {
    #[error("{path}: cannot read the state file: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{path}: not an emulator state: {source}")]
    Parse { path: PathBuf, source: serde_json::Error },
    #[error("{path}: cannot {step}: {source}")]
    Write { path: PathBuf, step: WriteStep, source: std::io::Error },
}

/// The step of an atomic write that failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteStep {
    CreateTemporary,
    WriteTemporary,
    SyncTemporary,
    Rename,
    SyncFolder,
}

impl std::fmt::Display for WriteStep {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            WriteStep::CreateTemporary => "create the temporary file",
            WriteStep::WriteTemporary => "write the temporary file",
            WriteStep::SyncTemporary => "flush the temporary file to disk",
            WriteStep::Rename => "rename the temporary file over the state file",
            WriteStep::SyncFolder => "flush the state file's folder to disk",
        })
    }
}

/// Where the write of `path` is prepared: `.{name}.tmp` next to it (the
/// same file system, so the rename is atomic).
pub fn temporary_path(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "state".into());
    path.with_file_name(format!(".{name}.tmp"))
}

/// Replaces `path` with `contents`: temporary file, fsync, rename, fsync
/// of the folder.
pub fn write_atomically(path: &Path, contents: &[u8]) -> Result<(), StateFileError> {
    let fail = |step| move |source| StateFileError::Write { path: path.to_owned(), step, source };
    let temporary = temporary_path(path);
    let mut file = File::create(&temporary).map_err(fail(WriteStep::CreateTemporary))?;
    file.write_all(contents).map_err(fail(WriteStep::WriteTemporary))?;
    file.sync_all().map_err(fail(WriteStep::SyncTemporary))?;
    drop(file);
    std::fs::rename(&temporary, path).map_err(fail(WriteStep::Rename))?;
    sync_folder(path).map_err(fail(WriteStep::SyncFolder))
}

/// Makes a rename in the folder of `path` durable. Only Unix can open a
/// folder for fsync; elsewhere the rename is as durable as the OS makes it.
fn sync_folder(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        let folder = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        File::open(folder)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        Ok(())
    }
}

/// Reads a state file written by [`write_atomically`] (or by hand).
pub fn load(path: &Path) -> Result<State, StateFileError> {
    let text = std::fs::read_to_string(path).map_err(|source| StateFileError::Read { path: path.to_owned(), source })?;
    State::from_json(&text).map_err(|source| StateFileError::Parse { path: path.to_owned(), source })
}

/// Saves numbered snapshots of the state to one file, one write at a time.
///
/// Snapshots are numbered in the order the changes were made (the caller
/// numbers them under the emulator's lock) but may arrive here out of
/// order: a snapshot older than the one on disk is skipped, because the
/// newer one already holds its change. Without this, a slow older write
/// could land last and lose a change that was already acknowledged.
#[derive(Debug)]
pub struct StateSaver {
    path: PathBuf,
    /// The number of the snapshot on disk.
    written: Mutex<u64>,
}

impl StateSaver {
    pub fn new(path: PathBuf) -> Self {
        StateSaver { path, written: Mutex::new(0) }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes snapshot number `number` unless a newer one is already on
    /// disk. Blocks for the write (fsync included).
    pub fn save(&self, number: u64, json: &str) -> Result<(), StateFileError> {
        let mut written = self.written.lock().unwrap_or_else(|p| p.into_inner());
        if number <= *written {
            return Ok(());
        }
        write_atomically(&self.path, json.as_bytes())?;
        *written = number;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        write_atomically(&path, b"{\"cas\": []}").unwrap();
        write_atomically(&path, b"{}").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "{}");
        assert!(!temporary_path(&path).exists());
        assert_eq!(temporary_path(&path).file_name().unwrap(), ".state.json.tmp");
    }

    #[test]
    fn a_leftover_temporary_file_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        std::fs::write(temporary_path(&path), "half a wri").unwrap();
        write_atomically(&path, b"{}").unwrap();
        assert_eq!(load(&path).unwrap(), State::default());
        assert!(!temporary_path(&path).exists());
    }

    #[test]
    fn an_older_snapshot_never_overwrites_a_newer_one() {
        let dir = tempfile::tempdir().unwrap();
        let saver = StateSaver::new(dir.path().join("state.json"));
        saver.save(2, "{\"newer\": true}").unwrap();
        saver.save(1, "{\"older\": true}").unwrap();
        assert_eq!(std::fs::read_to_string(saver.path()).unwrap(), "{\"newer\": true}");
    }

    #[test]
    fn errors_name_the_file_and_the_step() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no-such-folder").join("state.json");
        let e = write_atomically(&path, b"{}").unwrap_err();
        assert!(matches!(e, StateFileError::Write { step: WriteStep::CreateTemporary, .. }), "{e}");
        assert!(e.to_string().contains("state.json"), "{e}");
        std::fs::write(dir.path().join("bad.json"), "{").unwrap();
        assert!(matches!(load(&dir.path().join("bad.json")), Err(StateFileError::Parse { .. })));
    }
}
