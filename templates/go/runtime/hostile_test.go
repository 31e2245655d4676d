package dwcp

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"fmt"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// answering is a server giving every request the same status, content type and body.
func answering(t *testing.T, status int, contentType, body string) *scripted {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", contentType)
		w.WriteHeader(status)
		fmt.Fprint(w, body)
	}))
	t.Cleanup(srv.Close)
	return &scripted{srv: srv}
}

func errorCodeOf(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}

func TestSuccessBodyMustBeUTF8JSON(t *testing.T) {
	for name, body := range map[string]string{
		"empty":        "",
		"invalid utf8": "{\"name\":\"\xff\xfe\"}",
		"wrong shape":  "[1,2]",
		"truncated":    `{"name":"x`,
	} {
		s := answering(t, 200, "application/json", body)
		c := testClient(t, s)
		var out struct{ Name string }
		err := c.call(context.Background(), testRequest(), &out)
		var e *Error
		if !errors.As(err, &e) || e.Code != "malformed_response" || e.Attempts != 1 {
			t.Fatalf("%s body: want malformed_response after 1 attempt, got %v (decoded %+v)", name, err, out)
		}
	}
}

func TestErrorBodyIsReadUpTo64KiB(t *testing.T) {
	body := `{"error":{"type":"","code":"","message":"` + strings.Repeat("x", 2<<20) + `"}}`
	s := answering(t, 400, "application/json", body)
	c := testClient(t, s)
	err := c.call(context.Background(), testRequest(), nil)
	var e *Error
	if !errors.As(err, &e) || e.Status != 400 || e.Code != "invalid_argument" {
		t.Fatalf("want the error typed by its status, got %v", err)
	}
	if len(e.Message) > 64<<10 {
		t.Fatalf("the message is %d bytes, want at most 64 KiB", len(e.Message))
	}
}

func TestSSELineLongerThanBufferSizeEndsTheStream(t *testing.T) {
	stream := "id: 1\ndata: {}\n\nid: 2\ndata: " + strings.Repeat("y", 4096) + "\n\n"
	r := newSSEReader(strings.NewReader(stream), 1024, "")
	if ev, err := r.next(); err != nil || ev.id != "1" {
		t.Fatalf("the event before the long line arrives: %+v, %v", ev, err)
	}
	_, err := r.next()
	var fatal *fatalStreamError
	if !errors.As(err, &fatal) || fatal.err.Code != "malformed_response" {
		t.Fatalf("a line over buffer_size is malformed_response, got %v", err)
	}
	// Data lines each under the limit but together over it are the same error.
	stream = "data: " + strings.Repeat("z", 600) + "\ndata: " + strings.Repeat("z", 600) + "\n\n"
	r = newSSEReader(strings.NewReader(stream), 1024, "")
	if _, err := r.next(); !errors.As(err, &fatal) {
		t.Fatalf("an event's data over buffer_size is malformed_response, got %v", err)
	}
}

func TestSSEUnknownEventNamesAreIgnored(t *testing.T) {
	s := answering(t, 200, "text/event-stream",
		"id: 1\nevent: tick\ndata: {\"n\":1}\n\nevent: x_future\ndata: {\"n\":99}\n\nid: 2\ndata: {\"n\":2}\n\n")
	c := testClient(t, s)
	r := testRequest()
	r.path, r.event = "/things/1/events", "tick"
	st, err := openStream[map[string]any](context.Background(), c, r)
	if err != nil {
		t.Fatal(err)
	}
	var got []any
	for ev := range st.C {
		got = append(got, ev["n"])
	}
	if fmt.Sprint(got) != "[1 2]" || st.Err() != nil {
		t.Fatalf("events %v, err %v: want the named and the unnamed event only", got, st.Err())
	}
}

func TestStreamAnswerMustBeEventStream(t *testing.T) {
	s := answering(t, 200, "application/json", `{"id":"x"}`)
	c := testClient(t, s)
	r := testRequest()
	r.path, r.event = "/things/1/events", "tick"
	_, err := openStream[map[string]any](context.Background(), c, r)
	if errorCodeOf(err) != "malformed_response" {
		t.Fatalf("a 200 that is not text/event-stream is malformed_response, got %v", err)
	}
}

// connCounter counts the connections a test server accepted and closed.
type connCounter struct {
	mu             sync.Mutex
	opened, closed int
}

func (n *connCounter) track(srv *httptest.Server) {
	srv.Config.ConnState = func(_ net.Conn, state http.ConnState) {
		n.mu.Lock()
		defer n.mu.Unlock()
		switch state {
		case http.StateNew:
			n.opened++
		case http.StateClosed, http.StateHijacked:
			n.closed++
		}
	}
}

func (n *connCounter) counts() (int, int) {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.opened, n.closed
}

// eventually waits up to 5 s for cond (a liveness check, not a timing target).
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for end := time.Now().Add(5 * time.Second); !cond(); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatalf("never happened: %s", what)
		}
	}
}

func TestSuccessBodyOver32MiBIsResponseTooLarge(t *testing.T) {
	var requests atomic.Int32
	var conns connCounter
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := requests.Add(1)
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Query().Get("shape") {
		case "declared": // a Content-Length over the cap: refused before reading a byte of it
			w.Header().Set("Content-Length", strconv.Itoa(40<<20))
			w.WriteHeader(200)
			fmt.Fprint(w, `{"name":"`)
			w.(http.Flusher).Flush()
			<-r.Context().Done() // the client hangs up without waiting for the rest
		case "chunked": // no length: the client counts while reading
			w.WriteHeader(200)
			chunk := []byte(strings.Repeat("x", 1<<20))
			fmt.Fprint(w, `{"name":"`)
			for i := 0; i < 40; i++ {
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
			fmt.Fprint(w, `"}`)
		case "exact": // exactly the cap is still read
			w.Header().Set("Content-Length", strconv.Itoa(maxBody))
			w.WriteHeader(200)
			w.Write([]byte(strings.Repeat(" ", maxBody-2) + "{}"))
		default:
			fmt.Fprintf(w, `{"name":"n%d"}`, n)
		}
	}))
	conns.track(srv)
	srv.Start()
	t.Cleanup(srv.Close)
	c := testClient(t, &scripted{srv: srv})
	for _, shape := range []string{"declared", "chunked"} {
		requests.Store(0)
		c.http.CloseIdleConnections()
		opened, _ := conns.counts()
		r := testRequest(WithRetryAttempts(3))
		r.query = url.Values{"shape": {shape}}
		var out struct{ Name string }
		err := c.call(context.Background(), r, &out)
		var e *Error
		if !errors.As(err, &e) || e.Code != "response_too_large" || !errors.Is(err, ErrConnection) || e.Attempts != 1 || e.Status != 0 {
			t.Fatalf("%s: want ConnectionError response_too_large after 1 attempt, got %v", shape, err)
		}
		if out.Name != "" || requests.Load() != 1 {
			t.Fatalf("%s: decoded %q after %d requests: never retried, never a value", shape, out.Name, requests.Load())
		}
		// The connection is dropped, not pooled: the next call opens a new one.
		if err := c.call(context.Background(), testRequest(), &out); err != nil || out.Name == "" {
			t.Fatalf("%s: the next call fails: %v", shape, err)
		}
		if now, _ := conns.counts(); now != opened+2 {
			t.Fatalf("%s: %d connections opened for the two calls, want 2 (the first dropped)", shape, now-opened)
		}
	}
	r := testRequest()
	r.query = url.Values{"shape": {"exact"}}
	if err := c.call(context.Background(), r, nil); err != nil {
		t.Fatalf("a body of exactly 32 MiB is read, got %v", err)
	}
}

// tlsServer is an HTTPS server presenting cert (nil: httptest's own, for 127.0.0.1 and example.com).
func tlsServer(t *testing.T, cert *tls.Certificate, requests *atomic.Int32) *httptest.Server {
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		fmt.Fprint(w, `{}`)
	}))
	if cert != nil {
		srv.TLS = &tls.Config{Certificates: []tls.Certificate{*cert}}
	}
	srv.StartTLS()
	t.Cleanup(srv.Close)
	return srv
}

// expiredCert is a self-signed certificate for 127.0.0.1 that expired yesterday.
func expiredCert(t *testing.T) (tls.Certificate, *x509.Certificate) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(7), Subject: pkix.Name{CommonName: "expired"},
		NotBefore: time.Now().Add(-48 * time.Hour), NotAfter: time.Now().Add(-24 * time.Hour),
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}, KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}, IsCA: true, BasicConstraintsValid: true}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	parsed, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, parsed
}

func TestUnverifiableCertificateIsTLSFailed(t *testing.T) {
	var requests atomic.Int32
	untrusted := tlsServer(t, nil, &requests)
	wrongName := tlsServer(t, nil, &requests)
	cert, leaf := expiredCert(t)
	expired := tlsServer(t, &cert, &requests)
	trust := func(certs ...*x509.Certificate) *tls.Config {
		pool := x509.NewCertPool()
		for _, c := range certs {
			pool.AddCert(c)
		}
		return &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}
	}
	_, port, _ := net.SplitHostPort(wrongName.Listener.Addr().String())
	for _, tc := range []struct {
		name, address, reason string
		tls                   *tls.Config
	}{
		{"unknown authority", untrusted.URL, "unknown authority", nil},
		{"wrong name", "https://localhost:" + port, "not localhost", trust(wrongName.Certificate())},
		{"expired", expired.URL, "expired", trust(leaf)},
	} {
		cfg := DefaultConfig()
		cfg.Address, cfg.APIKey, cfg.TLSConfig = tc.address, testKey, tc.tls
		cfg.RetryAttempts, cfg.RetryBackoff = 3, time.Millisecond
		c, err := NewClient(cfg)
		if err != nil {
			t.Fatal(err)
		}
		err = c.call(context.Background(), testRequest(), nil)
		var e *Error
		if !errors.As(err, &e) || e.Code != "tls_failed" || !errors.Is(err, ErrConnection) || e.Attempts != 1 {
			t.Fatalf("%s: want ConnectionError tls_failed after 1 attempt (never retried), got %v", tc.name, err)
		}
		if !strings.Contains(e.Message, tc.reason) || strings.Contains(fmt.Sprintf("%v %+v", err, e), testKey) {
			t.Fatalf("%s: the message must name the TLS library's reason (%q) and never the key: %q", tc.name, tc.reason, e.Message)
		}
	}
	if requests.Load() != 0 {
		t.Fatalf("%d requests got through an unverified connection", requests.Load())
	}
	// A refused connection stays connection_refused, not tls_failed.
	closed := tlsServer(t, nil, &requests)
	address := closed.URL
	closed.Close()
	cfg := DefaultConfig()
	cfg.Address, cfg.RetryAttempts = address, 0
	c, err := NewClient(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.call(context.Background(), testRequest(), nil); errorCodeOf(err) != "connection_refused" {
		t.Fatalf("a closed port is connection_refused, got %v", err)
	}
}

func TestReconnectsThatBringOnlyAReplayedEventAreFailures(t *testing.T) {
	srv, requests := sseServer(t, func(n int32, w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		if n == 1 {
			fmt.Fprint(w, "id: 1\ndata: {\"n\":1}\n\n")
		}
		// On a reconnect: the event its Last-Event-ID names, once more.
		fmt.Fprint(w, "id: 2\ndata: {\"n\":2}\n\n")
		w.(http.Flusher).Flush()
		panic(http.ErrAbortHandler) // then the connection drops
	})
	c := testClient(t, &scripted{srv: srv})
	r := testRequest(WithRetryAttempts(2))
	r.path = "/things/1/events"
	st, err := openStream[map[string]any](context.Background(), c, r)
	if err != nil {
		t.Fatal(err)
	}
	var got []any
	done := make(chan struct{})
	go func() {
		for ev := range st.C {
			got = append(got, ev["n"])
		}
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatalf("the stream still reconnects after %d requests", requests.Load())
	}
	var e *Error
	if !errors.As(st.Err(), &e) || !errors.Is(st.Err(), ErrConnection) {
		t.Fatalf("err = %v, want a ConnectionError", st.Err())
	}
	if fmt.Sprint(got) != "[1 2]" || requests.Load() != 3 {
		t.Fatalf("events %v after %d requests; want [1 2] after 3 (the open and RetryAttempts reconnects)", got, requests.Load())
	}
}
