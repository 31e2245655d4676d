// Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.
//! The operations of each resource, as methods of its client (client-level ones on [`Client`]),
//! and the options struct of every call with optional inputs.

#[allow(unused_imports)]
use std::collections::HashMap;
#[allow(unused_imports)]
use std::time::Duration;

use reqwest::Method;

use crate::client::Client;
use crate::error::{DWCPError, Result};
#[allow(unused_imports)]
use crate::pager::ItemStream;
use crate::runtime::error_info::ErrorInfo;
#[allow(unused_imports)]
use crate::runtime::ids::encode_segment;
#[allow(unused_imports)]
use crate::runtime::timestamp::Timestamp;
use crate::runtime::transport::Request;
#[allow(unused_imports)]
use crate::runtime::{stream, waiter};
#[allow(unused_imports)]
use crate::stream::EventStream;
#[allow(unused_imports)]
use crate::types::*;

/// `k1=v1,k2=v2` with keys sorted (the wire form of a string map in a query).
#[allow(dead_code)]
fn encode_labels(labels: &[(&str, &str)]) -> String {
    let mut pairs = labels.to_vec();
    pairs.sort();
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(",")
}

/// A map in a query, in the same `k=v` form with keys sorted.
#[allow(dead_code)]
fn encode_map<V: std::fmt::Display>(map: &HashMap<String, V>) -> String {
    let mut pairs: Vec<(&String, &V)> = map.iter().collect();
    pairs.sort_by(|a, b| a.0.cmp(b.0));
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(",")
}

/// A positional string map as a body field (empty: absent).
#[allow(dead_code)]
fn labels_map(labels: &[(&str, &str)]) -> Option<HashMap<String, String>> {
    if labels.is_empty() {
        None
    } else {
        Some(
            labels
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        )
    }
}

#[allow(dead_code)]
fn encode_body<T: serde::Serialize>(body: &T) -> Result<bytes::Bytes> {
    serde_json::to_vec(body)
        .map(bytes::Bytes::from)
        .map_err(|e| DWCPError::Other(ErrorInfo::from(format!("cannot encode the request: {e}"))))
}

/// The optional inputs of [`VMClient::list_with`]; unset ones are left to the server.
///
/// `VMListOptions::new()` then one setter per input; new inputs are added as new setters.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct VMListOptions {
    /// VMs per page (server default 100).
    pub page_size: Option<u16>,
}

impl VMListOptions {
    /// Every input unset.
    pub fn new() -> Self {
        Self::default()
    }

    /// VMs per page (server default 100).
    pub fn page_size(mut self, page_size: u16) -> Self {
        self.page_size = Some(page_size);
        self
    }
}

/// The optional inputs of [`VMClient::list_snapshots_with`]; unset ones are left to the server.
///
/// `VMListSnapshotsOptions::new()` then one setter per input; new inputs are added as new setters.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct VMListSnapshotsOptions {
    /// Snapshots per page (server default 100).
    pub page_size: Option<u16>,
}

impl VMListSnapshotsOptions {
    /// Every input unset.
    pub fn new() -> Self {
        Self::default()
    }

    /// Snapshots per page (server default 100).
    pub fn page_size(mut self, page_size: u16) -> Self {
        self.page_size = Some(page_size);
        self
    }
}

/// The optional inputs of [`VMClient::watch_with`]; unset ones are left to the server.
///
/// `VMWatchOptions::new()` then one setter per input; new inputs are added as new setters.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct VMWatchOptions {
    /// Resume after this event id (the Last-Event-ID); 0 replays the retained log.
    pub since: Option<u64>,
    /// Keep the stream open for new events (default true).
    pub follow: Option<bool>,
}

impl VMWatchOptions {
    /// Every input unset.
    pub fn new() -> Self {
        Self::default()
    }

    /// Resume after this event id (the Last-Event-ID); 0 replays the retained log.
    pub fn since(mut self, since: u64) -> Self {
        self.since = Some(since);
        self
    }

    /// Keep the stream open for new events (default true).
    pub fn follow(mut self, follow: bool) -> Self {
        self.follow = Some(follow);
        self
    }
}

impl Client {
    /// Reports whether the server is serving.
    pub async fn health(&self) -> Result<HealthStatus> {
        let path = String::from("/health");
        #[allow(unused_mut)]
        let mut request = Request::new("system.health", Method::GET, "/health", path);
        request.auth = false;

        self.call(&request).await
    }

    /// Authenticates the API key; connect calls it.
    #[allow(dead_code)]
    pub(crate) async fn create_session(&self) -> Result<SessionInfo> {
        let path = String::from("/session");
        #[allow(unused_mut)]
        let mut request = Request::new("system.create_session", Method::POST, "/session", path);

        self.call(&request).await
    }
}

/// Virtual machines, their migrations, snapshots, metrics and events.
///
/// Get one with `client.vm()`; it is cheap to clone.
#[derive(Clone, Debug)]
pub struct VMClient {
    client: Client,
}

impl VMClient {
    pub(crate) fn new(client: Client) -> Self {
        VMClient { client }
    }

    /// Creates a VM (placed on a node that fits) and returns it in state creating. Sends one Idempotency-Key on every attempt.
    pub async fn create(&self, config: VMConfig) -> Result<VM> {
        self.client.ensure_connected()?;
        let path = String::from("/vms");
        #[allow(unused_mut)]
        let mut request = Request::new("vm.create", Method::POST, "/vms", path);
        request.keyed = true;
        let body = config;
        body.validate()?;
        request.body = Some(encode_body(&body)?);

        self.client.call(&request).await
    }

    /// Returns a VM.
    pub async fn get(&self, vm_id: &str) -> Result<VM> {
        self.client.ensure_connected()?;
        let path = format!("/vms/{}", encode_segment(vm_id));
        #[allow(unused_mut)]
        let mut request = Request::new("vm.get", Method::GET, "/vms/{vm_id}", path);

        self.client.call(&request).await
    }

    /// Lists VMs whose labels match all the given labels, page by page.
    ///
    /// Takes the defaults of [`list_with`](Self::list_with).
    pub async fn list(&self, labels: &[(&str, &str)]) -> Result<Vec<VM>> {
        self.list_with(labels, VMListOptions::default()).await
    }

    /// The first page's request of [`list_stream_with`](Self::list_stream_with).
    fn list_request(&self, labels: &[(&str, &str)], opts: VMListOptions) -> Result<Request> {
        self.client.ensure_connected()?;
        let path = String::from("/vms");
        #[allow(unused_mut)]
        let mut request = Request::new("vm.list", Method::GET, "/vms", path);
        if !labels.is_empty() {
            request.query.push(("labels", encode_labels(labels)));
        }
        let value: Option<u16> = opts.page_size;
        if let Some(value) = value {
            request.query.push(("page_size", value.to_string()));
        }

        Ok(request)
    }

    /// Lists VMs whose labels match all the given labels, page by page.
    ///
    /// Item by item: a page is fetched when the stream needs it. Takes the defaults of [`list_stream_with`](Self::list_stream_with).
    pub fn list_stream(&self, labels: &[(&str, &str)]) -> ItemStream<VM> {
        self.list_stream_with(labels, VMListOptions::default())
    }

    /// Lists VMs whose labels match all the given labels, page by page.
    ///
    /// Item by item: a page is fetched when the stream needs it, and dropping the stream fetches
    /// no further page.
    pub fn list_stream_with(&self, labels: &[(&str, &str)], opts: VMListOptions) -> ItemStream<VM> {
        let request = self.list_request(labels, opts);
        ItemStream::new(
            self.client.clone(),
            request,
            "page_token",
            |page: VMList| {
                let next = page.next_page_token;
                (page.vms, next)
            },
        )
    }

    /// Lists VMs whose labels match all the given labels, page by page. Walks every page (see [`list_stream_with`](Self::list_stream_with) for one page at a time).
    pub async fn list_with(&self, labels: &[(&str, &str)], opts: VMListOptions) -> Result<Vec<VM>> {
        self.list_stream_with(labels, opts).collect_all().await
    }

    /// Starts a stopped VM; starting a running VM is a no-op.
    pub async fn start(&self, vm_id: &str) -> Result<VM> {
        self.client.ensure_connected()?;
        let path = format!("/vms/{}/start", encode_segment(vm_id));
        #[allow(unused_mut)]
        let mut request = Request::new("vm.start", Method::POST, "/vms/{vm_id}/start", path);

        self.client.call(&request).await
    }

    /// Stops a running VM, gracefully or by force; stopping a stopped VM is a no-op.
    pub async fn stop(&self, vm_id: &str, force: impl Into<Option<bool>>) -> Result<VM> {
        self.client.ensure_connected()?;
        let path = format!("/vms/{}/stop", encode_segment(vm_id));
        #[allow(unused_mut)]
        let mut request = Request::new("vm.stop", Method::POST, "/vms/{vm_id}/stop", path);
        let body = StopRequest {
            force: force.into(),
        };
        body.validate()?;
        request.body = Some(encode_body(&body)?);

        self.client.call(&request).await
    }

    /// Destroys a VM and its snapshots.
    pub async fn destroy(&self, vm_id: &str) -> Result<()> {
        self.client.ensure_connected()?;
        let path = format!("/vms/{}", encode_segment(vm_id));
        #[allow(unused_mut)]
        let mut request = Request::new("vm.destroy", Method::DELETE, "/vms/{vm_id}", path);

        self.client.execute(&request).await?;
        Ok(())
    }

    /// Starts moving a VM to another node; poll get_migration_status or wait for it. Sends one Idempotency-Key on every attempt.
    pub async fn migrate(
        &self,
        vm_id: &str,
        target_node: &str,
        options: impl Into<Option<MigrationOptions>>,
    ) -> Result<MigrationStatus> {
        self.client.ensure_connected()?;
        let path = format!("/vms/{}/migrations", encode_segment(vm_id));
        #[allow(unused_mut)]
        let mut request = Request::new("vm.migrate", Method::POST, "/vms/{vm_id}/migrations", path);
        request.keyed = true;
        let body = MigrateRequest {
            target_node: target_node.to_owned(),
            options: options.into(),
        };
        body.validate()?;
        request.body = Some(encode_body(&body)?);

        self.client.call(&request).await
    }

    /// Returns the progress of a migration.
    pub async fn get_migration_status(&self, migration_id: &str) -> Result<MigrationStatus> {
        self.client.ensure_connected()?;
        let path = format!("/migrations/{}", encode_segment(migration_id));
        #[allow(unused_mut)]
        let mut request = Request::new(
            "vm.get_migration_status",
            Method::GET,
            "/migrations/{migration_id}",
            path,
        );

        self.client.call(&request).await
    }

    /// Cancels a migration; the VM stays on its source node.
    pub async fn cancel_migration(&self, migration_id: &str) -> Result<MigrationStatus> {
        self.client.ensure_connected()?;
        let path = format!("/migrations/{}/cancel", encode_segment(migration_id));
        #[allow(unused_mut)]
        let mut request = Request::new(
            "vm.cancel_migration",
            Method::POST,
            "/migrations/{migration_id}/cancel",
            path,
        );

        self.client.call(&request).await
    }

    /// Takes a snapshot of a VM. Sends one Idempotency-Key on every attempt.
    pub async fn snapshot(
        &self,
        vm_id: &str,
        name: &str,
        options: impl Into<Option<SnapshotOptions>>,
    ) -> Result<Snapshot> {
        self.client.ensure_connected()?;
        let path = format!("/vms/{}/snapshots", encode_segment(vm_id));
        #[allow(unused_mut)]
        let mut request = Request::new("vm.snapshot", Method::POST, "/vms/{vm_id}/snapshots", path);
        request.keyed = true;
        let body = SnapshotRequest {
            name: name.to_owned(),
            options: options.into(),
        };
        body.validate()?;
        request.body = Some(encode_body(&body)?);

        self.client.call(&request).await
    }

    /// Lists a VM's snapshots, page by page.
    ///
    /// Takes the defaults of [`list_snapshots_with`](Self::list_snapshots_with).
    pub async fn list_snapshots(&self, vm_id: &str) -> Result<Vec<Snapshot>> {
        self.list_snapshots_with(vm_id, VMListSnapshotsOptions::default())
            .await
    }

    /// The first page's request of [`list_snapshots_stream_with`](Self::list_snapshots_stream_with).
    fn list_snapshots_request(&self, vm_id: &str, opts: VMListSnapshotsOptions) -> Result<Request> {
        self.client.ensure_connected()?;
        let path = format!("/vms/{}/snapshots", encode_segment(vm_id));
        #[allow(unused_mut)]
        let mut request = Request::new(
            "vm.list_snapshots",
            Method::GET,
            "/vms/{vm_id}/snapshots",
            path,
        );
        let value: Option<u16> = opts.page_size;
        if let Some(value) = value {
            request.query.push(("page_size", value.to_string()));
        }

        Ok(request)
    }

    /// Lists a VM's snapshots, page by page.
    ///
    /// Item by item: a page is fetched when the stream needs it. Takes the defaults of [`list_snapshots_stream_with`](Self::list_snapshots_stream_with).
    pub fn list_snapshots_stream(&self, vm_id: &str) -> ItemStream<Snapshot> {
        self.list_snapshots_stream_with(vm_id, VMListSnapshotsOptions::default())
    }

    /// Lists a VM's snapshots, page by page.
    ///
    /// Item by item: a page is fetched when the stream needs it, and dropping the stream fetches
    /// no further page.
    pub fn list_snapshots_stream_with(
        &self,
        vm_id: &str,
        opts: VMListSnapshotsOptions,
    ) -> ItemStream<Snapshot> {
        let request = self.list_snapshots_request(vm_id, opts);
        ItemStream::new(
            self.client.clone(),
            request,
            "page_token",
            |page: SnapshotList| {
                let next = page.next_page_token;
                (page.snapshots, next)
            },
        )
    }

    /// Lists a VM's snapshots, page by page. Walks every page (see [`list_snapshots_stream_with`](Self::list_snapshots_stream_with) for one page at a time).
    pub async fn list_snapshots_with(
        &self,
        vm_id: &str,
        opts: VMListSnapshotsOptions,
    ) -> Result<Vec<Snapshot>> {
        self.list_snapshots_stream_with(vm_id, opts)
            .collect_all()
            .await
    }

    /// Restores a VM from one of its snapshots. Sends one Idempotency-Key on every attempt.
    pub async fn restore_snapshot(&self, vm_id: &str, snapshot_id: &str) -> Result<VM> {
        self.client.ensure_connected()?;
        let path = format!(
            "/vms/{}/snapshots/{}/restore",
            encode_segment(vm_id),
            encode_segment(snapshot_id)
        );
        #[allow(unused_mut)]
        let mut request = Request::new(
            "vm.restore_snapshot",
            Method::POST,
            "/vms/{vm_id}/snapshots/{snapshot_id}/restore",
            path,
        );
        request.keyed = true;

        self.client.call(&request).await
    }

    /// Deletes a snapshot.
    pub async fn delete_snapshot(&self, snapshot_id: &str) -> Result<()> {
        self.client.ensure_connected()?;
        let path = format!("/snapshots/{}", encode_segment(snapshot_id));
        #[allow(unused_mut)]
        let mut request = Request::new(
            "vm.delete_snapshot",
            Method::DELETE,
            "/snapshots/{snapshot_id}",
            path,
        );

        self.client.execute(&request).await?;
        Ok(())
    }

    /// Returns a VM's resource usage over a window (default 5 minutes).
    pub async fn get_metrics(
        &self,
        vm_id: &str,
        window: impl Into<Option<Duration>>,
    ) -> Result<VMMetrics> {
        self.client.ensure_connected()?;
        let path = format!("/vms/{}/metrics", encode_segment(vm_id));
        #[allow(unused_mut)]
        let mut request = Request::new("vm.get_metrics", Method::GET, "/vms/{vm_id}/metrics", path);
        let value: Option<Duration> = window.into();
        if let Some(value) = value {
            request
                .query
                .push(("window", value.as_millis().to_string()));
        }

        self.client.call(&request).await
    }

    /// Streams a VM's metrics, one sample per interval (default 1 s).
    pub async fn stream_metrics(
        &self,
        vm_id: &str,
        interval: impl Into<Option<Duration>>,
    ) -> Result<EventStream<VMMetrics>> {
        self.client.ensure_connected()?;
        let path = format!("/vms/{}/metrics/stream", encode_segment(vm_id));
        #[allow(unused_mut)]
        let mut request = Request::new(
            "vm.stream_metrics",
            Method::GET,
            "/vms/{vm_id}/metrics/stream",
            path,
        );
        let value: Option<Duration> = interval.into();
        if let Some(value) = value {
            request
                .query
                .push(("interval", value.as_millis().to_string()));
        }

        // The stream ends when the server ends it; a dropped connection resumes with Last-Event-ID.
        let raw = stream::open::<VMMetrics>(
            self.client.transport(),
            request,
            false,
            "metrics",
            self.client.options(),
        )
        .await
        .map_err(DWCPError::from_info)?;
        Ok(EventStream::new(raw))
    }

    /// Streams a VM's retained events, then new ones as they happen (follow: false ends after the backlog).
    ///
    /// Takes the defaults of [`watch_with`](Self::watch_with).
    pub async fn watch(&self, vm_id: &str) -> Result<EventStream<VMEvent>> {
        self.watch_with(vm_id, VMWatchOptions::default()).await
    }

    /// Streams a VM's retained events, then new ones as they happen (follow: false ends after the backlog).
    pub async fn watch_with(
        &self,
        vm_id: &str,
        opts: VMWatchOptions,
    ) -> Result<EventStream<VMEvent>> {
        self.client.ensure_connected()?;
        let path = format!("/vms/{}/events", encode_segment(vm_id));
        #[allow(unused_mut)]
        let mut request = Request::new("vm.watch", Method::GET, "/vms/{vm_id}/events", path);
        let value: Option<u64> = opts.since;
        if let Some(value) = value {
            request.query.push(("since", value.to_string()));
        }
        let value: Option<bool> = opts.follow;
        if let Some(value) = value {
            request.query.push(("follow", value.to_string()));
        }

        // The stream ends when the server ends it; a dropped connection resumes with Last-Event-ID.
        let raw = stream::open::<VMEvent>(
            self.client.transport(),
            request,
            false,
            "vm_event",
            self.client.options(),
        )
        .await
        .map_err(DWCPError::from_info)?;
        Ok(EventStream::new(raw))
    }

    /// Waits until the VM runs; a VM that ends in error fails the wait.
    ///
    /// Polls [`get`](Self::get) (the first poll at once, then 200 ms growing to
    /// 5000 ms between polls, with the client's jitter) until an acceptor of the spec matches.
    /// `max_wait` (`None`: 300000 ms) ends it with `TimeoutError` (`wait_timeout`);
    /// nothing is changed on the server. A failure state is `WaiterError`.
    pub async fn wait_until_running(
        &self,
        vm_id: &str,
        max_wait: impl Into<Option<Duration>>,
    ) -> Result<VM> {
        let schedule = waiter::WaitSchedule {
            min_delay: Duration::from_millis(200),
            max_delay: Duration::from_millis(5000),
            max_wait: max_wait.into().unwrap_or(Duration::from_millis(300000)),
            jitter: self.client.config().jitter(),
        };
        let judge = |outcome: &Result<VM>| {
            if let Ok(v) = outcome {
                if waiter::field_in(&v.state, r#"["running"]"#) {
                    return waiter::Verdict::Success;
                }
            }
            if let Ok(v) = outcome {
                if waiter::field_in(&v.state, r#"["error"]"#) {
                    return waiter::Verdict::Failure(waiter::field_text(&v.state));
                }
            }
            if outcome.is_err() {
                waiter::Verdict::Error
            } else {
                waiter::Verdict::Again
            }
        };
        let max_wait = schedule.max_wait;
        let done = waiter::wait_until(
            schedule,
            || self.get(vm_id),
            judge,
            || {
                DWCPError::client(
                    "wait_timeout",
                    format!(
                        "wait_until_running: no acceptor matched within {} ms",
                        max_wait.as_millis()
                    ),
                )
            },
        )
        .await?;
        match done {
            waiter::Done::Success(outcome) => outcome,
            waiter::Done::Failure(state, outcome) => {
                let output = outcome.ok();
                let reason = format!("wait_until_running: state is {state}");
                let mut info = ErrorInfo::client("WaiterError", "waiter_failed", reason);
                let mut details = output
                    .and_then(|o| serde_json::to_value(&o).ok())
                    .unwrap_or_else(|| serde_json::json!({}));
                if let Some(fields) = details.as_object_mut() {
                    fields.insert("state".to_owned(), serde_json::Value::String(state));
                }
                info.details = Some(details);
                Err(DWCPError::Waiter(info))
            }
        }
    }

    /// Waits until the VM is stopped; a VM that ends in error fails the wait.
    ///
    /// Polls [`get`](Self::get) (the first poll at once, then 200 ms growing to
    /// 5000 ms between polls, with the client's jitter) until an acceptor of the spec matches.
    /// `max_wait` (`None`: 300000 ms) ends it with `TimeoutError` (`wait_timeout`);
    /// nothing is changed on the server. A failure state is `WaiterError`.
    pub async fn wait_until_stopped(
        &self,
        vm_id: &str,
        max_wait: impl Into<Option<Duration>>,
    ) -> Result<VM> {
        let schedule = waiter::WaitSchedule {
            min_delay: Duration::from_millis(200),
            max_delay: Duration::from_millis(5000),
            max_wait: max_wait.into().unwrap_or(Duration::from_millis(300000)),
            jitter: self.client.config().jitter(),
        };
        let judge = |outcome: &Result<VM>| {
            if let Ok(v) = outcome {
                if waiter::field_in(&v.state, r#"["stopped"]"#) {
                    return waiter::Verdict::Success;
                }
            }
            if let Ok(v) = outcome {
                if waiter::field_in(&v.state, r#"["error"]"#) {
                    return waiter::Verdict::Failure(waiter::field_text(&v.state));
                }
            }
            if outcome.is_err() {
                waiter::Verdict::Error
            } else {
                waiter::Verdict::Again
            }
        };
        let max_wait = schedule.max_wait;
        let done = waiter::wait_until(
            schedule,
            || self.get(vm_id),
            judge,
            || {
                DWCPError::client(
                    "wait_timeout",
                    format!(
                        "wait_until_stopped: no acceptor matched within {} ms",
                        max_wait.as_millis()
                    ),
                )
            },
        )
        .await?;
        match done {
            waiter::Done::Success(outcome) => outcome,
            waiter::Done::Failure(state, outcome) => {
                let output = outcome.ok();
                let reason = format!("wait_until_stopped: state is {state}");
                let mut info = ErrorInfo::client("WaiterError", "waiter_failed", reason);
                let mut details = output
                    .and_then(|o| serde_json::to_value(&o).ok())
                    .unwrap_or_else(|| serde_json::json!({}));
                if let Some(fields) = details.as_object_mut() {
                    fields.insert("state".to_owned(), serde_json::Value::String(state));
                }
                info.details = Some(details);
                Err(DWCPError::Waiter(info))
            }
        }
    }

    /// Waits until the VM is gone (get answers vm_not_found).
    ///
    /// Polls [`get`](Self::get) (the first poll at once, then 200 ms growing to
    /// 5000 ms between polls, with the client's jitter) until an acceptor of the spec matches.
    /// `max_wait` (`None`: 300000 ms) ends it with `TimeoutError` (`wait_timeout`);
    /// nothing is changed on the server. A failure state is `WaiterError`.
    pub async fn wait_until_destroyed(
        &self,
        vm_id: &str,
        max_wait: impl Into<Option<Duration>>,
    ) -> Result<()> {
        let schedule = waiter::WaitSchedule {
            min_delay: Duration::from_millis(200),
            max_delay: Duration::from_millis(5000),
            max_wait: max_wait.into().unwrap_or(Duration::from_millis(300000)),
            jitter: self.client.config().jitter(),
        };
        let judge = |outcome: &Result<VM>| {
            if matches!(outcome, Err(e) if e.code() == "vm_not_found") {
                return waiter::Verdict::Success;
            }
            if outcome.is_err() {
                waiter::Verdict::Error
            } else {
                waiter::Verdict::Again
            }
        };
        let max_wait = schedule.max_wait;
        let done = waiter::wait_until(
            schedule,
            || self.get(vm_id),
            judge,
            || {
                DWCPError::client(
                    "wait_timeout",
                    format!(
                        "wait_until_destroyed: no acceptor matched within {} ms",
                        max_wait.as_millis()
                    ),
                )
            },
        )
        .await?;
        match done {
            waiter::Done::Success(_) => Ok(()),
            waiter::Done::Failure(state, outcome) => {
                let output = outcome.ok();
                let reason = format!("wait_until_destroyed: state is {state}");
                let mut info = ErrorInfo::client("WaiterError", "waiter_failed", reason);
                let mut details = output
                    .and_then(|o| serde_json::to_value(&o).ok())
                    .unwrap_or_else(|| serde_json::json!({}));
                if let Some(fields) = details.as_object_mut() {
                    fields.insert("state".to_owned(), serde_json::Value::String(state));
                }
                info.details = Some(details);
                Err(DWCPError::Waiter(info))
            }
        }
    }

    /// Waits until a migration ends; failed or cancelled raise MigrationError with the status's error text.
    ///
    /// Polls [`get_migration_status`](Self::get_migration_status) (the first poll at once, then 1000 ms growing to
    /// 20000 ms between polls, with the client's jitter) until an acceptor of the spec matches.
    /// `max_wait` (`None`: 3600000 ms) ends it with `TimeoutError` (`wait_timeout`);
    /// nothing is changed on the server. A failure state is `MigrationError`.
    pub async fn wait_for_migration(
        &self,
        migration_id: &str,
        max_wait: impl Into<Option<Duration>>,
    ) -> Result<MigrationStatus> {
        let schedule = waiter::WaitSchedule {
            min_delay: Duration::from_millis(1000),
            max_delay: Duration::from_millis(20000),
            max_wait: max_wait.into().unwrap_or(Duration::from_millis(3600000)),
            jitter: self.client.config().jitter(),
        };
        let judge = |outcome: &Result<MigrationStatus>| {
            if let Ok(v) = outcome {
                if waiter::field_in(&v.state, r#"["completed"]"#) {
                    return waiter::Verdict::Success;
                }
            }
            if let Ok(v) = outcome {
                if waiter::field_in(&v.state, r#"["failed", "cancelled"]"#) {
                    return waiter::Verdict::Failure(waiter::field_text(&v.state));
                }
            }
            if outcome.is_err() {
                waiter::Verdict::Error
            } else {
                waiter::Verdict::Again
            }
        };
        let max_wait = schedule.max_wait;
        let done = waiter::wait_until(
            schedule,
            || self.get_migration_status(migration_id),
            judge,
            || {
                DWCPError::client(
                    "wait_timeout",
                    format!(
                        "wait_for_migration: no acceptor matched within {} ms",
                        max_wait.as_millis()
                    ),
                )
            },
        )
        .await?;
        match done {
            waiter::Done::Success(outcome) => outcome,
            waiter::Done::Failure(state, outcome) => {
                let output = outcome.ok();
                let reason = output
                    .as_ref()
                    .and_then(|o| o.error.clone())
                    .unwrap_or_else(|| format!("wait_for_migration: state is {state}"));
                let mut info = ErrorInfo::client("MigrationError", "migration_failed", reason);
                let mut details = output
                    .and_then(|o| serde_json::to_value(&o).ok())
                    .unwrap_or_else(|| serde_json::json!({}));
                if let Some(fields) = details.as_object_mut() {
                    fields.insert("state".to_owned(), serde_json::Value::String(state));
                }
                info.details = Some(details);
                Err(DWCPError::Migration(info))
            }
        }
    }
}
