//! `nox -s bench -- rust`: the SDK against the same bare reqwest calls, side by side in one run.
//!
//! 1. `get` of one VM: p50 and p99 latency, SDK vs a bare reqwest GET + JSON decode into `VM`,
//!    interleaved so all see the same server and machine state. Target: SDK p50 ≤ 1.10× bare,
//!    also with one no-op hook installed (logging off). Built with `--features otel` (the second
//!    run of `nox -s bench -- rust`), a client with tracing on (an SDK tracer provider without
//!    exporter) joins the rotation and its ratio is reported.
//! 2. A burst of events replayed from the server's log (`watch` with follow=false), SDK stream vs
//!    a bare reqwest reader that splits frames and decodes each into `VMEvent`.
//!    Targets: ≥ 20,000 events/s, and ≥ half the bare reader's rate.
//!
//! 3. (default features only) 100,000 synthetic VMs listed lazily (`list_stream_with`, page size
//!    500) vs a bare reqwest loop paging the same pages: time (target ≤ 1.15× bare) and the
//!    client's peak memory growth (VmHWM after the list minus VmRSS before it, peak reset through
//!    /proc/self/clear_refs; target < 50 MB).
//!
//! Needs DWCP_BENCH_URL (the server root, conformance mode) and DWCP_API_KEY.

use std::time::{Duration, Instant};

use dwcp::{Client, ClientConfig, Interceptor, VMConfig, VMEvent, VMList, VMListOptions, VM};
use futures::StreamExt;

const GETS: usize = 3000;

/// A hook that does nothing: the cost of the chain itself.
struct Noop;
impl Interceptor for Noop {}
const BURST: u64 = 50_000;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let url = std::env::var("DWCP_BENCH_URL")?;
    let key = std::env::var("DWCP_API_KEY").unwrap_or_default();
    let bare = reqwest::Client::builder().use_rustls_tls().tcp_nodelay(true).build()?;
    bare.post(format!("{url}/_conformance/reset"))
        .header("content-type", "application/json")
        .body(serde_json::json!({"event_retention": BURST + 10}).to_string())
        .send()
        .await?
        .error_for_status()?;
    let config = ClientConfig::new(url.clone()).with_api_key(key.clone());
    let client = Client::new(config.clone()).await?;
    let vm_config = VMConfig::builder().name("bench").memory(1 << 30).cpus(1).disk(10 << 30).image("img").build()?;
    let vm = client.vm().create(vm_config).await?;
    #[allow(unused_mut)]
    let mut sdks = vec![("dwcp SDK", client.clone()), ("dwcp SDK + no-op hook", Client::new(config.clone().with_interceptor(Noop)).await?)];
    #[cfg(feature = "otel")]
    let provider = opentelemetry_sdk::trace::SdkTracerProvider::builder().build();
    #[cfg(feature = "otel")]
    sdks.push(("dwcp SDK + tracing (otel)", Client::new(config.clone().with_tracer_provider(&provider)).await?));

    let (sdk, raw) = gets(&sdks, &bare, &url, &key, &vm.id).await?;
    let raw_p50 = raw[GETS / 2].as_secs_f64();
    println!("get ({GETS} each, interleaved)      p50         p99");
    println!("  bare reqwest              {:>9.1} µs {:>9.1} µs", micros(&raw, 50), micros(&raw, 99));
    for ((name, _), times) in sdks.iter().zip(&sdk) {
        println!("  {name:<25} {:>9.1} µs {:>9.1} µs", micros(times, 50), micros(times, 99));
    }
    for ((name, _), times) in sdks.iter().zip(&sdk) {
        let ratio = times[GETS / 2].as_secs_f64() / raw_p50;
        if name.contains("otel") {
            println!("  p50 ratio {name:<25} {ratio:>6.3}x   (reported)");
        } else {
            println!("  p50 ratio {name:<25} {ratio:>6.3}x   (target ≤ 1.10x) {}", verdict(ratio <= 1.10));
        }
    }

    bare.post(format!("{url}/_conformance/events"))
        .header("content-type", "application/json")
        .body(serde_json::json!({"vm_id": vm.id, "count": BURST}).to_string())
        .send()
        .await?
        .error_for_status()?;
    let mut sdk_rate: f64 = 0.0;
    let mut raw_rate: f64 = 0.0;
    for _ in 0..3 {
        sdk_rate = sdk_rate.max(sdk_stream(&client, &vm.id).await?);
        raw_rate = raw_rate.max(bare_stream(&bare, &url, &key, &vm.id).await?);
    }
    println!("stream burst (~{BURST} events, best of 3)");
    println!("  dwcp SDK                  {sdk_rate:>12.0} events/s (target ≥ 20000) {}", verdict(sdk_rate >= 20_000.0));
    println!("  bare reqwest reader       {raw_rate:>12.0} events/s");
    let share = sdk_rate / raw_rate;
    println!("  SDK / bare                {share:>12.2}   (target ≥ 0.50) {}", verdict(share >= 0.5));
    if cfg!(not(feature = "otel")) {
        list_bench(&client, &bare, &url, &key).await?;
    }
    Ok(())
}

const LISTED: u64 = 100_000;
const PAGE: u16 = 500;

/// Lists LISTED synthetic VMs lazily with the SDK and with bare reqwest, best of 3 each.
async fn list_bench(client: &Client, bare: &reqwest::Client, url: &str, key: &str) -> Result<(), Box<dyn std::error::Error>> {
    bare.post(format!("{url}/_conformance/vms"))
        .header("content-type", "application/json")
        .body(serde_json::json!({"count": LISTED}).to_string())
        .send()
        .await?
        .error_for_status()?;
    let (mut sdk_best, mut raw_best, mut growth_worst) = (f64::MAX, f64::MAX, 0u64);
    for _ in 0..3 {
        let before = rss_reset();
        let start = Instant::now();
        let mut items = client.vm().list_stream_with(&[], VMListOptions::new().page_size(PAGE));
        let mut count = 0u64;
        while let Some(vm) = items.next().await {
            std::hint::black_box(vm?);
            count += 1;
        }
        sdk_best = sdk_best.min(start.elapsed().as_secs_f64());
        growth_worst = growth_worst.max(peak_kb().saturating_sub(before));
        assert!(count >= LISTED, "listed {count}");
        let start = Instant::now();
        let mut token = String::new();
        loop {
            let mut target = format!("{url}/v3/vms?page_size={PAGE}");
            if !token.is_empty() {
                target.push_str(&format!("&page_token={token}"));
            }
            let body = bare.get(&target).header("authorization", format!("Bearer {key}")).send().await?.bytes().await?;
            let page: VMList = serde_json::from_slice(&body)?;
            for vm in page.vms {
                std::hint::black_box(vm);
            }
            match page.next_page_token {
                Some(next) if !next.is_empty() => token = next,
                _ => break,
            }
        }
        raw_best = raw_best.min(start.elapsed().as_secs_f64());
    }
    let ratio = sdk_best / raw_best;
    let growth_mb = growth_worst as f64 / 1024.0;
    println!("list {LISTED} synthetic VMs lazily (page {PAGE}, best of 3)");
    println!("  dwcp SDK list_stream      {:>9.0} ms", sdk_best * 1e3);
    println!("  bare reqwest paging       {:>9.0} ms", raw_best * 1e3);
    println!("  time ratio                {ratio:>9.3}x   (target ≤ 1.15x) {}", verdict(ratio <= 1.15));
    println!("  peak memory growth        {growth_mb:>9.1} MB  (target < 50 MB) {}", verdict(growth_mb < 50.0));
    Ok(())
}

/// Resets the process's peak RSS and returns the current RSS (kB).
fn rss_reset() -> u64 {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    status_kb("VmRSS:")
}

/// The process's peak RSS since the last reset (kB).
fn peak_kb() -> u64 {
    status_kb("VmHWM:")
}

fn status_kb(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with(field)).and_then(|l| l.split_whitespace().nth(1)?.parse().ok()))
        .unwrap_or(0)
}

/// Each SDK client's and the bare client's `get` times, sorted; one request of each per round.
async fn gets(
    sdks: &[(&str, Client)],
    bare: &reqwest::Client,
    url: &str,
    key: &str,
    id: &str,
) -> Result<(Vec<Vec<Duration>>, Vec<Duration>), Box<dyn std::error::Error>> {
    let target = format!("{url}/v3/vms/{id}");
    let auth = format!("Bearer {key}");
    let mut sdk = vec![Vec::with_capacity(GETS); sdks.len()];
    let mut raw = Vec::with_capacity(GETS);
    for i in 0..GETS + 200 {
        for ((_, client), times) in sdks.iter().zip(sdk.iter_mut()) {
            let start = Instant::now();
            client.vm().get(id).await?;
            if i >= 200 {
                times.push(start.elapsed());
            }
        }
        let start = Instant::now();
        let body = bare
            .get(&target)
            .header("authorization", &auth)
            .header("x-request-id", format!("bench-{i}"))
            .send()
            .await?
            .bytes()
            .await?;
        let _: VM = serde_json::from_slice(&body)?;
        if i >= 200 {
            raw.push(start.elapsed());
        }
    }
    sdk.iter_mut().for_each(|times| times.sort());
    raw.sort();
    Ok((sdk, raw))
}

async fn sdk_stream(client: &Client, id: &str) -> Result<f64, Box<dyn std::error::Error>> {
    let start = Instant::now();
    let mut events = client.vm().watch_with(id, dwcp::VMWatchOptions::new().follow(false)).await?;
    let mut count = 0u64;
    while let Some(event) = events.next().await {
        std::hint::black_box(&event);
        count += 1;
    }
    if let Some(error) = events.take_error() {
        return Err(error.into());
    }
    Ok(count as f64 / start.elapsed().as_secs_f64())
}

async fn bare_stream(bare: &reqwest::Client, url: &str, key: &str, id: &str) -> Result<f64, Box<dyn std::error::Error>> {
    let start = Instant::now();
    let mut response = bare
        .get(format!("{url}/v3/vms/{id}/events?follow=false"))
        .header("authorization", format!("Bearer {key}"))
        .header("accept", "text/event-stream")
        .send()
        .await?;
    let mut buffer: Vec<u8> = Vec::new();
    let mut count = 0u64;
    while let Some(chunk) = response.chunk().await? {
        buffer.extend_from_slice(&chunk);
        let mut consumed = 0;
        while let Some(end) = find(&buffer[consumed..], b"\n\n") {
            let frame = &buffer[consumed..consumed + end];
            if let Some(data) = frame.split(|&b| b == b'\n').find_map(|line| line.strip_prefix(b"data: ")) {
                let event: VMEvent = serde_json::from_slice(data)?;
                std::hint::black_box(&event);
                count += 1;
            }
            consumed += end + 2;
        }
        buffer.drain(..consumed);
    }
    Ok(count as f64 / start.elapsed().as_secs_f64())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn micros(sorted: &[Duration], percentile: usize) -> f64 {
    let index = (sorted.len() * percentile / 100).min(sorted.len() - 1);
    sorted[index].as_secs_f64() * 1e6
}

fn verdict(ok: bool) -> &'static str {
    if ok {
        "ok"
    } else {
        "MISSED"
    }
}
