// Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.

package dwcp

import (
	"crypto/tls"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// ClientConfig holds the settings of a Client. Settings of a client; every field but address has a default. Start from DefaultConfig.
type ClientConfig struct {
	// Server host name or IP; a scheme (http, https, ws, wss) in it wins over tls_enabled.
	Address string
	// Server port. Default: 9000.
	Port int
	// API key sent as a bearer token; never logged.
	APIKey string
	// Use HTTPS. Default: false.
	TLSEnabled bool
	// TLSConfig is the TLS configuration of HTTPS connections (nil: the system roots).
	TLSConfig *tls.Config
	// Time allowed to open a connection. Default: 30 * time.Second.
	ConnectTimeout time.Duration
	// Time allowed for one attempt of a request. Default: 1 * time.Minute.
	RequestTimeout time.Duration
	// Retries after the first attempt (3 means at most 4 requests). Default: 3.
	RetryAttempts int
	// Base of the full-jitter exponential backoff. Default: 1 * time.Second.
	RetryBackoff time.Duration
	// Keep idle connections open for reuse. Default: true.
	KeepAlive bool
	// How long an idle connection is kept. Default: 30 * time.Second.
	KeepAlivePeriod time.Duration
	// Most connections (and open streams) at once. Default: 100.
	MaxStreams int
	// Read buffer size in bytes. Default: 65536.
	BufferSize int
	// RetryBudget: The client's retry quota (a token bucket shared by every call); capacity 0 turns it off.
	RetryBudget RetryBudget
}

// RetryBudget is a nested setting of ClientConfig: the client's retry quota (a token bucket shared by every call); capacity 0 turns it off.
type RetryBudget struct {
	// Tokens when the client is built, and the ceiling of refunds; 0 turns the budget off. Default: 500.
	Capacity int
	// Tokens a retry takes. Default: 5.
	RetryCost int
	// Tokens a retry takes when the failed attempt timed out. Default: 10.
	TimeoutRetryCost int
	// Tokens a call that succeeded on its first attempt gives back. Default: 1.
	SuccessRefund int
}

// DefaultConfig returns a ClientConfig with the spec's defaults; set Address (and APIKey) on it.
func DefaultConfig() ClientConfig {
	return ClientConfig{
		Port:            9000,
		APIKey:          "",
		TLSEnabled:      false,
		ConnectTimeout:  30 * time.Second,
		RequestTimeout:  1 * time.Minute,
		RetryAttempts:   3,
		RetryBackoff:    1 * time.Second,
		KeepAlive:       true,
		KeepAlivePeriod: 30 * time.Second,
		MaxStreams:      100,
		BufferSize:      65536,
		RetryBudget:     RetryBudget{Capacity: 500, RetryCost: 5, TimeoutRetryCost: 10, SuccessRefund: 1},
	}
}

// Validate checks the configuration against the spec's limits; the error names the field.
func (c ClientConfig) Validate() error {
	if strings.TrimSpace(c.Address) == "" {
		return invalidConfig("address", "is required")
	}
	if c.Port < 1 {
		return invalidConfig("port", fmt.Sprintf("must be at least 1, got %v", c.Port))
	}
	if c.Port > 65535 {
		return invalidConfig("port", fmt.Sprintf("must be at most 65535, got %v", c.Port))
	}
	if c.ConnectTimeout < 1*time.Millisecond {
		return invalidConfig("connect_timeout", fmt.Sprintf("must be at least 1ms, got %v", c.ConnectTimeout))
	}
	if c.RequestTimeout < 1*time.Millisecond {
		return invalidConfig("request_timeout", fmt.Sprintf("must be at least 1ms, got %v", c.RequestTimeout))
	}
	if c.RetryAttempts < 0 {
		return invalidConfig("retry_attempts", fmt.Sprintf("must be at least 0, got %v", c.RetryAttempts))
	}
	if c.RetryAttempts > 10 {
		return invalidConfig("retry_attempts", fmt.Sprintf("must be at most 10, got %v", c.RetryAttempts))
	}
	if c.RetryBackoff < 0 {
		return invalidConfig("retry_backoff", fmt.Sprintf("must be at least 0ms, got %v", c.RetryBackoff))
	}
	if c.KeepAlivePeriod < 1*time.Millisecond {
		return invalidConfig("keep_alive_period", fmt.Sprintf("must be at least 1ms, got %v", c.KeepAlivePeriod))
	}
	if c.MaxStreams < 1 {
		return invalidConfig("max_streams", fmt.Sprintf("must be at least 1, got %v", c.MaxStreams))
	}
	if c.MaxStreams > 10000 {
		return invalidConfig("max_streams", fmt.Sprintf("must be at most 10000, got %v", c.MaxStreams))
	}
	if c.BufferSize < 1024 {
		return invalidConfig("buffer_size", fmt.Sprintf("must be at least 1024, got %v", c.BufferSize))
	}
	if c.BufferSize > 16777216 {
		return invalidConfig("buffer_size", fmt.Sprintf("must be at most 16777216, got %v", c.BufferSize))
	}
	if c.RetryBudget.Capacity < 0 {
		return invalidConfig("retry_budget.capacity", fmt.Sprintf("must be at least 0, got %v", c.RetryBudget.Capacity))
	}
	if c.RetryBudget.Capacity > 1000000 {
		return invalidConfig("retry_budget.capacity", fmt.Sprintf("must be at most 1000000, got %v", c.RetryBudget.Capacity))
	}
	if c.RetryBudget.RetryCost < 0 {
		return invalidConfig("retry_budget.retry_cost", fmt.Sprintf("must be at least 0, got %v", c.RetryBudget.RetryCost))
	}
	if c.RetryBudget.RetryCost > 1000000 {
		return invalidConfig("retry_budget.retry_cost", fmt.Sprintf("must be at most 1000000, got %v", c.RetryBudget.RetryCost))
	}
	if c.RetryBudget.TimeoutRetryCost < 0 {
		return invalidConfig("retry_budget.timeout_retry_cost", fmt.Sprintf("must be at least 0, got %v", c.RetryBudget.TimeoutRetryCost))
	}
	if c.RetryBudget.TimeoutRetryCost > 1000000 {
		return invalidConfig("retry_budget.timeout_retry_cost", fmt.Sprintf("must be at most 1000000, got %v", c.RetryBudget.TimeoutRetryCost))
	}
	if c.RetryBudget.SuccessRefund < 0 {
		return invalidConfig("retry_budget.success_refund", fmt.Sprintf("must be at least 0, got %v", c.RetryBudget.SuccessRefund))
	}
	if c.RetryBudget.SuccessRefund > 1000000 {
		return invalidConfig("retry_budget.success_refund", fmt.Sprintf("must be at most 1000000, got %v", c.RetryBudget.SuccessRefund))
	}
	return nil
}

// String describes the configuration with the API key redacted.
func (c ClientConfig) String() string {
	key := ""
	if c.APIKey != "" {
		key = "[REDACTED]"
	}
	return fmt.Sprintf("dwcp.ClientConfig{Address: %q, Port: %v, APIKey: %q, TLSEnabled: %v, TLSConfig: %v, ConnectTimeout: %v, RequestTimeout: %v, RetryAttempts: %v, RetryBackoff: %v, KeepAlive: %v, KeepAlivePeriod: %v, MaxStreams: %v, BufferSize: %v, RetryBudget: %+v}",
		c.Address,
		c.Port,
		key,
		c.TLSEnabled,
		c.TLSConfig != nil,
		c.ConnectTimeout,
		c.RequestTimeout,
		c.RetryAttempts,
		c.RetryBackoff,
		c.KeepAlive,
		c.KeepAlivePeriod,
		c.MaxStreams,
		c.BufferSize,
		c.RetryBudget,
	)
}

// GoString is String, so %#v never prints the API key either.
func (c ClientConfig) GoString() string { return c.String() }

// Format prints String for every verb (%v, %+v, %#v, %s, %d, ...), so no verb prints the API key.
func (c ClientConfig) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(c.String())) }

// MarshalJSON encodes the configuration with the API key redacted and without TLSConfig (which
// holds functions), so neither encoding/json nor slog's JSON handler ever prints the key.
func (c ClientConfig) MarshalJSON() ([]byte, error) {
	type fields ClientConfig // the same fields without these methods: no recursion
	out := fields(c)
	if out.APIKey != "" {
		out.APIKey = "[REDACTED]"
	}
	out.TLSConfig = nil
	return json.Marshal(out)
}

// retryBudget is the retry budget the runtime applies (docs/resilience.md; capacity 0: off).
func (c ClientConfig) retryBudget() budgetSettings {
	b := c.RetryBudget
	return budgetSettings{capacity: b.Capacity, retryCost: b.RetryCost, timeoutCost: b.TimeoutRetryCost, refund: b.SuccessRefund}
}
