package dwcp

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// holding is a server that holds every request until the client hangs up, recording when each
// arrived and when its connection went away.
type holding struct {
	srv      *httptest.Server
	requests atomic.Int32
	hungUp   chan struct{}
	conns    connCounter
}

func newHolding(t *testing.T) *holding {
	h := &holding{hungUp: make(chan struct{}, 16)}
	h.srv = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.requests.Add(1)
		select {
		case <-r.Context().Done(): // the client closed the connection
			h.hungUp <- struct{}{}
		case <-time.After(10 * time.Second):
			fmt.Fprint(w, `{}`)
		}
	}))
	h.conns.track(h.srv)
	h.srv.Start()
	t.Cleanup(h.srv.Close)
	return h
}

// settled waits until the goroutines are back to what they were before the test's work (the
// client's idle connections closed first): a cancelled call leaves nothing running.
func settled(t *testing.T, c *Client, before int) {
	t.Helper()
	eventually(t, "the goroutines settle back", func() bool {
		c.http.CloseIdleConnections()
		return runtime.NumGoroutine() <= before
	})
}

// until waits (off the test's goroutine) for cond, at most 5 s.
func until(cond func() bool) {
	for end := time.Now().Add(5 * time.Second); !cond() && time.Now().Before(end); {
		time.Sleep(time.Millisecond)
	}
}

// isCancelled reports an error that is the language's cancellation: context.Canceled, no DWCP kind.
func isCancelled(err error) bool {
	var e *Error
	return errors.Is(err, context.Canceled) && !errors.Is(err, ErrTimeout) && !errors.Is(err, ErrConnection) &&
		errors.As(err, &e) && e.Kind == nil
}

func TestCancelClosesTheAttemptInFlight(t *testing.T) {
	h := newHolding(t)
	var mu sync.Mutex
	var seen []string
	c := testClient(t, &scripted{srv: h.srv}, WithHooks(Hooks{
		OnError: func(_ context.Context, call *Call, err error) error {
			mu.Lock()
			defer mu.Unlock()
			seen = append(seen, fmt.Sprintf("on_error %s %d %v", call.Operation, call.Attempts, isCancelled(err)))
			return nil
		},
	}))
	before := runtime.NumGoroutine()
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		until(func() bool { return h.requests.Load() == 1 })
		cancel()
	}()
	err := c.call(ctx, testRequest(WithRetryAttempts(3)), nil)
	if !isCancelled(err) {
		t.Fatalf("want an error matching context.Canceled (not a DWCP kind), got %v", err)
	}
	var e *Error
	if errors.As(err, &e); e.Attempts != 1 {
		t.Fatalf("attempts %d, want 1", e.Attempts)
	}
	select {
	case <-h.hungUp:
	case <-time.After(5 * time.Second):
		t.Fatal("the server never saw the connection close")
	}
	eventually(t, "the connection is closed, not pooled", func() bool {
		_, closed := h.conns.counts()
		return closed == 1
	})
	time.Sleep(50 * time.Millisecond) // a retry (backoff 1 ms) would show by now
	if n := h.requests.Load(); n != 1 {
		t.Fatalf("%d requests after the cancel, want the one", n)
	}
	mu.Lock()
	if fmt.Sprint(seen) != "[on_error thing.get 1 true]" {
		t.Fatalf("hooks saw %v, want on_error with the cancellation", seen)
	}
	mu.Unlock()
	settled(t, c, before)
}

func TestDeadlineStaysATimeout(t *testing.T) {
	h := newHolding(t)
	c := testClient(t, &scripted{srv: h.srv})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	err := c.call(ctx, testRequest(WithRetryAttempts(3)), nil)
	if !errors.Is(err, ErrTimeout) || !errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		t.Fatalf("an expired deadline is ErrTimeout and context.DeadlineExceeded, got %v", err)
	}
	if h.requests.Load() != 1 {
		t.Fatalf("%d requests, want 1", h.requests.Load())
	}
}

func TestCancelEndsTheRetryAfterSleep(t *testing.T) {
	var requests atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		busyFor30s(w)
	}))
	t.Cleanup(srv.Close)
	c, retries := countingRetries(t, srv)
	before := runtime.NumGoroutine()
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		until(func() bool { return retries.Load() == 1 })
		cancel()
	}()
	done := make(chan error, 1)
	go func() { done <- c.call(ctx, testRequest(WithRetryAttempts(3)), nil) }()
	select {
	case err := <-done:
		if !isCancelled(err) {
			t.Fatalf("want the cancellation, got %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the cancel did not end the 30 s Retry-After sleep")
	}
	if requests.Load() != 1 {
		t.Fatalf("%d requests, want only the first", requests.Load())
	}
	settled(t, c, before)
}

func TestCancelBeforeSendingSendsNothing(t *testing.T) {
	h := newHolding(t)
	c := testClient(t, &scripted{srv: h.srv})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := c.call(ctx, testRequest(), nil); !isCancelled(err) {
		t.Fatalf("want the cancellation, got %v", err)
	}
	if h.requests.Load() != 0 {
		t.Fatal("a cancelled call sent a request")
	}
}

// sseServer answers stream requests with script(n, w, r) for the n-th request (1-based).
func sseServer(t *testing.T, script func(n int32, w http.ResponseWriter, r *http.Request)) (*httptest.Server, *atomic.Int32) {
	var requests atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		script(requests.Add(1), w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, &requests
}

func TestStreamCloseClosesItsConnection(t *testing.T) {
	hungUp := make(chan struct{}, 1)
	srv, requests := sseServer(t, func(_ int32, w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		fmt.Fprint(w, "id: 1\ndata: {\"n\":1}\n\n")
		w.(http.Flusher).Flush()
		<-r.Context().Done()
		hungUp <- struct{}{}
	})
	c := testClient(t, &scripted{srv: srv})
	before := runtime.NumGoroutine()
	r := testRequest()
	r.path = "/things/1/events"
	st, err := openStream[map[string]any](context.Background(), c, r)
	if err != nil {
		t.Fatal(err)
	}
	if ev := <-st.C; ev["n"] != float64(1) {
		t.Fatalf("first event %v", ev)
	}
	st.Close()
	select {
	case <-hungUp:
	case <-time.After(5 * time.Second):
		t.Fatal("the server never saw the stream's connection close")
	}
	if st.Err() != nil {
		t.Fatalf("a closed stream ends without an error, got %v", st.Err())
	}
	time.Sleep(50 * time.Millisecond) // a reconnect (backoff 1 ms) would show by now
	if requests.Load() != 1 {
		t.Fatalf("%d stream requests, want 1: Close never reconnects", requests.Load())
	}
	settled(t, c, before)
}

func TestStreamCloseStopsAReconnectInBackoff(t *testing.T) {
	srv, requests := sseServer(t, func(n int32, w http.ResponseWriter, _ *http.Request) {
		if n == 1 {
			w.Header().Set("Content-Type", "text/event-stream")
			fmt.Fprint(w, "id: 1\ndata: {\"n\":1}\n\n")
			w.(http.Flusher).Flush()
			panic(http.ErrAbortHandler) // drop: the SDK reconnects
		}
		busyFor30s(w)
	})
	c, retries := countingRetries(t, srv)
	before := runtime.NumGoroutine()
	r := testRequest(WithRetryAttempts(3))
	r.path = "/things/1/events"
	st, err := openStream[map[string]any](context.Background(), c, r)
	if err != nil {
		t.Fatal(err)
	}
	<-st.C
	// The reconnect got the 503 and now sleeps out its 30 s Retry-After.
	eventually(t, "the reconnect waits out the Retry-After", func() bool { return retries.Load() == 2 })
	closed := make(chan struct{})
	go func() {
		st.Close()
		close(closed)
	}()
	select {
	case <-closed:
	case <-time.After(10 * time.Second):
		t.Fatal("Close did not stop the reconnect sleeping in its Retry-After")
	}
	if requests.Load() != 2 || st.Err() != nil {
		t.Fatalf("%d requests (want 2), err %v (want nil)", requests.Load(), st.Err())
	}
	settled(t, c, before)
}

// busyFor30s answers 503 asking for a 30 s wait: a retry sleeps far longer than any test runs.
func busyFor30s(w http.ResponseWriter) {
	w.Header().Set("Retry-After", "30")
	w.WriteHeader(503)
	fmt.Fprint(w, `{"error":{"type":"","code":"","message":"busy"}}`)
}

// countingRetries is a client of srv whose hook counts the retries it is about to make.
func countingRetries(t *testing.T, srv *httptest.Server) (*Client, *atomic.Int32) {
	var retries atomic.Int32
	c := testClient(t, &scripted{srv: srv}, WithHooks(Hooks{
		BeforeRetry: func(context.Context, *Attempt, time.Duration, error) error {
			retries.Add(1)
			return nil
		},
	}))
	return c, &retries
}
