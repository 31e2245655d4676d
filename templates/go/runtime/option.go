package dwcp

import "strconv"

// CallOption adjusts one call: its idempotency key, page size or one of its optional inputs.
type CallOption func(*callOptions)

// callOptions are the settings CallOptions fill in.
type callOptions struct {
	idempotencyKey string
	pageSize       int
	result         any
	onEventID      func(id string)
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
