// Code generated from templates/rust/runtime/sse.rs by generator/; DO NOT EDIT.
//! A Server-Sent Events parser that follows the WHATWG HTML rules (§9.2.6).
//!
//! Bytes go in with [`Parser::feed`] in chunks of any size; complete events come out of
//! [`Parser::next_event`]. Lines may end with CRLF, LF or CR (also split across chunks), one
//! leading BOM is dropped, comments are skipped, `id` persists across events (and is ignored
//! when it contains NUL), `retry` takes ASCII digits only, and an event that never saw its
//! blank line is never dispatched.

/// One dispatched event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// The `event` field, or `message`.
    pub event: String,
    /// The joined `data` lines.
    pub data: String,
    /// The last-event-ID buffer at dispatch (empty when none).
    pub id: String,
}

/// Incremental SSE parser state.
#[derive(Debug, Default)]
pub struct Parser {
    buf: Vec<u8>,
    pos: usize,
    started: bool,
    skip_lf: bool,
    data: String,
    event: String,
    last_id: String,
    committed_id: String,
    retry: Option<u64>,
    max_line: Option<usize>,
}

impl Parser {
    /// A parser at the start of a stream.
    pub fn new() -> Self {
        Parser::default()
    }

    /// A parser whose lines may be at most `max_line` bytes (see [`Parser::line_too_long`]).
    pub fn with_max_line(max_line: usize) -> Self {
        Parser {
            max_line: Some(max_line),
            ..Parser::default()
        }
    }

    /// Whether the unfinished line buffered so far is already longer than the limit (checked
    /// once [`Parser::next_event`] has returned `None`; the caller should then stop reading).
    pub fn line_too_long(&self) -> bool {
        self.max_line
            .is_some_and(|max| self.buf.len() - self.pos > max)
    }

    /// Whether the bytes received so far end inside an event (a line without its end, or
    /// fields not yet dispatched by a blank line): a body that ends here was cut.
    pub fn mid_event(&self) -> bool {
        self.pos < self.buf.len()
            || !self.data.is_empty()
            || !self.event.is_empty()
            || self.last_id != self.committed_id
    }

    /// Appends bytes read from the connection.
    pub fn feed(&mut self, chunk: &[u8]) {
        if self.pos > 0 && self.pos == self.buf.len() {
            self.buf.clear();
            self.pos = 0;
        } else if self.pos > 64 * 1024 {
            self.buf.drain(..self.pos);
            self.pos = 0;
        }
        self.buf.extend_from_slice(chunk);
    }

    /// The id committed by the last blank line (what a reconnect sends as `Last-Event-ID`).
    pub fn last_event_id(&self) -> &str {
        &self.committed_id
    }

    /// The reconnection time the server asked for with `retry:`, in ms.
    pub fn retry(&self) -> Option<u64> {
        self.retry
    }

    /// Forgets a partly received event (the connection dropped) but keeps the last id.
    pub fn reset_connection(&mut self) {
        self.buf.clear();
        self.pos = 0;
        self.started = false;
        self.skip_lf = false;
        self.data.clear();
        self.event.clear();
        // An id line of an event that never completed was not committed.
        self.last_id.clone_from(&self.committed_id);
    }

    /// The next complete event, if the buffered bytes hold one.
    pub fn next_event(&mut self) -> Option<Event> {
        while let Some((start, end)) = self.next_line() {
            if start == end {
                if let Some(event) = self.dispatch() {
                    return Some(event);
                }
                continue;
            }
            let line = String::from_utf8_lossy(&self.buf[start..end]).into_owned();
            self.field(&line);
        }
        None
    }

    /// The bounds of the next whole line, consuming it and its terminator.
    fn next_line(&mut self) -> Option<(usize, usize)> {
        if !self.started {
            if self.buf.len() - self.pos < 3 && b"\xEF\xBB\xBF".starts_with(&self.buf[self.pos..]) {
                return None; // maybe a BOM still arriving
            }
            if self.buf[self.pos..].starts_with(b"\xEF\xBB\xBF") {
                self.pos += 3;
            }
            self.started = true;
        }
        if self.skip_lf && self.pos < self.buf.len() {
            if self.buf[self.pos] == b'\n' {
                self.pos += 1;
            }
            self.skip_lf = false;
        }
        let start = self.pos;
        let offset = self.buf[start..]
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')?;
        let end = start + offset;
        self.pos = end + 1;
        if self.buf[end] == b'\r' {
            match self.buf.get(self.pos) {
                Some(b'\n') => self.pos += 1,
                Some(_) => {}
                None => self.skip_lf = true,
            }
        }
        Some((start, end))
    }

    fn field(&mut self, line: &str) {
        if line.starts_with(':') {
            return;
        }
        let (name, value) = match line.split_once(':') {
            Some((name, value)) => (name, value.strip_prefix(' ').unwrap_or(value)),
            None => (line, ""),
        };
        match name {
            "data" => {
                self.data.push_str(value);
                self.data.push('\n');
            }
            "event" => value.clone_into(&mut self.event),
            "id" if !value.contains('\0') => value.clone_into(&mut self.last_id),
            "retry" if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) => {
                self.retry = value.parse().ok();
            }
            _ => {}
        }
    }

    fn dispatch(&mut self) -> Option<Event> {
        let event = std::mem::take(&mut self.event);
        self.committed_id.clone_from(&self.last_id);
        if self.data.is_empty() {
            return None;
        }
        let mut data = std::mem::take(&mut self.data);
        data.pop();
        Some(Event {
            event: if event.is_empty() {
                "message".to_owned()
            } else {
                event
            },
            data,
            id: self.last_id.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(chunks: &[&[u8]]) -> Vec<Event> {
        let mut parser = Parser::new();
        let mut out = Vec::new();
        for chunk in chunks {
            parser.feed(chunk);
            while let Some(e) = parser.next_event() {
                out.push(e);
            }
        }
        out
    }

    fn ev(event: &str, data: &str, id: &str) -> Event {
        Event {
            event: event.into(),
            data: data.into(),
            id: id.into(),
        }
    }

    #[test]
    fn line_endings_mix() {
        let got = parse(&[b"data: a\r\n\r\ndata: b\n\ndata: c\r\rdata: d\r", b"\n\r\n"]);
        assert_eq!(
            got,
            [
                ev("message", "a", ""),
                ev("message", "b", ""),
                ev("message", "c", ""),
                ev("message", "d", "")
            ]
        );
    }

    #[test]
    fn bom_comments_multiline_and_fields() {
        let got = parse(&[
            b"\xEF\xBB",
            b"\xBF: hi\nevent: update\nid: 7\ndata: x\ndata:y\nretry: 10\n\n",
        ]);
        assert_eq!(got, [ev("update", "x\ny", "7")]);
    }

    #[test]
    fn id_persists_and_ignores_nul() {
        let got = parse(&[b"id: 1\ndata: a\n\ndata: b\n\nid: 2\0\ndata: c\n\nid\ndata: d\n\n"]);
        assert_eq!(
            got,
            [
                ev("message", "a", "1"),
                ev("message", "b", "1"),
                ev("message", "c", "1"),
                ev("message", "d", "")
            ]
        );
    }

    #[test]
    fn retry_takes_digits_only() {
        let mut p = Parser::new();
        p.feed(b"retry: 1000x\n\nretry: 250\n\n");
        assert_eq!(p.next_event(), None);
        assert_eq!(p.retry(), Some(250));
    }

    #[test]
    fn unfinished_event_is_not_dispatched() {
        let mut p = Parser::new();
        p.feed(b"id: 5\ndata: a\n\nid: 6\ndata: b\n");
        assert_eq!(p.next_event(), Some(ev("message", "a", "5")));
        assert_eq!(p.next_event(), None);
        p.reset_connection();
        assert_eq!(p.last_event_id(), "5");
        p.feed(b"data: c\n\n");
        assert_eq!(p.next_event(), Some(ev("message", "c", "5")));
    }

    #[test]
    fn byte_by_byte() {
        let text = b"id: 3\r\nevent: e\r\ndata: hello\r\n\r\n";
        let chunks: Vec<&[u8]> = text.chunks(1).collect();
        assert_eq!(parse(&chunks), [ev("e", "hello", "3")]);
    }

    #[test]
    fn a_line_over_the_limit_is_reported_after_the_events_before_it() {
        let mut p = Parser::with_max_line(8);
        p.feed(b"data: 1\n\ndata: 0123456789");
        assert_eq!(p.next_event(), Some(ev("message", "1", "")));
        assert_eq!(p.next_event(), None);
        assert!(p.line_too_long());
        let mut ok = Parser::with_max_line(8);
        ok.feed(b"data: 12");
        assert_eq!(ok.next_event(), None);
        assert!(!ok.line_too_long());
    }

    #[test]
    fn a_body_cut_inside_an_event_is_mid_event() {
        let mut p = Parser::new();
        p.feed(b"id: 1\ndata: a\n\n");
        assert!(p.next_event().is_some());
        assert!(!p.mid_event());
        for cut in [&b"id: 2\n"[..], b"data: b\n", b"dat"] {
            let mut q = Parser::new();
            q.feed(b"id: 1\ndata: a\n\n");
            q.feed(cut);
            while q.next_event().is_some() {}
            assert!(q.mid_event(), "{cut:?}");
        }
    }
}
