package dwcp

import (
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
)

// userAgent is the User-Agent of every attempt: dwcp-go/<sdk version> (go1.x.y; <os>; <arch>).
var userAgent = "dwcp-go/" + Version + " (" + runtime.Version() + "; " + runtime.GOOS + "; " + runtime.GOARCH + ")"

// Client talks to one DWCP server. It is safe for concurrent use; create one and reuse it.
type Client struct {
	config ClientConfig
	base   string
	auth   string
	http   *http.Client
	policy retryPolicy
	static staticHeaders
	host   string
	port   int

	budget   *retryBudget
	hooks    []Hooks
	logTo    *slog.Logger
	logLevel *slog.Level
	log      *clientLog

	connected     atomic.Bool
	authenticated atomic.Bool
	counters      counters

	mu      sync.Mutex
	streams map[*streamConn]struct{}
}

// Option customises a Client beyond its ClientConfig.
type Option func(*Client)

// WithJitter pins the backoff jitter (a value in [0, 1] returned by fn) instead of a random one;
// the delay before retry n is then jitter × min(20 s, RetryBackoff × 2^(n-1)). Meant for tests.
func WithJitter(fn func() float64) Option {
	return func(c *Client) { c.policy.jitter = fn }
}

// WithHTTPClient replaces the client's pooled HTTP client (for proxies or instrumentation).
func WithHTTPClient(hc *http.Client) Option {
	return func(c *Client) { c.http = hc }
}

// NewClient validates config and builds a client; it does not connect (see Connect).
func NewClient(config ClientConfig, opts ...Option) (*Client, error) {
	if err := config.Validate(); err != nil {
		return nil, err
	}
	base, err := baseURL(config)
	if err != nil {
		return nil, err
	}
	c := &Client{
		config: config,
		base:   base,
		http:   &http.Client{Transport: newTransport(config)},
		policy: retryPolicy{
			retries:       config.RetryAttempts,
			base:          config.RetryBackoff,
			maxBackoff:    maxBackoff,
			maxRetryAfter: maxRetryAfter,
			jitter:        randomJitter,
		},
		streams: map[*streamConn]struct{}{},
	}
	if config.APIKey != "" {
		c.auth = "Bearer " + config.APIKey
	}
	c.static = newStaticHeaders(c.auth)
	c.budget = newRetryBudget(config.retryBudget())
	if u, err := url.Parse(base); err == nil {
		c.host = u.Hostname()
		c.port, _ = strconv.Atoi(u.Port())
	}
	for _, opt := range opts {
		opt(c)
	}
	c.log = newClientLog(c.logTo, c.logLevel, config.APIKey)
	return c, nil
}

// String describes the client without its credentials.
func (c *Client) String() string {
	return "dwcp.Client{" + c.base + ", connected: " + strconv.FormatBool(c.connected.Load()) + ", config: " + c.config.String() + "}"
}

// GoString is String, so %#v never prints the API key either.
func (c *Client) GoString() string { return c.String() }

// Format prints String for every verb, so no verb prints the API key.
func (c *Client) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(c.String())) }

// Disconnect closes the client's open streams and idle connections; later calls fail with
// ErrNotConnected until Connect is called again.
func (c *Client) Disconnect() error {
	c.connected.Store(false)
	c.authenticated.Store(false)
	c.mu.Lock()
	open := make([]*streamConn, 0, len(c.streams))
	for s := range c.streams {
		open = append(open, s)
	}
	c.mu.Unlock()
	for _, s := range open {
		s.cancel()
	}
	c.http.CloseIdleConnections()
	return nil
}

// IsConnected reports whether Connect succeeded and Disconnect has not been called since.
func (c *Client) IsConnected() bool { return c.connected.Load() }

// IsAuthenticated reports whether the server accepted the API key at Connect.
func (c *Client) IsAuthenticated() bool { return c.authenticated.Load() }

// GetMetrics returns the client's traffic counters.
func (c *Client) GetMetrics() ClientMetrics {
	m := c.counters.snapshot()
	m.RetryTokens = c.budget.left()
	return m
}

// Config returns the client's configuration (its String method redacts the API key).
func (c *Client) Config() ClientConfig { return c.config }

func (c *Client) track(s *streamConn) {
	c.mu.Lock()
	c.streams[s] = struct{}{}
	c.mu.Unlock()
}

func (c *Client) untrack(s *streamConn) {
	c.mu.Lock()
	delete(c.streams, s)
	c.mu.Unlock()
}
