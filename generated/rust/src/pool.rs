// Code generated from templates/rust/src/pool.rs by generator/; DO NOT EDIT.
//! A fixed set of connected clients shared by many tasks.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use tokio::sync::Semaphore;

use crate::client::Client;
use crate::config::ClientConfig;
use crate::error::{DWCPError, Result};

/// `size` connected clients; at most `size` tasks hold one at a time.
///
/// ```no_run
/// # async fn run(config: dwcp::ClientConfig) -> dwcp::Result<()> {
/// let pool = dwcp::ClientPool::new(10, config).await?;
/// let client = pool.acquire().await;
/// // ... operations
/// pool.release(client);
/// # Ok(())
/// # }
/// ```
///
/// Clones share the clients. A [`Client`] is itself a pool of HTTP connections, so the pool's
/// job is to bound concurrency: `acquire` waits while `size` clients are out.
#[derive(Clone, Debug)]
pub struct ClientPool {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    clients: Vec<Client>,
    permits: Semaphore,
    next: AtomicUsize,
}

impl ClientPool {
    /// Builds and connects `size` clients with `config`.
    pub async fn new(size: usize, config: ClientConfig) -> Result<ClientPool> {
        if size == 0 {
            return Err(DWCPError::config(
                "size",
                "a pool needs at least one client",
            ));
        }
        let mut clients = Vec::with_capacity(size);
        for _ in 0..size {
            clients.push(Client::new(config.clone()).await?);
        }
        Ok(ClientPool {
            inner: Arc::new(Inner {
                clients,
                permits: Semaphore::new(size),
                next: AtomicUsize::new(0),
            }),
        })
    }

    /// Waits for a free slot and returns a client; give it back with [`release`](Self::release).
    pub async fn acquire(&self) -> Client {
        // The semaphore is never closed, so acquire cannot fail; the permit is returned by release.
        if let Ok(permit) = self.inner.permits.acquire().await {
            permit.forget();
        }
        let i = self.inner.next.fetch_add(1, Ordering::Relaxed) % self.inner.clients.len();
        self.inner.clients[i].clone()
    }

    /// Gives a client back, freeing its slot.
    pub fn release(&self, client: Client) {
        drop(client);
        self.inner.permits.add_permits(1);
    }

    /// The number of clients.
    pub fn size(&self) -> usize {
        self.inner.clients.len()
    }
}
