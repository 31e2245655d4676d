// Code generated from templates/rust/src/pager.rs by generator/; DO NOT EDIT.
//! Lazy pagination: a paginated operation's items as a `futures::Stream`, page by page.

use std::collections::VecDeque;
use std::fmt;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures::Stream;
use serde::de::DeserializeOwned;

use crate::client::Client;
use crate::error::{DWCPError, Result};
use crate::runtime::transport::Request;

/// The items of a paginated operation, fetched one page at a time as the stream is read.
///
/// `Item = Result<T>`: a failed page ends the stream with that error. Dropping the stream (or
/// breaking out of the loop) fetches no further page. The `Vec`-returning method beside it
/// collects the same stream.
pub struct ItemStream<T> {
    inner: Pin<Box<dyn Stream<Item = Result<T>> + Send>>,
}

struct State<T, F> {
    client: Client,
    request: Request,
    token_param: &'static str,
    token: Option<String>,
    buffer: VecDeque<T>,
    done: bool,
    /// A problem found before the first page (an invalid input): the stream's only item.
    error: Option<DWCPError>,
    split: F,
}

impl<T: Send + 'static> ItemStream<T> {
    /// Pages of `P` from `request`, the next page asked for with `token_param`; `split` gives a
    /// page's items and its next token (none or empty, or the same token again: the last page).
    pub(crate) fn new<P, F>(
        client: Client,
        request: Result<Request>,
        token_param: &'static str,
        split: F,
    ) -> Self
    where
        P: DeserializeOwned + Send + 'static,
        F: Fn(P) -> (Vec<T>, Option<String>) + Send + Sync + 'static,
    {
        let (request, error) = match request {
            Ok(request) => (request, None),
            Err(error) => (
                Request::new("", reqwest::Method::GET, "", String::new()),
                Some(error),
            ),
        };
        let state = State {
            client,
            request,
            token_param,
            token: None,
            buffer: VecDeque::new(),
            done: false,
            error,
            split,
        };
        let stream = futures::stream::unfold(state, |mut st| async move {
            loop {
                if let Some(error) = st.error.take() {
                    st.done = true;
                    return Some((Err(error), st));
                }
                if let Some(item) = st.buffer.pop_front() {
                    return Some((Ok(item), st));
                }
                if st.done {
                    return None;
                }
                let mut page_request = st.request.clone();
                if let Some(token) = &st.token {
                    page_request.query.push((st.token_param, token.clone()));
                }
                match st.client.call::<P>(&page_request).await {
                    Ok(page) => {
                        let (items, next) = (st.split)(page);
                        st.buffer.extend(items);
                        match next {
                            // A repeated token would loop forever: stop with what we have.
                            Some(next)
                                if !next.is_empty()
                                    && st.token.as_deref() != Some(next.as_str()) =>
                            {
                                st.token = Some(next);
                            }
                            _ => st.done = true,
                        }
                    }
                    Err(error) => {
                        st.done = true;
                        st.buffer.clear();
                        return Some((Err(error), st));
                    }
                }
            }
        });
        ItemStream {
            inner: Box::pin(stream),
        }
    }

    /// Every item, in order (every page is fetched).
    pub async fn collect_all(self) -> Result<Vec<T>> {
        use futures::TryStreamExt;
        self.try_collect().await
    }
}

impl<T> Stream for ItemStream<T> {
    type Item = Result<T>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<T>>> {
        self.inner.as_mut().poll_next(cx)
    }
}

impl<T> fmt::Debug for ItemStream<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ItemStream").finish_non_exhaustive()
    }
}
