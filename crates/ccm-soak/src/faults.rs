//! Misbehaving upstreams behind the proxy: a tiny HTTP/1.1 server on
//! loopback whose path says how it fails, and the run that asks the proxy
//! for each failure and times its answer.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use crate::SoakError;

/// The upstream's name in the proxy's allowlist and override.
pub const UPSTREAM_HOST: &str = "upstream.soak.test";

/// 50 MB, the size of the oversize answers.
const BIG: usize = 50 * 1000 * 1000;

/// One way of failing, selected by the request path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Reads the request and never answers.
    Hang,
    /// Sends the status line, then one body byte every 500 ms.
    Drip,
    /// Answers, correctly, after 2 s: slow but within the timeout.
    Late,
    /// Announces and sends 50 MB.
    Big,
    /// Sends 50 MB chunked, with no length announced.
    BigChunked,
    /// Announces 10,000 bytes, sends 5,000 and closes.
    CutMidBody,
}

pub const ALL: [Fault; 6] = [Fault::Hang, Fault::Drip, Fault::Late, Fault::Big, Fault::BigChunked, Fault::CutMidBody];

impl Fault {
    pub fn path(self) -> &'static str {
        match self {
            Fault::Hang => "/hang",
            Fault::Drip => "/drip",
            Fault::Late => "/late",
            Fault::Big => "/big",
            Fault::BigChunked => "/big-chunked",
            Fault::CutMidBody => "/cut",
        }
    }

    fn from_path(path: &str) -> Option<Fault> {
        ALL.into_iter().find(|f| f.path() == path)
    }

    pub fn description(self) -> &'static str {
        match self {
            Fault::Hang => "hangs (never answers)",
            Fault::Drip => "answers slowly (1 byte / 500 ms)",
            Fault::Late => "answers after 2 s",
            Fault::Big => "sends 50 MB (Content-Length)",
            Fault::BigChunked => "sends 50 MB (chunked)",
            Fault::CutMidBody => "closes mid-body",
        }
    }

    /// The status and `error_code` the proxy should answer with.
    pub fn expected(self) -> (u16, Option<&'static str>) {
        match self {
            Fault::Hang | Fault::Drip => (504, Some("PROXY.UPSTREAM_TIMEOUT")),
            Fault::Late => (200, None),
            Fault::Big | Fault::BigChunked => (502, Some("PROXY.UPSTREAM_TOO_LARGE")),
            Fault::CutMidBody => (502, Some("PROXY.UPSTREAM_FAILED")),
        }
    }
}

/// Starts the fake upstream; it lives as long as the runtime.
pub async fn start_upstream() -> Result<SocketAddr, SoakError> {
    let listener = TcpListener::bind("127.0.0.1:0").await.map_err(|e| SoakError::Start(format!("fake upstream: {e}")))?;
    let addr = listener.local_addr().map_err(|e| SoakError::Start(format!("fake upstream: {e}")))?;
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            tokio::spawn(misbehave(stream));
        }
    });
    Ok(addr)
}

/// Reads one request head (bounded) and fails the way its path says.
async fn misbehave(mut stream: TcpStream) {
    let mut head = Vec::new();
    let mut buf = [0u8; 4096];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < 64 * 1024 {
        match stream.read(&mut buf).await {
            Ok(0) | Err(_) => return,
            Ok(n) => head.extend_from_slice(&buf[..n]),
        }
    }
    let text = String::from_utf8_lossy(&head);
    let path = text.split_whitespace().nth(1).unwrap_or("/");
    let chunk = vec![b'x'; 64 * 1024];
    // Write errors mean the proxy gave up on us: that is the point.
    let _ = match Fault::from_path(path) {
        Some(Fault::Hang) => {
            // Held open until the proxy leaves, bounded all the same.
            let _ = tokio::time::timeout(Duration::from_secs(120), stream.read(&mut buf)).await;
            Ok(())
        }
        Some(Fault::Drip) => async {
            stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n").await?;
            for _ in 0..1000 {
                tokio::time::sleep(Duration::from_millis(500)).await;
                stream.write_all(b" ").await?;
            }
            Ok::<(), std::io::Error>(())
        }
        .await,
        Some(Fault::Late) => async {
            tokio::time::sleep(Duration::from_secs(2)).await;
            let body = b"{\"late\":true}";
            let head = format!("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len());
            stream.write_all(head.as_bytes()).await?;
            stream.write_all(body).await
        }
        .await,
        Some(Fault::Big) => async {
            let head = format!("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {BIG}\r\nConnection: close\r\n\r\n");
            stream.write_all(head.as_bytes()).await?;
            let mut left = BIG;
            while left > 0 {
                let n = left.min(chunk.len());
                stream.write_all(&chunk[..n]).await?;
                left -= n;
            }
            Ok(())
        }
        .await,
        Some(Fault::BigChunked) => async {
            stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n").await?;
            let mut left = BIG;
            while left > 0 {
                let n = left.min(chunk.len());
                stream.write_all(format!("{n:x}\r\n").as_bytes()).await?;
                stream.write_all(&chunk[..n]).await?;
                stream.write_all(b"\r\n").await?;
                left -= n;
            }
            stream.write_all(b"0\r\n\r\n").await
        }
        .await,
        Some(Fault::CutMidBody) => async {
            stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n").await?;
            stream.write_all(&chunk[..5000]).await?;
            stream.flush().await
        }
        .await,
        None => stream.write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").await,
    };
}

/// One proxied request to a failing upstream.
#[derive(Debug, Clone)]
pub struct FaultOutcome {
    pub fault: Fault,
    pub status: Option<u16>,
    pub error_code: Option<String>,
    pub elapsed: Duration,
}

impl FaultOutcome {
    pub fn as_expected(&self) -> bool {
        let (status, code) = self.fault.expected();
        self.status == Some(status) && self.error_code.as_deref() == code
    }
}

/// Asks the proxy for every fault `rounds` times, `parallel` copies of
/// each at once.
pub async fn run(base_url: &str, rounds: usize, parallel: usize) -> Vec<FaultOutcome> {
    let client = reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(120))
        .build()
        .expect("an HTTP client without TLS builds");
    let base = Arc::new(base_url.to_owned());
    let mut outcomes = Vec::new();
    for _ in 0..rounds {
        let mut tasks = Vec::new();
        for fault in ALL {
            for _ in 0..parallel {
                let (client, base) = (client.clone(), base.clone());
                tasks.push(tokio::spawn(async move { ask(&client, &base, fault).await }));
            }
        }
        for t in tasks {
            if let Ok(o) = t.await {
                outcomes.push(o);
            }
        }
    }
    outcomes
}

async fn ask(client: &reqwest::Client, base: &str, fault: Fault) -> FaultOutcome {
    let started = Instant::now();
    let url = format!("{base}/proxy/{UPSTREAM_HOST}{}", fault.path());
    let (status, body) = match client.get(url).send().await {
        Ok(r) => {
            let status = r.status().as_u16();
            (Some(status), r.bytes().await.map(|b| b.to_vec()).unwrap_or_default())
        }
        Err(_) => (None, Vec::new()),
    };
    let error_code = serde_json::from_slice::<serde_json::Value>(&body)
        .ok()
        .and_then(|v| v["error_code"].as_str().map(str::to_owned));
    FaultOutcome { fault, status, error_code, elapsed: started.elapsed() }
}
