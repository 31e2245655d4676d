package dwcp

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
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

// openStream connects through the attempt loop and starts the goroutine that feeds C; an error
// while opening is returned at once. The stream is one call: its reconnects are further attempts
// of it, and its hooks' CallEnd runs when it ends.
func openStream[T any](ctx context.Context, c *Client, r *request) (*Stream[T], error) {
	if err := c.ready(r); err != nil {
		return nil, err
	}
	r.stream = true
	st := c.newCall(r)
	cctx := c.callStart(ctx, &st.call)
	sctx, cancel := context.WithCancel(cctx)
	conn := &streamConn{cancel: cancel, done: make(chan struct{})}
	resp, e := c.loop(sctx, st, nil)
	if e != nil || resp == nil {
		cancel()
		if err := c.finish(cctx, st, e); err != nil {
			return nil, err
		}
		ch := make(chan T) // 204: the server has nothing to stream
		close(ch)
		close(conn.done)
		return &Stream[T]{C: ch, conn: conn}, nil
	}
	ch := make(chan T, streamBuffer)
	c.track(conn)
	go pump(sctx, cctx, c, st, conn, resp, ch)
	return &Stream[T]{C: ch, conn: conn}, nil
}

// pump reads events, decodes and delivers them, and resumes the stream after a drop: each
// reconnect goes through the attempt loop, its attempt numbers continuing the stream's.
func pump[T any](ctx, cctx context.Context, c *Client, st *callState, conn *streamConn, resp *http.Response, ch chan<- T) {
	var end *Error
	defer func() {
		conn.cancel()
		c.untrack(conn)
		conn.err = c.finish(cctx, st, end)
		close(conn.done)
		close(ch)
	}()
	var lastSeq int64 = -1
	failures := 0
	for {
		reader := newSSEReader(resp.Body, c.config.BufferSize, conn.lastID)
		delivered, err := deliver(ctx, c, st, reader, conn, &lastSeq, ch)
		resp.Body.Close()
		if ctx.Err() != nil {
			end = endedByCaller(cctx)
			return
		}
		if err == nil {
			return
		}
		if delivered {
			failures = 0
		}
		failures++
		cause := c.stamp(streamBroken(err), st)
		var fatal *fatalStreamError
		if failures > st.retries || errors.As(err, &fatal) {
			end = cause
			return
		}
		delay := c.policy.backoff(failures)
		if reader.retry > 0 {
			delay = reconnectDelay(reader.retry, failures, c.policy)
		}
		if !c.budget.take(st, cause) {
			end = exhausted(cause)
			return
		}
		if herr := c.beforeRetry(cctx, st.last, delay, cause); herr != nil {
			end = c.stamp(herr, st)
			return
		}
		if c.log != nil {
			c.log.retry(cctx, st.last, delay, cause)
		}
		if sleep(ctx, delay) != nil {
			end = endedByCaller(cctx)
			return
		}
		conn.mu.Lock()
		st.lastID = conn.lastID
		conn.mu.Unlock()
		var e *Error
		resp, e = c.loop(ctx, st, nil)
		switch {
		case ctx.Err() != nil:
			end = endedByCaller(cctx)
			return
		case e != nil:
			end = e
			return
		case resp == nil: // 204: the server ended the stream
			return
		}
	}
}

// deliver sends the events of one connection; nil error means the server ended the stream.
func deliver[T any](ctx context.Context, c *Client, st *callState, reader *sseReader, conn *streamConn, lastSeq *int64, ch chan<- T) (bool, error) {
	delivered := false
	for {
		ev, err := reader.next()
		if err == io.EOF {
			return delivered, nil
		}
		if err != nil {
			return delivered, err
		}
		if ev.event != "" && ev.event != st.r.event {
			continue // a kind of event this operation does not declare (a newer server's)
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
		if !utf8.Valid(ev.data) {
			e := clientError("malformed_response", "a stream event is not UTF-8")
			return delivered, &fatalStreamError{e}
		}
		if err := json.Unmarshal(ev.data, &v); err != nil {
			e := clientError("malformed_response", "a stream event could not be decoded")
			e.Err = err
			return delivered, &fatalStreamError{e}
		}
		conn.mu.Lock()
		conn.lastID = ev.id
		conn.mu.Unlock()
		if hook := st.r.opts.onEventID; hook != nil {
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

func streamBroken(err error) *Error {
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
func endedByCaller(parent context.Context) *Error {
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

// sendStream sends one stream request; the attempt's timeout bounds the wait for the response's
// head. A 200 keeps its body open for the caller; any other answer's body is read and closed.
func (c *Client) sendStream(ctx context.Context, st *callState, a *Attempt) (*http.Response, *bytes.Buffer, error) {
	req, err := newRequest(ctx, http.MethodGet, st.target, nil, false)
	if err != nil {
		return nil, nil, err
	}
	req.Header = a.Header
	c.counters.messagesSent.Add(1)
	c.counters.bytesSent.Add(requestSize(req, 0))
	type result struct {
		resp *http.Response
		err  error
	}
	timer := time.NewTimer(st.timeout)
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
			return nil, nil, res.err
		}
		if res.resp.StatusCode == http.StatusOK {
			res.resp.Body = &cancelOnClose{ReadCloser: res.resp.Body, cancel: cancel}
			return res.resp, nil, nil
		}
		defer cancel()
		defer res.resp.Body.Close()
		buf := getBuffer(min(res.resp.ContentLength, maxErrorBody))
		if _, err := buf.ReadFrom(io.LimitReader(res.resp.Body, maxErrorBody)); err != nil {
			putBuffer(buf)
			return nil, nil, err
		}
		return res.resp, buf, nil
	case <-timer.C:
		cancel()
		res := <-done
		if res.resp != nil {
			res.resp.Body.Close()
		}
		return nil, nil, context.DeadlineExceeded
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
