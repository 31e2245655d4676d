// Code generated from templates/go/runtime/call.go by generator/; DO NOT EDIT.

package dwcp

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"syscall"
	"time"
)

// maxBody bounds how much of a response the client reads (the server's own limit is 1 MiB).
const maxBody = 64 << 20

// request is one logical call: everything needed to send each attempt identically.
type request struct {
	op     string
	method string
	path   string
	query  url.Values
	body   []byte
	keyed  bool
	opts   callOptions
	public bool
}

// url is the full URL of the request.
func (r *request) url(base string) string {
	u := base + r.path
	if len(r.query) > 0 {
		u += "?" + r.query.Encode()
	}
	return u
}

// call runs a request through the retry loop and decodes a successful body into out (if non-nil).
func (c *Client) call(ctx context.Context, r *request, out any) error {
	if err := c.ready(r); err != nil {
		return err
	}
	if out == nil {
		out = r.opts.result
	}
	err := c.retryLoop(ctx, r, func(resp *http.Response, body []byte) error {
		if out == nil || len(body) == 0 {
			return nil
		}
		if err := json.Unmarshal(body, out); err != nil {
			e := clientError("malformed_response", "the response could not be decoded")
			e.Status, e.Err = resp.StatusCode, err
			return e
		}
		return nil
	})
	if err != nil {
		c.counters.errorsTotal.Add(1)
	}
	return err
}

// ready fails a call made before Connect or after Disconnect.
func (c *Client) ready(r *request) error {
	if r.public || c.connected.Load() {
		return nil
	}
	return clientError("not_connected", "call Connect before "+r.op)
}

// retryLoop sends attempts until one succeeds, the error is final, retries run out or ctx ends.
// onSuccess sees the body of a 2xx response (valid only during the call); its error ends the call.
func (c *Client) retryLoop(ctx context.Context, r *request, onSuccess func(*http.Response, []byte) error) error {
	requestID := newUUID()
	key := r.opts.idempotencyKey
	if key == "" && r.keyed {
		key = newUUID()
	}
	target := r.url(c.base)
	for attempt := 1; ; attempt++ {
		if ctx.Err() != nil {
			return c.contextError(ctx, r, requestID, key, attempt-1, nil)
		}
		resp, buf, err := c.attempt(ctx, r, target, requestID, key, attempt)
		var failure *Error
		switch {
		case err != nil && ctx.Err() != nil:
			return c.contextError(ctx, r, requestID, key, attempt, err)
		case err != nil:
			failure = transportError(err)
		case resp.StatusCode >= 200 && resp.StatusCode < 300:
			e := onSuccess(resp, buf.Bytes())
			putBuffer(buf)
			if e != nil {
				failure = e.(*Error)
				failure.RequestID, failure.Attempts, failure.IdempotencyKey = requestID, attempt, key
				return failure
			}
			return nil
		default:
			failure = responseError(resp, buf.Bytes())
			putBuffer(buf)
		}
		failure.RequestID, failure.Attempts = firstNonEmpty(failure.RequestID, requestID), attempt
		failure.IdempotencyKey = key
		header := http.Header(nil)
		if resp != nil {
			header = resp.Header
		}
		delay, again := c.policy.decide(attempt, failure, key != "", header)
		if !again {
			return failure
		}
		if err := sleep(ctx, delay); err != nil {
			return c.contextError(ctx, r, requestID, key, attempt, failure)
		}
	}
}

// attempt sends one request under its own RequestTimeout and reads the whole response body into
// a pooled buffer (the caller returns it with putBuffer). No timer is set up when ctx's own
// deadline comes first: its expiry is then the caller's deadline, reported as such.
func (c *Client) attempt(ctx context.Context, r *request, target, requestID, key string, n int) (*http.Response, *bytes.Buffer, error) {
	if t := c.config.RequestTimeout; t > 0 {
		if deadline, ok := ctx.Deadline(); !ok || time.Until(deadline) > t {
			var cancel context.CancelFunc
			ctx, cancel = context.WithTimeout(ctx, t)
			defer cancel()
		}
	}
	req, err := newRequest(ctx, r.method, target, r.body, key != "")
	if err != nil {
		return nil, nil, err
	}
	c.headers(req.Header, requestID, key, n, r.body != nil)
	c.counters.messagesSent.Add(1)
	c.counters.bytesSent.Add(requestSize(req, len(r.body)))
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	buf := getBuffer(resp.ContentLength)
	_, err = buf.ReadFrom(io.LimitReader(resp.Body, maxBody))
	c.counters.messagesReceived.Add(1)
	c.counters.bytesReceived.Add(uint64(buf.Len()))
	if err != nil {
		putBuffer(buf)
		return nil, nil, err
	}
	return resp, buf, nil
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
func (emptyBody) Close() error             { return nil }

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

// headers sets the headers every attempt carries.
func (c *Client) headers(h http.Header, requestID, key string, n int, hasBody bool) {
	s := &c.static
	h["Accept"] = s.accept
	h["User-Agent"] = s.userAgent
	if s.auth != nil {
		h["Authorization"] = s.auth
	}
	h[requestIDHeader] = []string{requestID}
	h[attemptHeader] = s.attempt(n)
	if key != "" {
		h[idempotencyKeyHeader] = []string{key}
	}
	if hasBody {
		h["Content-Type"] = s.contentType
	}
}

// contextError reports a call ended by its context: a deadline is ErrTimeout, a cancellation is
// context.Canceled (wrapped in an *Error carrying the evidence).
func (c *Client) contextError(ctx context.Context, r *request, requestID, key string, attempts int, last error) error {
	var e *Error
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		e = clientError("client_timeout", "the caller's deadline expired during "+r.op)
		e.Err = context.DeadlineExceeded
	} else {
		e = &Error{Type: "Cancelled", Code: "cancelled", Message: r.op + " was cancelled", Err: ctx.Err()}
	}
	if prev, ok := last.(*Error); ok {
		e.Status, e.RetryAfter = prev.Status, prev.RetryAfter
	}
	e.RequestID, e.Attempts, e.IdempotencyKey = requestID, attempts, key
	return e
}

// transportError maps a failed round trip: a per-attempt timeout is ErrTimeout, the rest ErrConnection.
func transportError(err error) *Error {
	var e *Error
	switch {
	case errors.Is(err, context.DeadlineExceeded) || isTimeout(err):
		e = clientError("client_timeout", "the request timed out")
	case errors.Is(err, syscall.ECONNREFUSED):
		e = clientError("connection_refused", "the connection was refused")
	default:
		e = clientError("connection_reset", "the connection failed")
	}
	e.Err = err
	return e
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
