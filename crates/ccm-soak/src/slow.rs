//! Slow clients: connections that send a request header one byte a second
//! and never finish it, for a bounded time. A connection the server closes
//! is counted and opened again.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// What the slow clients saw.
#[derive(Debug, Default)]
pub struct SlowReport {
    pub connections: usize,
    /// Connections established, first ones included.
    pub opened: usize,
    /// Closed by the server (EOF or error) while sending their header.
    pub closed_by_server: usize,
    /// The most that were open at one time.
    pub peak_open: usize,
    pub bytes_sent: usize,
}

/// A header that never ends: the request line, a host, then an endless
/// header value.
fn header_byte(i: usize) -> u8 {
    const START: &[u8] = b"GET /v1/private-certificates HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
    START.get(i).copied().unwrap_or(b'a')
}

/// Starts `count` slow clients against `addr`; they stop at `deadline`.
pub fn start(addr: SocketAddr, count: usize, deadline: Instant) -> tokio::task::JoinHandle<SlowReport> {
    tokio::spawn(async move {
        let opened = Arc::new(AtomicUsize::new(0));
        let open_now = Arc::new(AtomicUsize::new(0));
        let peak = Arc::new(AtomicUsize::new(0));
        let closed = Arc::new(AtomicUsize::new(0));
        let sent = Arc::new(AtomicUsize::new(0));
        let mut tasks = Vec::new();
        for n in 0..count {
            let (opened, open_now, peak, closed, sent) = (opened.clone(), open_now.clone(), peak.clone(), closed.clone(), sent.clone());
            tasks.push(tokio::spawn(async move {
                // Spread over the first second, not all at once.
                tokio::time::sleep(Duration::from_millis((n as u64 * 1000) / count.max(1) as u64)).await;
                while Instant::now() < deadline {
                    let Ok(mut stream) = TcpStream::connect(addr).await else {
                        tokio::time::sleep(Duration::from_millis(100)).await;
                        continue;
                    };
                    opened.fetch_add(1, Ordering::Relaxed);
                    let now_open = open_now.fetch_add(1, Ordering::Relaxed) + 1;
                    peak.fetch_max(now_open, Ordering::Relaxed);
                    let mut tick = tokio::time::interval(Duration::from_secs(1));
                    let mut scratch = [0u8; 512];
                    let mut i = 0;
                    let closed_by_server = loop {
                        tokio::select! {
                            _ = tick.tick() => {
                                if Instant::now() >= deadline {
                                    break false;
                                }
                                if stream.write_all(&[header_byte(i)]).await.is_err() {
                                    break true;
                                }
                                i += 1;
                                sent.fetch_add(1, Ordering::Relaxed);
                            }
                            // Any answer (a 408, a 431) or EOF ends it.
                            _ = stream.read(&mut scratch) => break true,
                        }
                    };
                    open_now.fetch_sub(1, Ordering::Relaxed);
                    if closed_by_server {
                        closed.fetch_add(1, Ordering::Relaxed);
                    }
                }
            }));
        }
        for t in tasks {
            let _ = t.await;
        }
        SlowReport {
            connections: count,
            opened: opened.load(Ordering::Relaxed),
            closed_by_server: closed.load(Ordering::Relaxed),
            peak_open: peak.load(Ordering::Relaxed),
            bytes_sent: sent.load(Ordering::Relaxed),
        }
    })
}
