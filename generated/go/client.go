// Code generated from templates/go/runtime/client.go by generator/; DO NOT EDIT.

package dwcp

import (
	"net/http"
	"sync"
	"sync/atomic"
)

// Client talks to one DWCP server. It is safe for concurrent use; create one and reuse it.
type Client struct {
	config ClientConfig
	base   string
	auth   string
	http   *http.Client
	policy retryPolicy
	static staticHeaders

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
	for _, opt := range opts {
		opt(c)
	}
	return c, nil
}

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
func (c *Client) GetMetrics() ClientMetrics { return c.counters.snapshot() }

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
