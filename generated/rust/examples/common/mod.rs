// Code generated from extras/rust/examples/common/mod.rs by generator/; DO NOT EDIT.
//! Shared by the examples: the server they talk to comes from DWCP_ADDRESS, DWCP_PORT and
//! DWCP_API_KEY, so each example's own code stays the reference guide's fragment.
// Each example compiles this module on its own and uses only part of it.
#![allow(dead_code)]

/// DWCP_ADDRESS, DWCP_PORT and DWCP_API_KEY, with the guide's values as defaults.
pub fn server() -> (String, u16, String) {
    let env =
        |name: &str, default: &str| std::env::var(name).unwrap_or_else(|_| default.to_owned());
    let port = env("DWCP_PORT", "9000").parse().unwrap_or(9000);
    (
        env("DWCP_ADDRESS", "localhost"),
        port,
        env("DWCP_API_KEY", "your-api-key"),
    )
}

/// A connected client for the fragments that start from one.
pub async fn connect() -> dwcp::Result<dwcp::Client> {
    let (address, port, api_key) = server();
    let config = dwcp::ClientConfig::new(address)
        .with_port(port)
        .with_api_key(api_key)
        .with_tls_enabled(false);
    dwcp::Client::new(config).await
}
