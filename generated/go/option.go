// Code generated from templates/go/runtime/option.go by generator/; DO NOT EDIT.
package dwcp

import (
	"net/url"
	"strconv"
)

// CallOption adjusts one call: its idempotency key, page size or optional query parameters.
type CallOption func(*callOptions)

// callOptions are the settings CallOptions fill in.
type callOptions struct {
	idempotencyKey string
	pageSize       int
	query          url.Values
	result         any
	onEventID      func(id string)
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
// error (Start, Stop, RestoreSnapshot return the VM this way: dwcp.WithResult(&vm)).
func WithResult(out any) CallOption {
	return func(o *callOptions) { o.result = out }
}

// WithEventID has a stream call fn with each event's id, in delivery order, just before the event
// is sent on the stream's channel (for callers that keep their own resume points).
func WithEventID(fn func(id string)) CallOption {
	return func(o *callOptions) { o.onEventID = fn }
}

func (o *callOptions) set(name, value string) {
	if o.query == nil {
		o.query = url.Values{}
	}
	o.query.Set(name, value)
}

func newCallOptions(opts []CallOption) (callOptions, error) {
	var o callOptions
	for _, opt := range opts {
		opt(&o)
	}
	if len(o.idempotencyKey) > 255 {
		return o, invalidConfig("idempotency_key", "is longer than 255 characters")
	}
	if o.pageSize < 0 {
		return o, invalidConfig("page_size", "must not be negative, got "+strconv.Itoa(o.pageSize))
	}
	return o, nil
}
