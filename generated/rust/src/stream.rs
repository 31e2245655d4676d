// Code generated from templates/rust/src/stream.rs by generator/; DO NOT EDIT.
//! The API's server streams as `futures::Stream`s of the events themselves.

use std::fmt;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures::Stream;

use crate::error::DWCPError;
use crate::runtime::stream::RawStream;

/// A stream of events that resumes by itself after a dropped connection.
///
/// Its `Item` is the event itself, so `while let Some(event) = events.next().await` reads each
/// event exactly once and in order. The stream ends (`None`) when the server finishes it or a
/// failure cannot be retried; that failure is then available from [`error`](Self::error) /
/// [`take_error`](Self::take_error) — check it after the loop to tell the two apart.
/// Dropping the stream closes the connection.
pub struct EventStream<T> {
    inner: RawStream<T>,
    error: Option<DWCPError>,
    done: bool,
    last_event_id: Option<u64>,
}

impl<T> EventStream<T> {
    pub(crate) fn new(inner: RawStream<T>) -> Self {
        EventStream {
            inner,
            error: None,
            done: false,
            last_event_id: None,
        }
    }

    /// The SSE id of the last event returned (what a resume would start after).
    pub fn last_event_id(&self) -> Option<u64> {
        self.last_event_id
    }

    /// The error that ended the stream, if one did.
    pub fn error(&self) -> Option<&DWCPError> {
        self.error.as_ref()
    }

    /// Takes the error that ended the stream, if one did.
    pub fn take_error(&mut self) -> Option<DWCPError> {
        self.error.take()
    }

    /// Whether the stream has ended.
    pub fn is_done(&self) -> bool {
        self.done
    }
}

impl<T> Stream for EventStream<T> {
    type Item = T;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        if self.done {
            return Poll::Ready(None);
        }
        match self.inner.as_mut().poll_next(cx) {
            Poll::Pending => Poll::Pending,
            Poll::Ready(Some(Ok(delivered))) => {
                if delivered.id.is_some() {
                    self.last_event_id = delivered.id;
                }
                Poll::Ready(Some(delivered.item))
            }
            Poll::Ready(Some(Err(info))) => {
                self.done = true;
                self.error = Some(DWCPError::from_info(info));
                Poll::Ready(None)
            }
            Poll::Ready(None) => {
                self.done = true;
                Poll::Ready(None)
            }
        }
    }
}

impl<T> fmt::Debug for EventStream<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EventStream")
            .field("done", &self.done)
            .field("error", &self.error)
            .finish_non_exhaustive()
    }
}
