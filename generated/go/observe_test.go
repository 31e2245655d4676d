// Code generated from templates/go/runtime/observe_test.go by generator/; DO NOT EDIT.

package dwcp

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

const testKey = "sk-test-9f8e7d6c5b4a"

// scripted is a server answering with statuses in order (the last one repeats), recording each
// request's headers.
type scripted struct {
	mu       sync.Mutex
	statuses []int
	seen     []http.Header
	srv      *httptest.Server
}

func newScripted(t *testing.T, statuses ...int) *scripted {
	s := &scripted{statuses: statuses}
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.seen = append(s.seen, r.Header.Clone())
		status := s.statuses[min(len(s.seen), len(s.statuses))-1]
		s.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Request-ID", r.Header.Get("X-Request-ID"))
		w.Header().Set("X-Server", "scripted")
		w.WriteHeader(status)
		if status >= 400 {
			fmt.Fprintf(w, `{"error":{"type":"","code":"","message":"no %s here","request_id":""}}`, r.Header.Get("Authorization"))
			return
		}
		fmt.Fprint(w, `{"name":"x","password":"hunter2"}`)
	}))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *scripted) requests() []http.Header {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]http.Header(nil), s.seen...)
}

func testClient(t *testing.T, s *scripted, opts ...Option) *Client {
	cfg := DefaultConfig()
	cfg.Address, cfg.APIKey = s.srv.URL, testKey
	cfg.RetryBackoff = time.Millisecond
	c, err := NewClient(cfg, append([]Option{WithJitter(func() float64 { return 0 })}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func testRequest(opts ...CallOption) *request {
	o, err := newCallOptions(opts)
	if err != nil {
		panic(err)
	}
	return &request{op: "thing.get", method: http.MethodGet, path: "/things/1", tmpl: "/things/{id}", opts: o, public: true}
}

// recorder is a hook link writing down every point it sees.
func recorder(name string, log *[]string, mu *sync.Mutex) Hooks {
	add := func(s string) {
		mu.Lock()
		*log = append(*log, name+" "+s)
		mu.Unlock()
	}
	return Hooks{
		BeforeAttempt: func(_ context.Context, a *Attempt) error {
			a.Header.Set("X-Hook-"+name, itoa(a.Number))
			add(fmt.Sprintf("before_attempt %s %d", a.Operation, a.Number))
			return nil
		},
		AfterResponse: func(_ context.Context, a *Attempt) error {
			add(fmt.Sprintf("after_response %d %d", a.Number, a.Status))
			return nil
		},
		BeforeRetry: func(_ context.Context, a *Attempt, delay time.Duration, cause error) error {
			add(fmt.Sprintf("before_retry %d %s", a.Number, cause.(*Error).Code))
			return nil
		},
		OnError: func(_ context.Context, call *Call, err error) error {
			add(fmt.Sprintf("on_error %d %s", call.Attempts, err.(*Error).Code))
			return nil
		},
	}
}

func TestHooksSeeEveryAttemptInChainOrder(t *testing.T) {
	s := newScripted(t, 503, 200)
	var log []string
	var mu sync.Mutex
	c := testClient(t, s, WithHooks(recorder("a", &log, &mu)), WithHooks(recorder("b", &log, &mu)))
	if err := c.call(context.Background(), testRequest(), nil); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"a before_attempt thing.get 1", "b before_attempt thing.get 1",
		"a after_response 1 503", "b after_response 1 503",
		"a before_retry 1 unavailable", "b before_retry 1 unavailable",
		"a before_attempt thing.get 2", "b before_attempt thing.get 2",
		"a after_response 2 200", "b after_response 2 200",
	}
	if strings.Join(log, "\n") != strings.Join(want, "\n") {
		t.Fatalf("hook events:\n%s\nwant:\n%s", strings.Join(log, "\n"), strings.Join(want, "\n"))
	}
	seen := s.requests()
	if seen[1].Get("X-Hook-a") != "2" || seen[0].Get("X-Hook-b") != "1" {
		t.Fatalf("a hook's header goes on that attempt: %v", seen)
	}
}

func TestHookErrorInBeforeAttemptSendsNothing(t *testing.T) {
	s := newScripted(t, 200)
	cause := errors.New("policy says no")
	var onError []string
	c := testClient(t, s, WithHooks(Hooks{
		BeforeAttempt: func(context.Context, *Attempt) error { return cause },
		OnError: func(_ context.Context, _ *Call, err error) error {
			onError = append(onError, err.(*Error).Code)
			return nil
		},
	}))
	err := c.call(context.Background(), testRequest(), nil)
	var e *Error
	if k := codeKinds["hook_failed"]; k != nil && !errors.Is(err, k) {
		t.Fatalf("a HookError matches the catalogue's entry of hook_failed: %v", err)
	}
	if !errors.As(err, &e) || !errors.Is(err, cause) {
		t.Fatalf("want a HookError wrapping the cause, got %v", err)
	}
	if e.Type != "HookError" || e.Code != "hook_failed" || e.Attempts != 0 {
		t.Fatalf("HookError evidence: %+v", e)
	}
	if n := len(s.requests()); n != 0 {
		t.Fatalf("the attempt must not be sent, the server saw %d", n)
	}
	if strings.Join(onError, ",") != "hook_failed" {
		t.Fatalf("on_error runs once with the HookError: %v", onError)
	}
}

func TestHookErrorAfterResponseIsNotRetried(t *testing.T) {
	s := newScripted(t, 503, 200)
	c := testClient(t, s, WithHooks(Hooks{
		AfterResponse: func(context.Context, *Attempt) error { return errors.New("boom") },
	}))
	err := c.call(context.Background(), testRequest(), nil)
	var e *Error
	if !errors.As(err, &e) || e.Code != "hook_failed" || e.Attempts != 1 || len(s.requests()) != 1 {
		t.Fatalf("want hook_failed after one attempt, got %v (server saw %d)", err, len(s.requests()))
	}
}

func capture(level slog.Level) (*bytes.Buffer, []Option) {
	var buf bytes.Buffer
	l := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	return &buf, []Option{WithLogger(l), WithLogLevel(level)}
}

func TestDebugLogsRedactTheKeyAndSecretFields(t *testing.T) {
	secretFields["password"] = true
	defer delete(secretFields, "password")
	s := newScripted(t, 401, 200)
	buf, opts := capture(slog.LevelDebug)
	c := testClient(t, s, opts...)
	_ = c.call(context.Background(), testRequest(), nil)
	out := buf.String()
	if strings.Contains(out, testKey) || strings.Contains(out, "hunter2") {
		t.Fatalf("a secret reached the log:\n%s", out)
	}
	for _, want := range []string{"msg=request", "msg=response", "msg=attempt", "msg=failed", "Authorization:[REDACTED]"} {
		if !strings.Contains(out, want) {
			t.Fatalf("log lacks %q:\n%s", want, out)
		}
	}
	c2 := testClient(t, newScripted(t, 200), opts...)
	if err := c2.call(context.Background(), testRequest(), nil); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `\"password\":\"[REDACTED]\"`) {
		t.Fatalf("a secret body field is redacted:\n%s", buf.String())
	}
}

func TestInfoLogsOneLinePerAttempt(t *testing.T) {
	s := newScripted(t, 503, 503, 200)
	buf, opts := capture(slog.LevelInfo)
	c := testClient(t, s, opts...)
	if err := c.call(context.Background(), testRequest(), nil); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if n := strings.Count(out, "msg=attempt"); n != 3 {
		t.Fatalf("want 3 attempt lines, got %d:\n%s", n, out)
	}
	if n := strings.Count(out, "msg=retry"); n != 2 || strings.Contains(out, "msg=request") {
		t.Fatalf("want 2 retry lines and no debug line:\n%s", out)
	}
	if !strings.Contains(out, "operation=thing.get method=GET path=/things/{id} status=200 attempt=3") {
		t.Fatalf("attempt line fields:\n%s", out)
	}
}

func TestDWCPLogIsReadWhenTheClientIsBuilt(t *testing.T) {
	s := newScripted(t, 200)
	var buf bytes.Buffer
	l := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	t.Setenv("DWCP_LOG", "")
	quiet := testClient(t, s, WithLogger(l))
	t.Setenv("DWCP_LOG", "warning")
	warn := testClient(t, s, WithLogger(l))
	t.Setenv("DWCP_LOG", "info")
	_ = quiet.call(context.Background(), testRequest(), nil)
	_ = warn.call(context.Background(), testRequest(), nil)
	if buf.Len() != 0 {
		t.Fatalf("DWCP_LOG unset or warning writes nothing for a clean call:\n%s", buf.String())
	}
	info := testClient(t, s, WithLogger(l))
	_ = info.call(context.Background(), testRequest(), nil)
	if !strings.Contains(buf.String(), "msg=attempt") {
		t.Fatalf("DWCP_LOG=info logs attempts:\n%s", buf.String())
	}
}

func TestPerCallOptionsOverrideTheClient(t *testing.T) {
	s := newScripted(t, 503)
	c := testClient(t, s)
	err := c.call(context.Background(), testRequest(WithRetryAttempts(0), WithHeader("X-Extra", "1"),
		WithHeader("Authorization", "Bearer stolen"), WithHeader("dwcp-attempt", "9")), nil)
	if e, ok := err.(*Error); !ok || e.Attempts != 1 {
		t.Fatalf("WithRetryAttempts(0) sends one attempt: %v", err)
	}
	h := s.requests()[0]
	if h.Get("X-Extra") != "1" || h.Get("Authorization") != "Bearer "+testKey || len(h.Values("DWCP-Attempt")) != 1 || h.Get("DWCP-Attempt") != "1" {
		t.Fatalf("extra headers are added, reserved ones kept: %v", h)
	}
	_ = c.call(context.Background(), testRequest(), nil)
	if n := len(s.requests()); n != 1+4 {
		t.Fatalf("the client's RetryAttempts (3) applies again on the next call: %d requests", n)
	}
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(200 * time.Millisecond)
	}))
	defer slow.Close()
	s.srv = slow
	c = testClient(t, s)
	err = c.call(context.Background(), testRequest(WithRequestTimeout(20*time.Millisecond), WithRetryAttempts(1)), nil)
	if e, ok := err.(*Error); !ok || e.Code != "client_timeout" || e.Attempts != 2 {
		t.Fatalf("WithRequestTimeout bounds each attempt: %v", err)
	}
}

func TestResponseIntoGivesStatusHeadersAndRequestID(t *testing.T) {
	s := newScripted(t, 503, 200)
	c := testClient(t, s)
	var resp Response
	var out map[string]any
	if err := c.call(context.Background(), testRequest(WithResponseInto(&resp)), &out); err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 || resp.Header.Get("X-Server") != "scripted" || resp.RequestID != s.requests()[1].Get("X-Request-ID") || resp.Attempts != 2 || out["name"] != "x" {
		t.Fatalf("raw response: %+v, result %v", resp, out)
	}
}

func TestUserAgentNamesSDKRuntimeAndPlatform(t *testing.T) {
	s := newScripted(t, 200)
	_ = testClient(t, s).call(context.Background(), testRequest(), nil)
	ua := s.requests()[0].Get("User-Agent")
	if !regexp.MustCompile(`^dwcp-go/\d+\.\d+\.\d+\S* \(go\d+\.\d+\S*; [a-z0-9]+; [a-z0-9]+\)$`).MatchString(ua) {
		t.Fatalf("User-Agent %q", ua)
	}
}

func TestNoVerbPrintsTheKey(t *testing.T) {
	s := newScripted(t, 401)
	c := testClient(t, s)
	cfg := c.Config()
	err := c.call(context.Background(), testRequest(), nil)
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%d", "%q", "%x"} {
		for _, v := range []any{cfg, &cfg, c, err} {
			if out := fmt.Sprintf(verb, v); strings.Contains(out, testKey) {
				t.Fatalf("%s of %T prints the key: %s", verb, v, out)
			}
		}
	}
	if strings.Contains(err.Error(), testKey) {
		t.Fatalf("the error text holds the key: %v", err)
	}
}

func TestStreamReconnectsAreAttemptsOfOneCall(t *testing.T) {
	var mu sync.Mutex
	var attempts []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		attempts = append(attempts, r.Header.Get("DWCP-Attempt")+"/"+r.Header.Get("Last-Event-ID"))
		n := len(attempts)
		mu.Unlock()
		w.Header().Set("Content-Type", "text/event-stream")
		if n == 1 {
			fmt.Fprint(w, "id: 1\ndata: {\"n\":1}\n\n")
			w.(http.Flusher).Flush()
			panic(http.ErrAbortHandler) // drop: the SDK resumes
		}
		fmt.Fprint(w, "id: 2\ndata: {\"n\":2}\n\n")
	}))
	defer srv.Close()
	var points []string
	s := &scripted{srv: srv}
	c := testClient(t, s, WithHooks(Hooks{
		BeforeAttempt: func(_ context.Context, a *Attempt) error {
			points = append(points, "before_attempt "+itoa(a.Number))
			return nil
		},
		BeforeRetry: func(_ context.Context, a *Attempt, _ time.Duration, _ error) error {
			points = append(points, "before_retry "+itoa(a.Number))
			return nil
		},
		CallEnd: func(_ context.Context, call *Call, err error) {
			points = append(points, "call_end "+itoa(call.Attempts))
		},
	}))
	r := testRequest()
	r.path = "/things/1/events"
	st, err := openStream[map[string]any](context.Background(), c, r)
	if err != nil {
		t.Fatal(err)
	}
	var got []any
	for ev := range st.C {
		got = append(got, ev["n"])
	}
	if fmt.Sprint(got) != "[1 2]" || strings.Join(attempts, ",") != "1/,2/1" {
		t.Fatalf("events %v, attempts %v", got, attempts)
	}
	if strings.Join(points, ",") != "before_attempt 1,before_retry 1,before_attempt 2,call_end 2" {
		t.Fatalf("hook points %v", points)
	}
}
