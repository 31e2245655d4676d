package dwcp

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// streamBuffer is how many decoded events wait in a stream's channel for the caller.
const streamBuffer = 256

// Stream is an open server stream (Watch, StreamMetrics). Range over C; once C is closed, Err
// reports why the stream ended: nil when the server ended it or the caller cancelled, a typed
// *Error otherwise. Dropped connections are resumed with Last-Event-ID, and every event is
// delivered exactly once, in order.
type Stream[T any] struct {
	// C delivers the events; it is closed when the stream ends.
	C    <-chan T
	conn *streamConn
}

// Err returns the error that ended the stream, once C is closed (nil before that).
func (s *Stream[T]) Err() error {
	select {
	case <-s.conn.done:
		return s.conn.err
	default:
		return nil
	}
}

// Close stops the stream and waits until C is closed.
func (s *Stream[T]) Close() error {
	s.conn.cancel()
	for range s.C {
	}
	<-s.conn.done
	return nil
}

// LastEventID is the id of the last event delivered (what a resume would send).
func (s *Stream[T]) LastEventID() string {
	s.conn.mu.Lock()
	defer s.conn.mu.Unlock()
	return s.conn.lastID
}

// streamConn is the state a stream's goroutine shares with its handle and client.
type streamConn struct {
	cancel context.CancelFunc
	done   chan struct{}
	err    error

	mu     sync.Mutex
	lastID string
}

// openStream connects (with retries) and starts the goroutine that feeds C; an error while opening
// is returned at once.
func openStream[T any](ctx context.Context, c *Client, r *request) (*Stream[T], error) {
	if err := c.ready(r); err != nil {
		return nil, err
	}
	sctx, cancel := context.WithCancel(ctx)
	conn := &streamConn{cancel: cancel, done: make(chan struct{})}
	resp, err := c.connectStream(sctx, r, "")
	if err != nil {
		cancel()
		c.counters.errorsTotal.Add(1)
		if errors.Is(err, errStreamEnded) {
			ch := make(chan T)
			close(ch)
			close(conn.done)
			return &Stream[T]{C: ch, conn: conn}, nil
		}
		return nil, err
	}
	ch := make(chan T, streamBuffer)
	c.track(conn)
	go pump(sctx, ctx, c, r, conn, resp, ch)
	return &Stream[T]{C: ch, conn: conn}, nil
}

// errStreamEnded marks a 204 answer: the server has nothing to stream, and no reconnect follows.
var errStreamEnded = errors.New("dwcp: stream ended by the server")

// pump reads events, decodes and delivers them, and resumes the stream after a drop.
func pump[T any](ctx, parent context.Context, c *Client, r *request, conn *streamConn, resp *http.Response, ch chan<- T) {
	defer func() {
		close(ch)
		conn.cancel()
		c.untrack(conn)
		close(conn.done)
	}()
	var lastSeq int64 = -1
	failures := 0
	for {
		reader := newSSEReader(resp.Body, c.config.BufferSize, conn.lastID)
		delivered, err := deliver(ctx, c, r, reader, conn, &lastSeq, ch)
		resp.Body.Close()
		if ctx.Err() != nil {
			conn.err = endedByCaller(parent)
			return
		}
		if err == nil {
			return
		}
		if delivered {
			failures = 0
		}
		failures++
		if failures > c.policy.retries+1 {
			conn.err = streamBroken(err)
			c.counters.errorsTotal.Add(1)
			return
		}
		delay := c.policy.backoff(failures)
		if reader.retry > 0 {
			delay = reconnectDelay(reader.retry, failures, c.policy)
		}
		if sleep(ctx, delay) != nil {
			conn.err = endedByCaller(parent)
			return
		}
		resp, err = c.connectStream(ctx, r, conn.lastID)
		if err != nil {
			if ctx.Err() != nil {
				conn.err = endedByCaller(parent)
			} else if !errors.Is(err, errStreamEnded) {
				conn.err = err
				c.counters.errorsTotal.Add(1)
			}
			return
		}
	}
}

// deliver sends the events of one connection; nil error means the server ended the stream.
func deliver[T any](ctx context.Context, c *Client, r *request, reader *sseReader, conn *streamConn, lastSeq *int64, ch chan<- T) (bool, error) {
	delivered := false
	for {
		ev, err := reader.next()
		if err == io.EOF {
			return delivered, nil
		}
		if err != nil {
			return delivered, err
		}
		c.counters.messagesReceived.Add(1)
		c.counters.bytesReceived.Add(uint64(len(ev.data)))
		if seq, perr := strconv.ParseInt(ev.id, 10, 64); perr == nil {
			if seq <= *lastSeq {
				continue // already delivered before a reconnect
			}
			*lastSeq = seq
		}
		var v T
		if err := json.Unmarshal(ev.data, &v); err != nil {
			e := clientError("malformed_response", "a stream event could not be decoded")
			e.Err = err
			return delivered, &fatalStreamError{e}
		}
		conn.mu.Lock()
		conn.lastID = ev.id
		conn.mu.Unlock()
		if hook := r.opts.onEventID; hook != nil {
			hook(ev.id)
		}
		select {
		case ch <- v:
			delivered = true
		case <-ctx.Done():
			return delivered, ctx.Err()
		}
	}
}

// fatalStreamError ends a stream without a reconnect.
type fatalStreamError struct{ err *Error }

func (f *fatalStreamError) Error() string { return f.err.Error() }

func streamBroken(err error) error {
	var fatal *fatalStreamError
	if errors.As(err, &fatal) {
		return fatal.err
	}
	if e, ok := err.(*Error); ok {
		return e
	}
	return transportError(err)
}

// endedByCaller is the error of a stream the caller stopped: nil for a cancel or Close, a
// TimeoutError when the caller's deadline expired.
func endedByCaller(parent context.Context) error {
	if errors.Is(parent.Err(), context.DeadlineExceeded) {
		e := clientError("client_timeout", "the caller's deadline expired")
		e.Err = context.DeadlineExceeded
		return e
	}
	return nil
}

// reconnectDelay grows the server's retry interval like the backoff, capped at max backoff.
func reconnectDelay(base time.Duration, n int, p retryPolicy) time.Duration {
	p.base = base
	return p.backoff(n)
}

// connectStream opens the event stream (retrying like any call) and returns the 200 response.
func (c *Client) connectStream(ctx context.Context, r *request, lastID string) (*http.Response, error) {
	requestID := newUUID()
	target := r.url(c.base)
	for attempt := 1; ; attempt++ {
		if ctx.Err() != nil {
			return nil, c.contextError(ctx, r, requestID, "", attempt-1, nil)
		}
		resp, err := c.streamAttempt(ctx, target, requestID, lastID, attempt)
		var failure *Error
		switch {
		case err != nil && ctx.Err() != nil:
			return nil, c.contextError(ctx, r, requestID, "", attempt, err)
		case err != nil:
			failure = transportError(err)
		case resp.StatusCode == http.StatusNoContent:
			resp.Body.Close()
			return nil, errStreamEnded
		case resp.StatusCode == http.StatusOK && isEventStream(resp.Header):
			return resp, nil
		default:
			body, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
			resp.Body.Close()
			if resp.StatusCode < 300 {
				failure = clientError("malformed_response", "the stream is not text/event-stream")
				failure.Status = resp.StatusCode
				failure.RequestID, failure.Attempts = requestID, attempt
				return nil, failure
			}
			failure = responseError(resp, body)
		}
		failure.RequestID, failure.Attempts = firstNonEmpty(failure.RequestID, requestID), attempt
		var header http.Header
		if resp != nil {
			header = resp.Header
		}
		delay, again := c.policy.decide(attempt, failure, false, header)
		if !again {
			return nil, failure
		}
		if sleep(ctx, delay) != nil {
			return nil, c.contextError(ctx, r, requestID, "", attempt, failure)
		}
	}
}

// streamAttempt sends one stream request; RequestTimeout bounds the wait for the response headers.
func (c *Client) streamAttempt(ctx context.Context, target, requestID, lastID string, n int) (*http.Response, error) {
	req, err := newRequest(ctx, http.MethodGet, target, nil, false)
	if err != nil {
		return nil, err
	}
	c.headers(req.Header, requestID, "", n, false)
	req.Header["Accept"] = c.static.acceptStream
	req.Header["Cache-Control"] = c.static.noCache
	if lastID != "" {
		req.Header["Last-Event-Id"] = []string{lastID}
	}
	c.counters.messagesSent.Add(1)
	c.counters.bytesSent.Add(requestSize(req, 0))
	type result struct {
		resp *http.Response
		err  error
	}
	timer := time.NewTimer(c.config.RequestTimeout)
	defer timer.Stop()
	done := make(chan result, 1)
	actx, cancel := context.WithCancel(ctx)
	go func() {
		resp, err := c.http.Do(req.WithContext(actx))
		done <- result{resp, err}
	}()
	select {
	case res := <-done:
		if res.err != nil {
			cancel()
			return nil, res.err
		}
		res.resp.Body = &cancelOnClose{ReadCloser: res.resp.Body, cancel: cancel}
		return res.resp, nil
	case <-timer.C:
		cancel()
		res := <-done
		if res.resp != nil {
			res.resp.Body.Close()
		}
		return nil, context.DeadlineExceeded
	}
}

// cancelOnClose releases a stream's request context when its body is closed.
type cancelOnClose struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (b *cancelOnClose) Close() error {
	err := b.ReadCloser.Close()
	b.cancel()
	return err
}

func isEventStream(h http.Header) bool {
	return strings.HasPrefix(strings.ToLower(h.Get("Content-Type")), "text/event-stream")
}
