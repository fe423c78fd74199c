//! Helpers for the integration tests: a temp dir and `openssl` runs.
//! openssl is required (the project's setup installs it); a missing binary
//! fails the tests instead of skipping them.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{SystemTime, UNIX_EPOCH};

pub struct Dir {
    pub dir: tempfile::TempDir,
}

impl Dir {
    pub fn new() -> Self {
        Dir {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes a file and returns its path as a string for openssl's arguments.
    pub fn write(&self, name: &str, data: impl AsRef<[u8]>) -> String {
        let p = self.path(name);
        std::fs::write(&p, data).expect("write test file");
        p.to_string_lossy().into_owned()
    }

    pub fn read(&self, name: &str) -> Vec<u8> {
        std::fs::read(self.path(name)).expect("read test file")
    }

    pub fn read_string(&self, name: &str) -> String {
        String::from_utf8(self.read(name)).expect("utf-8")
    }

    pub fn p(&self, name: &str) -> String {
        self.path(name).to_string_lossy().into_owned()
    }

    /// Runs openssl in this directory; panics with its stderr when it fails.
    pub fn openssl(&self, args: &[&str]) -> String {
        let (ok, out, err) = self.openssl_status(args);
        assert!(ok, "openssl {args:?} failed:\n{err}\n{out}");
        out
    }

    /// Runs openssl; returns (success, stdout, stderr).
    pub fn openssl_status(&self, args: &[&str]) -> (bool, String, String) {
        run_openssl(self.dir.path(), args)
    }
}

pub fn run_openssl(dir: &Path, args: &[&str]) -> (bool, String, String) {
    let out = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("openssl must be installed to run these tests");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The tests run natively, where the clock is available.
pub fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("clock after 1970")
        .as_secs() as i64
}
