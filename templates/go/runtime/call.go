package dwcp

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
	"unicode/utf8"
)

// maxBody bounds how much of a success body the client reads (the largest page the spec allows
// is a few MiB): a longer body is ConnectionError response_too_large, and the rest is not read
// (the connection is dropped, not reused).
const maxBody = 32 << 20

// maxErrorBody bounds how much of an error response the client reads: the rest is not read (the
// connection is dropped, not reused), so an error's message is at most 64 KiB.
const maxErrorBody = 64 << 10

// request is one logical call: everything needed to send each attempt identically.
type request struct {
	op     string
	method string
	path   string // the path sent
	tmpl   string // the spec's path template, e.g. /vms/{vm_id}
	query  url.Values
	body   []byte
	keyed  bool
	opts   callOptions
	public bool
	stream bool // a server stream: the response body stays open
	event  string // a stream's SSE event name: events named otherwise are ignored
	probe  bool // any answer counts as success (Connect without a session operation)
}

// url is the full URL of the request.
func (r *request) url(base string) string {
	u := base + r.path
	if len(r.query) > 0 {
		u += "?" + r.query.Encode()
	}
	return u
}

// callState is one logical call across its attempts: a unary call's retries, a waiter's poll, or a
// stream's opens and reconnects (whose attempt numbers keep counting).
type callState struct {
	r        *request
	call     Call
	target   string
	attempts int // attempts sent so far
	retries  int
	timeout  time.Duration
	lastID   string   // a stream's Last-Event-ID for its next connection
	last     *Attempt // the last attempt sent
	retried  bool     // a retry took tokens from the budget since the last success
	lastCost int      // what that retry took
}

// newCall starts the state of one call: its request id, idempotency key and effective options.
func (c *Client) newCall(r *request) *callState {
	key := r.opts.idempotencyKey
	if key == "" && r.keyed {
		key = newUUID()
	}
	st := &callState{r: r, target: r.url(c.base), retries: c.policy.retries, timeout: c.config.RequestTimeout}
	st.call = Call{Operation: r.op, Method: r.method, Path: firstNonEmpty(r.tmpl, r.path),
		ServerAddress: c.host, ServerPort: c.port, RequestID: newUUID(), IdempotencyKey: key}
	if r.opts.retries != nil {
		st.retries = *r.opts.retries
	}
	if r.opts.timeout > 0 {
		st.timeout = r.opts.timeout
	}
	return st
}

// call runs a request through the attempt loop and decodes a successful body into out (if non-nil).
func (c *Client) call(ctx context.Context, r *request, out any) error {
	if err := c.ready(r); err != nil {
		return err
	}
	if out == nil {
		out = r.opts.result
	}
	st := c.newCall(r)
	ctx = c.callStart(ctx, &st.call)
	_, err := c.loop(ctx, st, func(resp *http.Response, body []byte) *Error {
		if out == nil || resp.StatusCode == http.StatusNoContent {
			return nil
		}
		if len(body) == 0 || !utf8.Valid(body) {
			e := clientError("malformed_response", "the response is empty or not UTF-8")
			e.Status = resp.StatusCode
			return e
		}
		if err := json.Unmarshal(body, out); err != nil {
			e := clientError("malformed_response", "the response could not be decoded")
			e.Status, e.Err = resp.StatusCode, err
			return e
		}
		return nil
	})
	return c.finish(ctx, st, err)
}

// ready fails a call made before Connect or after Disconnect.
func (c *Client) ready(r *request) error {
	if r.public || c.connected.Load() {
		return nil
	}
	return clientError("not_connected", "call Connect before "+r.op)
}

// finish ends a call: on an error the OnError hooks run (a failing one replaces the error), the
// failure is counted and logged; then the CallEnd hooks run. It returns the call's error.
func (c *Client) finish(ctx context.Context, st *callState, e *Error) error {
	if e == nil {
		c.callEnd(ctx, &st.call, nil)
		return nil
	}
	if herr := c.onError(ctx, &st.call, e); herr != nil {
		e = c.stamp(herr, st)
	}
	c.counters.errorsTotal.Add(1)
	if c.log != nil {
		c.log.failed(ctx, &st.call, e)
	}
	c.callEnd(ctx, &st.call, e)
	return e
}

// stamp gives an error of the call its evidence: request id, attempts sent, idempotency key.
func (c *Client) stamp(e *Error, st *callState) *Error {
	e.RequestID = firstNonEmpty(e.RequestID, st.call.RequestID)
	e.Attempts, e.IdempotencyKey = st.attempts, st.call.IdempotencyKey
	return e
}

// loop is the one attempt loop of the SDK: unary calls, waiter polls, stream opens and stream
// reconnects all send their attempts through it. It is the only code that numbers attempts
// (DWCP-Attempt), applies the retry policy, sleeps between attempts, and runs hooks and log lines
// per attempt. It returns the accepted response: nil for a unary call (onSuccess saw its body)
// and for a stream the server ended at once (204); the open response of a stream otherwise.
func (c *Client) loop(ctx context.Context, st *callState, onSuccess func(*http.Response, []byte) *Error) (*http.Response, *Error) {
	r := st.r
	for try := 1; ; try++ {
		if ctx.Err() != nil {
			return nil, c.contextError(ctx, st, nil)
		}
		n := st.attempts + 1
		a := &Attempt{Call: &st.call, Number: n, Header: make(http.Header, 8)}
		c.headers(a.Header, st, n)
		if herr := c.beforeAttempt(ctx, a); herr != nil {
			return nil, c.stamp(herr, st) // nothing was sent
		}
		st.attempts, st.last = n, a
		st.call.Attempts = n
		actx := c.attemptStart(ctx, a)
		if c.log != nil && c.log.debug {
			c.log.exchange(actx, "request", a, a.Header, r.body)
		}
		start := time.Now()
		resp, buf, err := c.send(actx, st, a)
		a.Duration = time.Since(start)
		var failure *Error
		final := false
		switch {
		case err != nil && ctx.Err() != nil:
			failure, final = c.contextError(ctx, st, err), true
		case err != nil:
			failure = transportError(err)
		default:
			a.Status, a.ResponseHeader = resp.StatusCode, resp.Header
			a.ResponseRequestID = firstNonEmpty(resp.Header.Get(requestIDHeader), st.call.RequestID)
			if dst := r.opts.response; dst != nil {
				*dst = Response{StatusCode: resp.StatusCode, Header: resp.Header, RequestID: a.ResponseRequestID, Attempts: n}
			}
			if c.log != nil && c.log.debug {
				var body []byte
				if buf != nil {
					body = buf.Bytes()
				}
				c.log.exchange(actx, "response", a, resp.Header, body)
			}
			if herr := c.afterResponse(actx, a); herr != nil {
				release(resp, buf)
				failure, final = herr, true
				break
			}
			var done bool
			done, failure, final = c.accept(st, resp, buf, onSuccess)
			if done {
				c.budget.succeeded(st)
				c.endAttempt(actx, a)
				if resp.StatusCode == http.StatusNoContent || !r.stream {
					return nil, nil
				}
				return resp, nil
			}
		}
		c.stamp(failure, st)
		a.Err = failure
		c.endAttempt(actx, a)
		if final {
			return nil, failure
		}
		var header http.Header
		if resp != nil {
			header = resp.Header
		}
		delay, again := c.policy.decide(try, st.retries, failure, st.call.IdempotencyKey != "", header)
		if !again {
			return nil, failure
		}
		if !c.budget.take(st, failure) {
			return nil, exhausted(failure)
		}
		if herr := c.beforeRetry(ctx, a, delay, failure); herr != nil {
			return nil, c.stamp(herr, st)
		}
		if c.log != nil {
			c.log.retry(ctx, a, delay, failure)
		}
		if err := sleep(ctx, delay); err != nil {
			return nil, c.contextError(ctx, st, failure)
		}
	}
}

// accept classifies a response: done (the call succeeded, or a stream is open or ended by a 204),
// or a failure, final when retrying cannot help. It releases what it does not hand on.
func (c *Client) accept(st *callState, resp *http.Response, buf *bytes.Buffer, onSuccess func(*http.Response, []byte) *Error) (bool, *Error, bool) {
	r := st.r
	switch {
	case r.probe:
		release(resp, buf)
		return true, nil, false
	case r.stream && resp.StatusCode == http.StatusNoContent:
		release(resp, buf)
		return true, nil, false
	case r.stream && resp.StatusCode == http.StatusOK && isEventStream(resp.Header):
		return true, nil, false
	case r.stream && resp.StatusCode < 300:
		release(resp, buf)
		failure := clientError("malformed_response", "the stream is not text/event-stream")
		failure.Status = resp.StatusCode
		return false, failure, true
	case !r.stream && resp.StatusCode >= 200 && resp.StatusCode < 300:
		e := onSuccess(resp, buf.Bytes())
		putBuffer(buf)
		if e != nil {
			return false, e, true
		}
		return true, nil, false
	}
	var body []byte
	if buf != nil {
		body = buf.Bytes()
	}
	failure := c.scrub(responseError(resp, body))
	release(resp, buf)
	return false, failure, false
}

// scrub removes the API key from an error the server wrote (a proxy or server echoing the
// Authorization header must not put the key into error text).
func (c *Client) scrub(e *Error) *Error {
	key := c.config.APIKey
	if key == "" {
		return e
	}
	e.Message = strings.ReplaceAll(e.Message, key, redacted)
	for name, raw := range e.Details {
		if bytes.Contains(raw, []byte(key)) {
			e.Details[name] = bytes.ReplaceAll(raw, []byte(key), []byte(redacted))
		}
	}
	return e
}

// release returns a response's buffer to the pool, or closes a stream response's body.
func release(resp *http.Response, buf *bytes.Buffer) {
	if buf != nil {
		putBuffer(buf)
		return
	}
	if resp != nil {
		resp.Body.Close()
	}
}

// endAttempt writes an attempt's info line and runs the AttemptEnd hooks.
func (c *Client) endAttempt(ctx context.Context, a *Attempt) {
	if c.log != nil && c.log.info {
		c.log.attempt(ctx, a, a.Call.Path)
	}
	c.attemptEnd(ctx, a)
}

// send writes one attempt and reads its response: a unary call's whole body into a pooled buffer
// (the caller returns it with putBuffer) under the attempt's timeout; a stream's head only (see
// sendStream). No timer is set up when ctx's own deadline comes first: its expiry is then the
// caller's deadline, reported as such.
func (c *Client) send(ctx context.Context, st *callState, a *Attempt) (*http.Response, *bytes.Buffer, error) {
	r := st.r
	if r.stream {
		return c.sendStream(ctx, st, a)
	}
	if t := st.timeout; t > 0 {
		if deadline, ok := ctx.Deadline(); !ok || time.Until(deadline) > t {
			var cancel context.CancelFunc
			ctx, cancel = context.WithTimeout(ctx, t)
			defer cancel()
		}
	}
	req, err := newRequest(ctx, r.method, st.target, r.body, st.call.IdempotencyKey != "")
	if err != nil {
		return nil, nil, err
	}
	req.Header = a.Header
	c.counters.messagesSent.Add(1)
	c.counters.bytesSent.Add(requestSize(req, len(r.body)))
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close() // unread bytes left: net/http drops the connection instead of pooling it
	if resp.StatusCode >= 300 {
		buf := getBuffer(min(resp.ContentLength, maxErrorBody))
		_, err = buf.ReadFrom(io.LimitReader(resp.Body, maxErrorBody))
		return c.received(resp, buf, err)
	}
	if resp.ContentLength > maxBody {
		c.counters.messagesReceived.Add(1)
		return nil, nil, tooLarge(resp.ContentLength)
	}
	// Count while reading: a Content-Length can lie, and a chunked body declares none.
	buf := getBuffer(min(resp.ContentLength, maxBody))
	_, err = buf.ReadFrom(io.LimitReader(resp.Body, maxBody+1))
	if err == nil && buf.Len() > maxBody {
		c.counters.messagesReceived.Add(1)
		c.counters.bytesReceived.Add(uint64(buf.Len()))
		putBuffer(buf)
		return nil, nil, tooLarge(-1)
	}
	return c.received(resp, buf, err)
}

// received counts a read response; a read error releases its buffer.
func (c *Client) received(resp *http.Response, buf *bytes.Buffer, err error) (*http.Response, *bytes.Buffer, error) {
	c.counters.messagesReceived.Add(1)
	c.counters.bytesReceived.Add(uint64(buf.Len()))
	if err != nil {
		putBuffer(buf)
		return nil, nil, err
	}
	return resp, buf, nil
}

// tooLarge is the error of a success body longer than maxBody (declared: its Content-Length,
// or -1 when the client counted past the limit while reading).
func tooLarge(declared int64) *Error {
	text := "the response body is longer than " + strconv.Itoa(maxBody>>20) + " MiB"
	if declared > 0 {
		text += " (Content-Length " + strconv.FormatInt(declared, 10) + ")"
	}
	text += "; the rest was not read"
	return clientError("response_too_large", text)
}

// bufferPool recycles response buffers: a body is decoded (copied out) before its buffer returns.
var bufferPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func getBuffer(size int64) *bytes.Buffer {
	buf := bufferPool.Get().(*bytes.Buffer)
	if size > 0 && size <= maxBody {
		buf.Grow(int(size) + bytes.MinRead) // ReadFrom wants MinRead spare bytes to see EOF
	}
	return buf
}

func putBuffer(buf *bytes.Buffer) {
	if buf.Cap() > 1<<20 {
		return // let a rare huge body go instead of pinning it
	}
	buf.Reset()
	bufferPool.Put(buf)
}

// newRequest builds one attempt's request. Its body is never replayable (GetBody is nil and an
// empty body is a non-nil reader), so net/http does not silently resend it on a dead keep-alive
// connection: every resend is a counted attempt with its own DWCP-Attempt header. An empty body
// goes out with "identity" framing: no Content-Length, no chunking and no body probe, so on the
// wire it is exactly a body-less request (the headers still go out in one write).
func newRequest(ctx context.Context, method, target string, body []byte, keyed bool) (*http.Request, error) {
	var reader io.Reader
	if body != nil {
		reader = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, target, reader)
	if err != nil {
		return nil, err
	}
	req.GetBody = nil
	if body == nil {
		if method == http.MethodPost && !keyed {
			req.Body = http.NoBody // a POST without a key is never replayed by net/http
		} else {
			req.Body = emptyBody{}
			req.TransferEncoding = identity
		}
	}
	return req, nil
}

// identity is the framing of an empty body: neither Content-Length nor chunked.
var identity = []string{"identity"}

// emptyBody is an empty, non-replayable request body (zero-size: no allocation).
type emptyBody struct{}

func (emptyBody) Read([]byte) (int, error) { return 0, io.EOF }
func (emptyBody) Close() error               { return nil }

// requestSize estimates the bytes of a request on the wire: request line, headers and body.
func requestSize(req *http.Request, body int) uint64 {
	n := len(req.Method) + len(req.URL.RequestURI()) + len(" HTTP/1.1\r\n\r\n") + len(req.URL.Host) + 8
	for k, vs := range req.Header {
		for _, v := range vs {
			n += len(k) + len(v) + 4
		}
	}
	return uint64(n + body)
}

// staticHeaders are the header values every request of a client shares, built once: net/http
// only reads a request's header slices, so one slice serves every request.
type staticHeaders struct {
	accept, acceptStream, noCache, userAgent, auth, contentType []string
	attempts                                                    [][]string
}

func newStaticHeaders(auth string) staticHeaders {
	h := staticHeaders{
		accept:       []string{"application/json"},
		acceptStream: []string{"text/event-stream"},
		noCache:      []string{"no-cache"},
		userAgent:    []string{userAgent},
		contentType:  []string{"application/json"},
		attempts:     make([][]string, 9),
	}
	if auth != "" {
		h.auth = []string{auth}
	}
	for i := 1; i < len(h.attempts); i++ {
		h.attempts[i] = []string{strconv.Itoa(i)}
	}
	return h
}

func (s *staticHeaders) attempt(n int) []string {
	if n > 0 && n < len(s.attempts) {
		return s.attempts[n]
	}
	return []string{strconv.Itoa(n)}
}

// headers sets the headers attempt n of a call carries: the SDK's, then the call's extra headers
// (WithHeader), which never replace Authorization, DWCP-Attempt, X-Request-ID or Idempotency-Key.
func (c *Client) headers(h http.Header, st *callState, n int) {
	s := &c.static
	r := st.r
	if r.stream {
		h["Accept"] = s.acceptStream
		h["Cache-Control"] = s.noCache
		if st.lastID != "" {
			h["Last-Event-Id"] = []string{st.lastID}
		}
	} else {
		h["Accept"] = s.accept
	}
	h["User-Agent"] = s.userAgent
	if s.auth != nil {
		h["Authorization"] = s.auth
	}
	h[requestIDHeader] = []string{st.call.RequestID}
	h[attemptHeader] = s.attempt(n)
	if key := st.call.IdempotencyKey; key != "" {
		h[idempotencyKeyHeader] = []string{key}
	}
	if r.body != nil {
		h["Content-Type"] = s.contentType
	}
	for name, values := range r.opts.header {
		if reserved(name) {
			continue
		}
		h[name] = values[:len(values):len(values)] // a hook's Add must not write into the option's array
	}
}

// reserved reports whether name is a header the call's extra headers never replace.
func reserved(name string) bool {
	for _, r := range reservedHeaders {
		if strings.EqualFold(name, r) {
			return true
		}
	}
	return false
}

// contextError reports a call ended by its context: a deadline is ErrTimeout, a cancellation is
// context.Canceled (wrapped in an *Error carrying the evidence).
func (c *Client) contextError(ctx context.Context, st *callState, last error) *Error {
	var e *Error
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		e = clientError("client_timeout", "the caller's deadline expired during "+st.r.op)
		e.Err = context.DeadlineExceeded
	} else {
		e = &Error{Type: "Cancelled", Code: "cancelled", Message: st.r.op + " was cancelled", Err: ctx.Err()}
	}
	if prev, ok := last.(*Error); ok {
		e.Status, e.RetryAfter = prev.Status, prev.RetryAfter
	}
	return c.stamp(e, st)
}

// transportError maps a failed round trip: a per-attempt timeout is ErrTimeout, a certificate the
// client cannot verify tls_failed, the rest ErrConnection. An *Error (a body past the size limit)
// is already typed.
func transportError(err error) *Error {
	if e, ok := err.(*Error); ok {
		return e
	}
	var e *Error
	switch {
	case errors.Is(err, context.DeadlineExceeded) || isTimeout(err):
		e = clientError("client_timeout", "the request timed out")
	case errors.Is(err, syscall.ECONNREFUSED):
		e = clientError("connection_refused", "the connection was refused")
	default:
		if reason := tlsReason(err); reason != "" {
			e = clientError("tls_failed", "the server's certificate could not be verified: "+reason)
		} else {
			e = clientError("connection_reset", "the connection failed")
		}
	}
	e.Err = err
	return e
}

// tlsReason is the TLS library's reason when err is a certificate the client could not verify
// (unknown authority, expired or not yet valid, another name), "" otherwise.
func tlsReason(err error) string {
	var verify *tls.CertificateVerificationError
	if errors.As(err, &verify) && verify.Err != nil {
		return verify.Err.Error()
	}
	var unknown x509.UnknownAuthorityError
	var invalid x509.CertificateInvalidError
	var host x509.HostnameError
	switch {
	case errors.As(err, &unknown):
		return unknown.Error()
	case errors.As(err, &invalid):
		return invalid.Error()
	case errors.As(err, &host):
		return host.Error()
	}
	return ""
}

func isTimeout(err error) bool {
	var t interface{ Timeout() bool }
	return errors.As(err, &t) && t.Timeout()
}

// errorBody is the wire form of every error response.
type errorBody struct {
	Error struct {
		Type      string                     `json:"type"`
		Code      string                     `json:"code"`
		Message   string                     `json:"message"`
		RequestID string                     `json:"request_id"`
		Details   map[string]json.RawMessage `json:"details"`
	} `json:"error"`
}

// responseError maps an error response to its catalogue entry, by type, else by status.
func responseError(resp *http.Response, body []byte) *Error {
	var parsed errorBody
	_ = json.Unmarshal(body, &parsed)
	d := parsed.Error
	k := kindsByType[d.Type]
	if k == nil {
		k = kindForStatus(resp.StatusCode)
	}
	e := &Error{Kind: k, Type: k.name, Status: resp.StatusCode, Code: d.Code, Message: d.Message,
		RequestID: firstNonEmpty(d.RequestID, resp.Header.Get(requestIDHeader)), Details: d.Details}
	if e.Code == "" {
		e.Code = defaultCode[k]
	}
	if e.Message == "" {
		e.Message = http.StatusText(resp.StatusCode)
	}
	if f, ok := d.Details["field"]; ok {
		_ = json.Unmarshal(f, &e.Field)
	}
	e.RetryAfter = retryAfter(resp.Header, time.Now())
	return e
}

// kindForStatus is the catalogue entry of a bare status (a 5xx the catalogue does not list is the
// entry of code unavailable, an unlisted 4xx the entry of code invalid_argument).
func kindForStatus(status int) *kind {
	if k, ok := kindsByStatus[status]; ok {
		return k
	}
	if status >= 500 {
		return codeKinds["unavailable"]
	}
	return codeKinds["invalid_argument"]
}

// sleep waits d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
