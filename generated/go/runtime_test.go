// Code generated from templates/go/runtime/runtime_test.go by generator/; DO NOT EDIT.

package dwcp

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestRetryAfterVectors(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		header, value string
		want          time.Duration
	}{
		{"Retry-After", "20", 20 * time.Second},
		{"Retry-After", "0", 0},
		{"Retry-After", "-10", 0},
		{"Retry-After", "120", 120 * time.Second},
		{"Retry-After", "121", 121 * time.Second},
		{"Retry-After", "inf", 0},
		{"Retry-After", "nan", 0},
		{"Retry-After", "garbage", 0},
		{"Retry-After", now.Add(20 * time.Second).Format(http.TimeFormat), 20 * time.Second},
		{"Retry-After", now.Add(-time.Hour).Format(http.TimeFormat), 0},
		{"Retry-After-Ms", "150", 150 * time.Millisecond},
		{"Retry-After-Ms", "120001", 120001 * time.Millisecond},
	}
	for _, c := range cases {
		h := http.Header{}
		h.Set(c.header, c.value)
		if got := retryAfter(h, now); got != c.want {
			t.Errorf("%s: %q = %v, want %v", c.header, c.value, got, c.want)
		}
	}
}

func TestBackoffPinnedJitter(t *testing.T) {
	p := retryPolicy{retries: 10, base: time.Second, maxBackoff: 20 * time.Second, jitter: func() float64 { return 1 }}
	want := []time.Duration{1, 2, 4, 8, 16, 20, 20}
	for i, w := range want {
		if got := p.backoff(i + 1); got != w*time.Second {
			t.Errorf("backoff(%d) = %v, want %v", i+1, got, w*time.Second)
		}
	}
	p.jitter = func() float64 { return 0.5 }
	if got := p.backoff(3); got != 2*time.Second {
		t.Errorf("half jitter backoff(3) = %v", got)
	}
}

func TestSSEParsing(t *testing.T) {
	stream := "\xef\xbb\xbf: comment\r\nid: 1\revent: tick\ndata: {\"a\":\r\ndata: 1}\r\n\r\nid: 2\x00\ndata: x\n\nretry: 1000x\nid:\ndata: y\n\nid: 9\ndata: trailing"
	r := newSSEReader(strings.NewReader(stream), 1024, "")
	ev, err := r.next()
	if err != nil || ev.id != "1" || ev.event != "tick" || string(ev.data) != "{\"a\":\n1}" {
		t.Fatalf("first event = %+v, %v", ev, err)
	}
	ev, err = r.next()
	if err != nil || ev.id != "1" || string(ev.data) != "x" {
		t.Fatalf("an id with NUL is ignored: %+v, %v", ev, err)
	}
	ev, err = r.next()
	if err != nil || ev.id != "" || string(ev.data) != "y" || r.retry != 0 {
		t.Fatalf("empty id resets, bogus retry ignored: %+v, %v, retry %v", ev, err, r.retry)
	}
	if _, err = r.next(); err == nil || r.lastID != "" {
		t.Fatalf("a trailing event without its blank line is neither delivered nor committed: %v %q", err, r.lastID)
	}
}

func TestClientErrorsTakeTheirEntryFromTheCode(t *testing.T) {
	for _, code := range []string{"not_connected", "client_timeout", "connection_refused", "connection_reset", "malformed_response", "validation_failed"} {
		e := clientError(code, "x")
		if e.Kind == nil || e.Kind != error(codeKinds[code]) || e.Type == "" || e.Code != code {
			t.Errorf("clientError(%q) = %+v", code, e)
		}
	}
	if k := kindForStatus(599); k != codeKinds["unavailable"] {
		t.Errorf("an unlisted 5xx is the entry of unavailable, got %v", k)
	}
	if k := kindForStatus(418); k != codeKinds["invalid_argument"] {
		t.Errorf("an unlisted 4xx is the entry of invalid_argument, got %v", k)
	}
	if !errors.Is(invalidConfig("port", "is bad"), codeKinds["validation_failed"]) {
		t.Error("invalidConfig is a validation error")
	}
}

func TestCallOptionsRejectInputsTheCallDoesNotTake(t *testing.T) {
	since := func(v int64) CallOption { return func(o *callOptions) { o.setInput("since", v) } }
	o, err := newCallOptions([]CallOption{since(5), WithPageSize(10)}, "since", "follow")
	if err != nil || o.inputs["since"] != int64(5) || o.pageSize != 10 {
		t.Fatalf("accepted input: %+v, %v", o, err)
	}
	_, err = newCallOptions([]CallOption{since(5)}, "follow")
	var e *Error
	if !errors.As(err, &e) || e.Field != "since" || e.Code != "validation_failed" {
		t.Fatalf("an input the call does not take: %v", err)
	}
	if _, err := newCallOptions([]CallOption{WithPageSize(-1)}); err == nil {
		t.Fatal("a negative page size is refused")
	}
}

func TestQueryForms(t *testing.T) {
	if got := queryMap(map[string]string{"tier": "web", "env": "prod"}, queryString); got != "env=prod,tier=web" {
		t.Errorf("queryMap = %q", got)
	}
	if got := queryList([]int{3, 1}, queryInt); got != "3,1" {
		t.Errorf("queryList = %q", got)
	}
	if got := queryDuration(90 * time.Second); got != "90000" {
		t.Errorf("queryDuration = %q", got)
	}
	if got := queryTime(time.Date(2026, 1, 2, 3, 4, 5, 0, time.FixedZone("x", 3600))); got != "2026-01-02T02:04:05Z" {
		t.Errorf("queryTime = %q", got)
	}
	if got := queryFloat(0.5); got != "0.5" {
		t.Errorf("queryFloat = %q", got)
	}
	type color string
	if got := queryEnum(color("red")); got != "red" {
		t.Errorf("queryEnum = %q", got)
	}
	if d, err := parseDurationString("window", "5m"); err != nil || d != 5*time.Minute {
		t.Errorf("parseDurationString(5m) = %v, %v", d, err)
	}
	for _, bad := range []string{"", "soon", "-5m", "0s"} {
		if _, err := parseDurationString("window", bad); err == nil {
			t.Errorf("parseDurationString(%q) must fail", bad)
		}
	}
}

func TestProbeAcceptsAnyAnswerAndReportsNoAnswer(t *testing.T) {
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNotFound)
	}))
	defer s.Close()
	cfg := DefaultConfig()
	cfg.Address = s.URL
	c, err := NewClient(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.probe(context.Background()); err != nil {
		t.Fatalf("a 404 still proves the server answers: %v", err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Address = "http://" + l.Addr().String()
	l.Close()
	c, err = NewClient(cfg)
	if err != nil {
		t.Fatal(err)
	}
	err = c.probe(context.Background())
	var e *Error
	if !errors.As(err, &e) || !strings.HasPrefix(e.Code, "connection_") {
		t.Fatalf("no server: %v", err)
	}
}
