//! A certificate the client cannot verify is ConnectionError `tls_failed` (never retried), its
//! message the reason rustls gave (docs/resilience.md, "Hostile responses").

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use reqwest::{Method, Url};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};

use super::backoff::{Jitter, RetryClass, RetryPolicy};
use super::error_info::ErrorInfo;
use super::transport::{Request, Transport};

const API_KEY: &str = "sk-tls-test-4471";

// A test CA, a certificate it signed for `localhost` (valid 2026-2125), one for `localhost` that
// expired in 2021, and their key (ECDSA P-256).
const CA: &str = "-----BEGIN CERTIFICATE-----
MIIBQTCB6KADAgECAgEBMAoGCCqGSM49BAMCMBcxFTATBgNVBAMMDGR3Y3AgdGVz
dCBjYTAgFw0yNjAxMDEwMDAwMDBaGA8yMTI1MTIwODAwMDAwMFowFzEVMBMGA1UE
AwwMZHdjcCB0ZXN0IGNhMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEjXcYfOB1
8CrwmqKxs+aqXPPadoyvAA019BxivBMgZaunMKjtT4tNo2gyWQePoG5cdwH/iJQi
bPi9fhgGkNgpv6MjMCEwDwYDVR0TAQH/BAUwAwEB/zAOBgNVHQ8BAf8EBAMCAYYw
CgYIKoZIzj0EAwIDSAAwRQIgcPXinEAlxQctPRkgc/c63cQMCVbCwKSIBYtO2ZGJ
a/gCIQCves2Kse3GyEMs9+nhnkHIUQRYAdFHvHl772YzR3xaHQ==
-----END CERTIFICATE-----
";
const LOCALHOST: &str = "-----BEGIN CERTIFICATE-----
MIIBVzCB/aADAgECAgECMAoGCCqGSM49BAMCMBcxFTATBgNVBAMMDGR3Y3AgdGVz
dCBjYTAgFw0yNjAxMDEwMDAwMDBaGA8yMTI1MTIwODAwMDAwMFowFDESMBAGA1UE
AwwJbG9jYWxob3N0MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEyzHe3x8WfeGv
rmDoTNtgCdaovyejNqtgS+mIXILP5ippEUROiW3cCyP2uq61xTRVFcVredor0xcy
9bS41cCn+aM7MDkwFAYDVR0RBA0wC4IJbG9jYWxob3N0MAwGA1UdEwEB/wQCMAAw
EwYDVR0lBAwwCgYIKwYBBQUHAwEwCgYIKoZIzj0EAwIDSQAwRgIhAJHNiQR2ty8+
4yO3X5+gQexDYuvGzhTKOpbRZ6RVKUifAiEA0qeHDPue4/zdAL+fxFAKiHeB1jBB
IeypX3wc3V2E+tE=
-----END CERTIFICATE-----
";
const EXPIRED: &str = "-----BEGIN CERTIFICATE-----
MIIBVTCB+6ADAgECAgEDMAoGCCqGSM49BAMCMBcxFTATBgNVBAMMDGR3Y3AgdGVz
dCBjYTAeFw0yMDAxMDEwMDAwMDBaFw0yMTAxMDEwMDAwMDBaMBQxEjAQBgNVBAMM
CWxvY2FsaG9zdDBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABMsx3t8fFn3hr65g
6EzbYAnWqL8nozarYEvpiFyCz+YqaRFETolt3Asj9rqutcU0VRXFa3naK9MXMvW0
uNXAp/mjOzA5MBQGA1UdEQQNMAuCCWxvY2FsaG9zdDAMBgNVHRMBAf8EAjAAMBMG
A1UdJQQMMAoGCCsGAQUFBwMBMAoGCCqGSM49BAMCA0kAMEYCIQDAAkvdqK1Bg6Qc
AAcIk3QBA208REbOYJvfCVIjzPgOrgIhALraEMlD9wuY+UJdtl71eL3oSf0G+ZBy
ScJC5JQuoj9e
-----END CERTIFICATE-----
";
const KEY: &str = "-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgxKMjgdEcSMtIye6f
fMzFzOAQTaWV05rKQAmcSzGqic2hRANCAATLMd7fHxZ94a+uYOhM22AJ1qi/J6M2
q2BL6Yhcgs/mKmkRRE6JbdwLI/a6rrXFNFUVxWt52ivTFzL1tLjVwKf5
-----END PRIVATE KEY-----
";

/// A TLS server presenting `certificate` (signed by `CA`) to every connection; counts them.
fn tls_server(certificate: &str) -> (SocketAddr, Arc<AtomicUsize>) {
    let chain = vec![CertificateDer::from_pem_slice(certificate.as_bytes()).unwrap()];
    let key = PrivateKeyDer::from_pem_slice(KEY.as_bytes()).unwrap();
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(chain, key)
        .unwrap();
    let config = Arc::new(config);
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    let accepted = Arc::new(AtomicUsize::new(0));
    let count = accepted.clone();
    std::thread::spawn(move || {
        for socket in listener.incoming() {
            let Ok(mut socket) = socket else { return };
            count.fetch_add(1, Ordering::SeqCst);
            let mut tls = rustls::ServerConnection::new(config.clone()).unwrap();
            // The client refuses the certificate: the handshake ends with its alert.
            while tls.is_handshaking() {
                if tls.complete_io(&mut socket).is_err() {
                    break;
                }
            }
        }
    });
    (address, accepted)
}

/// Calls `name:port` (resolved to the server), trusting `CA` when `trust` says so, with retries
/// that would be taken were the failure retryable.
async fn call(name: &str, address: SocketAddr, trust: bool) -> ErrorInfo {
    let mut http = reqwest::Client::builder().use_rustls_tls().resolve(name, address);
    if trust {
        http = http.add_root_certificate(reqwest::Certificate::from_pem(CA.as_bytes()).unwrap());
    }
    let policy = RetryPolicy {
        retries: 3,
        base: Duration::from_millis(1),
        max_backoff: Duration::from_millis(1),
        max_retry_after: Duration::from_secs(1),
        attempt_timeout: Duration::from_secs(5),
        jitter: Jitter::Fixed(1.0),
    };
    // As the generated catalogue classifies them: tls_failed never, other connection failures yes.
    let classify = |info: &ErrorInfo| match (info.error_type.as_str(), info.code.as_str()) {
        ("ConnectionError", "tls_failed") => RetryClass::Never,
        ("ConnectionError", _) => RetryClass::Retry,
        _ => RetryClass::Never,
    };
    let url = Url::parse(&format!("https://{name}:{}/v3", address.port())).unwrap();
    let t = Transport::new(http.build().unwrap(), url, API_KEY, policy, classify, 2).unwrap();
    let request = Request::new("system.health", Method::GET, "/health", "/health".into());
    let err = t.execute(&request, None).await.unwrap_err();
    assert!(!format!("{err:?}").contains(API_KEY), "{err:?}");
    err
}

fn assert_tls_failed(err: &ErrorInfo, reason: &str, accepted: &AtomicUsize) {
    assert_eq!((err.error_type.as_str(), err.code.as_str()), ("ConnectionError", "tls_failed"), "{err:?}");
    assert_eq!(err.status, None);
    assert!(err.message.contains(reason), "{}", err.message);
    assert_eq!(err.attempts, 1);
    assert_eq!(accepted.load(Ordering::SeqCst), 1, "a TLS failure was retried");
}

#[tokio::test]
async fn an_untrusted_certificate_is_tls_failed() {
    let (address, accepted) = tls_server(LOCALHOST);
    let err = call("localhost", address, false).await;
    assert_tls_failed(&err, "UnknownIssuer", &accepted);
}

#[tokio::test]
async fn a_certificate_for_another_name_is_tls_failed() {
    let (address, accepted) = tls_server(LOCALHOST);
    let err = call("dwcp.invalid", address, true).await;
    assert_tls_failed(&err, "not valid for name", &accepted);
}

#[tokio::test]
async fn an_expired_certificate_is_tls_failed() {
    let (address, accepted) = tls_server(EXPIRED);
    let err = call("localhost", address, true).await;
    assert_tls_failed(&err, "expired", &accepted);
}

#[tokio::test]
async fn a_trusted_certificate_still_connects() {
    // The same server and trust give a TLS session, so the failures above are the certificates'.
    let (address, accepted) = tls_server(LOCALHOST);
    let err = call("localhost", address, true).await;
    // The test server speaks no HTTP after the handshake, so the call fails later, not in TLS.
    assert_ne!(err.code, "tls_failed", "{err:?}");
    assert!(accepted.load(Ordering::SeqCst) >= 1);
}
