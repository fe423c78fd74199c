//! The ccm-serve under test: started as a child process on a free loopback
//! port, its memory read from /proc, killed when dropped.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use crate::SoakError;

/// How long the scale seed may take to build before giving up.
const START_TIMEOUT: Duration = Duration::from_secs(180);

pub struct Server {
    child: Child,
    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub base_url: String,
    /// `127.0.0.1:PORT`: the Host the root API sees and signs.
    pub authority: String,
    pub log: PathBuf,
}

impl Server {
    /// Starts `binary` with `args` after `--listen 127.0.0.1:0`, stderr to
    /// `log`, and waits for the line that says where it listens.
    pub fn start(binary: &Path, args: &[String], log: PathBuf) -> Result<Server, SoakError> {
        let log_file = std::fs::File::create(&log).map_err(|e| SoakError::Start(format!("{}: {e}", log.display())))?;
        let mut child = Command::new(binary)
            .args(["--listen", "127.0.0.1:0"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(log_file)
            .spawn()
            .map_err(|e| SoakError::Start(format!("{}: {e}", binary.display())))?;
        let stdout = child.stdout.take().expect("stdout is piped");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = tx.send(line);
        });
        let line = match rx.recv_timeout(START_TIMEOUT) {
            Ok(line) => line,
            Err(_) => {
                let _ = child.kill();
                return Err(SoakError::Start(format!("no listening line within {START_TIMEOUT:?}; see {}", log.display())));
            }
        };
        let Some(url) = line.trim().strip_prefix("ccm-serve listening on ") else {
            let _ = child.kill();
            let _ = child.wait();
            let log_text = std::fs::read_to_string(&log).unwrap_or_default();
            return Err(SoakError::Start(format!("ccm-serve did not start: {log_text}")));
        };
        let base_url = url.trim_end_matches('/').to_owned();
        let authority = base_url.trim_start_matches("http://").to_owned();
        Ok(Server { child, base_url, authority, log })
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Resident memory now, in KiB.
    pub fn rss_kib(&self) -> Result<u64, SoakError> {
        proc_status_kib(self.pid(), "VmRSS")
    }

    /// The highest resident memory so far, in KiB.
    pub fn peak_rss_kib(&self) -> Result<u64, SoakError> {
        proc_status_kib(self.pid(), "VmHWM")
    }

    /// Open file descriptors (connections included).
    pub fn open_fds(&self) -> usize {
        std::fs::read_dir(format!("/proc/{}/fd", self.pid())).map(|d| d.count()).unwrap_or(0)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One `Name:   123 kB` line of /proc/PID/status.
fn proc_status_kib(pid: u32, field: &str) -> Result<u64, SoakError> {
    let path = format!("/proc/{pid}/status");
    let text = std::fs::read_to_string(&path).map_err(|e| SoakError::Memory(format!("{path}: {e}")))?;
    text.lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .ok_or_else(|| SoakError::Memory(format!("{path}: no {field}")))
}
