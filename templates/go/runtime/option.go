package dwcp

import (
	"net/http"
	"strconv"
	"time"
)

// CallOption adjusts one call: its idempotency key, page size, timeout, retries, extra headers,
// raw response or one of its optional inputs. Options override the client's configuration for
// that call only.
type CallOption func(*callOptions)

// callOptions are the settings CallOptions fill in.
type callOptions struct {
	idempotencyKey string
	pageSize       int
	result         any
	onEventID      func(id string)
	timeout        time.Duration
	retries        *int
	header         http.Header
	response       *Response
	maxWait        time.Duration
	// inputs holds the optional inputs set by the generated With<Name> options, by wire name.
	inputs map[string]any
}

// WithIdempotencyKey sends key (at most 255 characters) instead of a generated Idempotency-Key;
// the SDK never replaces a key the caller gives.
func WithIdempotencyKey(key string) CallOption {
	return func(o *callOptions) { o.idempotencyKey = key }
}

// WithPageSize asks list calls for pages of n items (the SDK still returns every page).
func WithPageSize(n int) CallOption {
	return func(o *callOptions) { o.pageSize = n }
}

// WithResult decodes the call's response body into out, for calls whose method returns only an
// error (the spec's `go: {error_only: true}` operations).
func WithResult(out any) CallOption {
	return func(o *callOptions) { o.result = out }
}

// WithEventID has a stream call fn with each event's id, in delivery order, just before the event
// is sent on the stream's channel (for callers that keep their own resume points).
func WithEventID(fn func(id string)) CallOption {
	return func(o *callOptions) { o.onEventID = fn }
}

// WithRequestTimeout bounds each attempt of this call by d instead of the client's RequestTimeout
// (ctx still bounds the whole call).
func WithRequestTimeout(d time.Duration) CallOption {
	return func(o *callOptions) { o.timeout = d }
}

// WithRetryAttempts retries this call at most n times instead of the client's RetryAttempts
// (0: no retry).
func WithRetryAttempts(n int) CallOption {
	return func(o *callOptions) { o.retries = &n }
}

// WithHeader adds a header to every attempt of this call (a second value of the same name is
// added, not replaced). It cannot replace Authorization, DWCP-Attempt, X-Request-ID or
// Idempotency-Key: those are the SDK's.
func WithHeader(name, value string) CallOption {
	return func(o *callOptions) {
		if o.header == nil {
			o.header = http.Header{}
		}
		o.header.Add(name, value)
	}
}

// Response is the raw side of a call's final response (see WithResponseInto).
type Response struct {
	// StatusCode is the HTTP status of the final response.
	StatusCode int
	// Header holds the final response's headers.
	Header http.Header
	// RequestID is the response's X-Request-ID (the call's own when the server sent none).
	RequestID string
	// Attempts counts the requests the call sent.
	Attempts int
}

// WithResponseInto fills *dst with the final response's status, headers and request id, next to
// the call's decoded result (it is filled for an error response too).
func WithResponseInto(dst *Response) CallOption {
	return func(o *callOptions) { o.response = dst }
}

// reservedHeaders are the headers a call's extra headers never replace.
var reservedHeaders = []string{"Authorization", attemptHeader, requestIDHeader, idempotencyKeyHeader}

// setInput records an optional input; the generated method encodes it (query or body).
func (o *callOptions) setInput(name string, value any) {
	if o.inputs == nil {
		o.inputs = map[string]any{}
	}
	o.inputs[name] = value
}

// newCallOptions applies opts; an optional input the call does not take is a validation error,
// so a With<Name> given to the wrong call is reported instead of silently dropped.
func newCallOptions(opts []CallOption, accepted ...string) (callOptions, error) {
	var o callOptions
	for _, opt := range opts {
		opt(&o)
	}
	if len(o.idempotencyKey) > 255 {
		return o, invalidConfig("idempotency_key", "is longer than 255 characters")
	}
	if o.timeout < 0 {
		return o, invalidConfig("timeout", "must not be negative, got "+o.timeout.String())
	}
	if o.retries != nil && *o.retries < 0 {
		return o, invalidConfig("retry_attempts", "must not be negative, got "+strconv.Itoa(*o.retries))
	}
	if o.pageSize < 0 {
		return o, invalidConfig("page_size", "must not be negative, got "+strconv.Itoa(o.pageSize))
	}
	for name := range o.inputs {
		if !contains(accepted, name) {
			return o, invalidConfig(name, "is not an option of this call")
		}
	}
	return o, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
