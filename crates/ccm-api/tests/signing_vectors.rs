//! Every AK/SK vector produced by the official SDK's signer must be
//! reproduced exactly: canonical request, string to sign, Authorization.

use ccm_api::sign::{canonical_query, canonical_query_from_raw, SigningInput};

const VECTORS: &str = include_str!("data/sdk_signing_vectors.txt");

#[derive(Debug, Default)]
struct Vector {
    name: String,
    ak: String,
    sk: String,
    method: String,
    body: Vec<u8>,
    /// `(key, value)` pairs from the SDK's input, when the vector lists them.
    input_query: Option<Vec<(String, String)>>,
    canonical_request: Option<String>,
    string_to_sign: Option<String>,
    url: String,
    headers: Vec<(String, String)>,
    authorization: String,
}

/// Reads `'a'`, `10` or `True` out of the SDK's Python tuple list.
fn parse_python_pairs(list: &str) -> Vec<(String, String)> {
    let inner = list.trim().trim_start_matches('[').trim_end_matches(']');
    inner
        .split("), (")
        .filter(|s| !s.trim().is_empty())
        .map(|pair| {
            let pair = pair.trim_start_matches('(').trim_end_matches(')');
            let (k, v) = pair.split_once(", ").expect("pair");
            let value = |s: &str| match s.trim() {
                "True" => "true".to_owned(),
                "False" => "false".to_owned(),
                s => s.trim_matches('\'').to_owned(),
            };
            (value(k), value(v))
        })
        .collect()
}

fn section<'a>(block: &'a str, title: &str) -> Option<&'a str> {
    let start = block.find(title)? + title.len();
    let rest = block[start..].trim_start_matches('\n');
    let end = rest.find("\n\n---").or_else(|| rest.find("\n\n[")).unwrap_or(rest.len());
    Some(&rest[..end])
}

fn parse() -> Vec<Vector> {
    let mut out = Vec::new();
    let (mut ak, mut sk) = (String::new(), String::new());
    for block in VECTORS.split("====================").filter(|b| b.contains("Authorization:")) {
        let block = block.trim_matches('=').trim();
        let mut v = Vector { name: block.lines().next().unwrap().to_owned(), ..Default::default() };
        for line in block.lines() {
            if let Some(x) = line.strip_prefix("AK=") {
                ak = x.to_owned();
            } else if let Some(x) = line.strip_prefix("SK=") {
                sk = x.to_owned();
            } else if let Some(x) = line.strip_prefix("Input: ") {
                v.method = x.split(' ').next().unwrap().to_owned();
                let q = x.split("query=").nth(1).unwrap();
                v.input_query = Some(parse_python_pairs(q));
            } else if let Some(x) = line.strip_prefix("Body bytes: ") {
                let x = x.trim_start_matches('b');
                v.body = x.as_bytes()[1..x.len() - 1].to_vec();
            }
        }
        v.canonical_request = section(block, "--- CanonicalRequest (SDK) ---").map(str::to_owned);
        v.string_to_sign = section(block, "--- StringToSign (SDK) ---").map(str::to_owned);
        // The signed request: URL line, then headers up to Authorization.
        let signed = block.lines().skip_while(|l| !l.starts_with("URL: ")).collect::<Vec<_>>();
        v.url = signed[0].trim_start_matches("URL: ").to_owned();
        for line in &signed[1..] {
            let Some((name, value)) = line.split_once(": ") else { break };
            if name == "Authorization" {
                v.authorization = value.to_owned();
                break;
            }
            v.headers.push((name.to_owned(), value.to_owned()));
        }
        if v.method.is_empty() {
            // The pipeline vector gives no input line; its name says GET.
            v.method = "GET".to_owned();
        }
        v.ak = ak.clone();
        v.sk = sk.clone();
        out.push(v);
    }
    out
}

#[test]
fn the_vector_file_holds_every_case() {
    let names: Vec<String> = parse().into_iter().map(|v| v.name).collect();
    assert_eq!(names.len(), 7, "{names:?}");
}

#[test]
fn every_sdk_vector_signs_identically() {
    for v in parse() {
        let url = v.url.trim_start_matches("https://");
        let (host, path_query) = url.split_at(url.find('/').unwrap());
        let (path, raw_query) = path_query.split_once('?').unwrap_or((path_query, ""));
        let query = canonical_query_from_raw(raw_query);
        let headers: Vec<(&str, &str)> = v
            .headers
            .iter()
            .filter(|(k, _)| k != "Host")
            .map(|(k, val)| (k.as_str(), val.as_str()))
            .collect();
        let date = v.headers.iter().find(|(k, _)| k == "X-Sdk-Date").unwrap().1.clone();
        let input = SigningInput {
            method: &v.method,
            host,
            path,
            canonical_query: &query,
            headers: &headers,
            body: &v.body,
        };
        if let Some(expected) = &v.canonical_request {
            assert_eq!(&input.canonical_request(), expected, "{}", v.name);
        }
        if let Some(expected) = &v.string_to_sign {
            assert_eq!(&input.string_to_sign(&date), expected, "{}", v.name);
        }
        assert_eq!(input.authorization(&date, &v.ak, &v.sk), v.authorization, "{}", v.name);
    }
}

#[test]
fn the_sent_query_equals_the_sdk_url_query() {
    for v in parse() {
        let Some(pairs) = &v.input_query else { continue };
        let sent = v.url.split_once('?').map(|(_, q)| q).unwrap_or("");
        assert_eq!(canonical_query(pairs), sent, "{}", v.name);
    }
}
