package dwcp

// Tests of the generated DWCP client over the runtime (httptest servers scripted per test); the
// runtime's own tests, which use no type of the spec, are in runtime_test.go.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestDecideRetryAfterAboveLimitStops(t *testing.T) {
	p := retryPolicy{retries: 3, base: time.Second, maxBackoff: 20 * time.Second, maxRetryAfter: 120 * time.Second, jitter: func() float64 { return 1 }}
	e := &Error{Kind: ErrResourceLimit, RetryAfter: 121 * time.Second}
	if _, again := p.decide(1, p.retries, e, false, nil); again {
		t.Fatal("a Retry-After above 120 s must not be retried")
	}
	e.RetryAfter = 2 * time.Second
	if d, again := p.decide(1, p.retries, e, false, nil); !again || d != 2*time.Second {
		t.Fatalf("decide = %v, %v", d, again)
	}
	m := &Error{Kind: ErrMigration, Code: "internal"}
	if _, again := p.decide(1, p.retries, m, false, nil); again {
		t.Fatal("a MigrationError without a key must not be retried")
	}
	if _, again := p.decide(1, p.retries, m, true, nil); !again {
		t.Fatal("a MigrationError with a key is retried")
	}
}

// testServer answers with the scripted handlers in order, recording every request.
type testServer struct {
	*httptest.Server
	mu       sync.Mutex
	requests []*http.Request
	bodies   []string
}

func newTestServer(t *testing.T, handlers ...http.HandlerFunc) *testServer {
	s := &testServer{}
	var n atomic.Int32
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		s.mu.Lock()
		s.requests = append(s.requests, r)
		s.bodies = append(s.bodies, string(body))
		s.mu.Unlock()
		if r.URL.Path == "/v3/session" {
			fmt.Fprint(w, `{"authenticated":true,"session_id":"s","server_version":"3.0.0"}`)
			return
		}
		i := int(n.Add(1)) - 1
		if i >= len(handlers) {
			i = len(handlers) - 1
		}
		handlers[i](w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func status(code int, retryAfter string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if retryAfter != "" {
			w.Header().Set("Retry-After", retryAfter)
		}
		w.WriteHeader(code)
		fmt.Fprintf(w, `{"error":{"type":"","code":"","message":"scripted %d","retryable":true}}`, code)
	}
}

func okVM(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusCreated)
	fmt.Fprint(w, `{"id":"vm-1","name":"web","state":"creating","node":"n","config":{"name":"web","memory":1,"cpus":1,"disk":1,"image":"i"},"created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z","future_field":1}`)
}

func connected(t *testing.T, s *testServer, tweak func(*ClientConfig)) *Client {
	t.Helper()
	cfg := DefaultConfig()
	cfg.Address = s.URL
	cfg.APIKey = "secret-key"
	cfg.RetryBackoff = time.Millisecond
	if tweak != nil {
		tweak(&cfg)
	}
	c, err := NewClient(cfg, WithJitter(func() float64 { return 1 }))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Connect(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Disconnect() })
	return c
}

var validVM = VMConfig{Name: "web", Memory: 1 << 30, CPUs: 1, Disk: 1 << 30, Image: "img"}

func TestCreateRetriesWithOneKeyAndIdenticalBody(t *testing.T) {
	s := newTestServer(t, status(503, ""), status(503, ""), okVM)
	c := connected(t, s, nil)
	vm, err := c.VM().Create(context.Background(), validVM)
	if err != nil || vm.ID != "vm-1" || vm.State != VMStateCreating {
		t.Fatalf("Create = %+v, %v", vm, err)
	}
	reqs, bodies := s.requests[1:], s.bodies[1:]
	if len(reqs) != 3 {
		t.Fatalf("%d requests, want 3", len(reqs))
	}
	key, id := reqs[0].Header.Get("Idempotency-Key"), reqs[0].Header.Get("X-Request-ID")
	for i, r := range reqs {
		if r.Header.Get("Idempotency-Key") != key || key == "" || r.Header.Get("X-Request-ID") != id {
			t.Errorf("attempt %d: key %q id %q", i+1, r.Header.Get("Idempotency-Key"), r.Header.Get("X-Request-ID"))
		}
		if got := r.Header.Get("DWCP-Attempt"); got != strconv.Itoa(i+1) {
			t.Errorf("attempt %d: DWCP-Attempt %s", i+1, got)
		}
		if bodies[i] != bodies[0] {
			t.Errorf("attempt %d: body differs", i+1)
		}
	}
	if strings.Contains(bodies[0], "network") || strings.Contains(bodies[0], "affinity") {
		t.Errorf("unset optional structs were sent: %s", bodies[0])
	}
}

func TestExhaustedRetriesReturnLastTypedError(t *testing.T) {
	s := newTestServer(t, status(503, ""))
	c := connected(t, s, nil)
	_, err := c.VM().Get(context.Background(), "vm-1")
	var e *Error
	if !errors.Is(err, ErrConnection) || !errors.As(err, &e) || e.Attempts != 4 || e.Status != 503 || e.RequestID == "" {
		t.Fatalf("err = %#v", err)
	}
}

func TestNotFoundIsNotRetried(t *testing.T) {
	s := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(404)
		fmt.Fprint(w, `{"error":{"type":"VMNotFoundError","code":"vm_not_found","message":"no VM","request_id":"r-1","retryable":false}}`)
	})
	c := connected(t, s, nil)
	_, err := c.VM().Get(context.Background(), "vm-1")
	if !errors.Is(err, ErrVMNotFound) || len(s.requests) != 2 {
		t.Fatalf("err = %v after %d requests", err, len(s.requests))
	}
}

func TestRetryAfterIsHonoured(t *testing.T) {
	s := newTestServer(t, status(429, "1"), okVM)
	c := connected(t, s, nil)
	start := time.Now()
	if _, err := c.VM().Get(context.Background(), "vm-1"); err != nil {
		t.Fatal(err)
	}
	if gap := time.Since(start); gap < time.Second {
		t.Fatalf("retried after %v, before Retry-After", gap)
	}
}

func TestPerAttemptTimeoutIsRetried(t *testing.T) {
	slow := func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(2 * time.Second):
		}
	}
	s := newTestServer(t, slow, okVM)
	c := connected(t, s, func(cfg *ClientConfig) { cfg.RequestTimeout = 100 * time.Millisecond })
	if _, err := c.VM().Get(context.Background(), "vm-1"); err != nil {
		t.Fatalf("Get after a timed-out attempt: %v", err)
	}
}

func TestDeadlineBoundsAllAttempts(t *testing.T) {
	s := newTestServer(t, status(503, "1"))
	c := connected(t, s, nil)
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	_, err := c.VM().Get(ctx, "vm-1")
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("err = %v, want ErrTimeout", err)
	}
}

func TestNotConnectedAndValidationSendNothing(t *testing.T) {
	s := newTestServer(t, okVM)
	cfg := DefaultConfig()
	cfg.Address = s.URL
	c, err := NewClient(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.VM().Get(context.Background(), "vm-1"); !errors.Is(err, ErrNotConnected) || !errors.Is(err, ErrConnection) {
		t.Fatalf("err = %v, want ErrNotConnected", err)
	}
	c = connected(t, s, nil)
	bad := validVM
	bad.Network = NetworkConfig{Interfaces: []NetIf{{Name: "eth0", MAC: "nope"}}}
	_, err = c.VM().Create(context.Background(), bad)
	var e *Error
	if !errors.Is(err, ErrInvalidConfig) || !errors.As(err, &e) || e.Field != "network.interfaces[0].mac" {
		t.Fatalf("err = %v", err)
	}
	if len(s.requests) != 1 {
		t.Fatalf("%d requests were sent", len(s.requests))
	}
}

func TestAPIKeyIsRedacted(t *testing.T) {
	cfg := DefaultConfig()
	cfg.APIKey = "sk_live_secret"
	encoded, err := json.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(encoded), `"APIKey":"[REDACTED]"`) {
		t.Fatalf("json.Marshal does not redact the key: %s", encoded)
	}
	for _, text := range []string{cfg.String(), fmt.Sprintf("%v %+v %#v", cfg, cfg, cfg), string(encoded)} {
		if strings.Contains(text, "sk_live_secret") {
			t.Fatalf("key leaked: %s", text)
		}
	}
}

func TestMalformedResponseIsTypedError(t *testing.T) {
	s := newTestServer(t, func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "{not json") })
	c := connected(t, s, nil)
	_, err := c.VM().Get(context.Background(), "vm-1")
	var e *Error
	if !errors.As(err, &e) || e.Code != "malformed_response" || e.Attempts != 1 {
		t.Fatalf("err = %#v", err)
	}
}

func TestStreamResumesExactlyOnce(t *testing.T) {
	var calls atomic.Int32
	var lastIDs []string
	var mu sync.Mutex
	s := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		lastIDs = append(lastIDs, r.Header.Get("Last-Event-ID"))
		mu.Unlock()
		w.Header().Set("Content-Type", "text/event-stream")
		from := 1
		if calls.Add(1) == 1 {
			for i := 1; i <= 3; i++ {
				fmt.Fprintf(w, "id: %d\ndata: {\"id\":%d,\"type\":\"state_changed\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"message\":\"m\"}\n\n", i, i)
			}
			fmt.Fprint(w, "id: 4\ndata: {\"id\":4,")
			w.(http.Flusher).Flush()
			panic(http.ErrAbortHandler)
		}
		from = 3 // the server replays one event the client has already seen
		for i := from; i <= 6; i++ {
			fmt.Fprintf(w, "id: %d\ndata: {\"id\":%d,\"type\":\"mystery\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"message\":\"m\"}\n\n", i, i)
		}
	})
	c := connected(t, s, nil)
	st, err := c.VM().WatchStream(context.Background(), "vm-1")
	if err != nil {
		t.Fatal(err)
	}
	var got []int64
	for ev := range st.C {
		got = append(got, ev.ID)
		if ev.ID > 3 && ev.Type != VMEventTypeUnknown {
			t.Errorf("unknown type decoded as %q", ev.Type)
		}
	}
	if st.Err() != nil || fmt.Sprint(got) != "[1 2 3 4 5 6]" {
		t.Fatalf("events %v, err %v", got, st.Err())
	}
	if fmt.Sprint(lastIDs) != "[ 3]" {
		t.Fatalf("Last-Event-ID headers %q", lastIDs)
	}
}

func TestStreamNotFoundEndsWithTypedError(t *testing.T) {
	s := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(404)
		fmt.Fprint(w, `{"error":{"type":"VMNotFoundError","code":"vm_not_found","message":"no VM","retryable":false}}`)
	})
	c := connected(t, s, nil)
	if _, err := c.VM().Watch(context.Background(), "vm-1"); !errors.Is(err, ErrVMNotFound) {
		t.Fatalf("err = %v", err)
	}
}
