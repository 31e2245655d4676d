// Code generated from templates/go/runtime/error.go by generator/; DO NOT EDIT.

package dwcp

import (
	"encoding/json"
	"strings"
	"time"
)

// Error is the typed error of every failed call. errors.Is matches it against the catalogue's
// sentinels (ErrTimeout, ErrNotConnected, ...) and errors.As gives the evidence: status, code,
// request id, attempts and the server's retry-after.
type Error struct {
	// Kind is the catalogue sentinel this error matches with errors.Is (nil for a cancelled call).
	Kind error
	// Type is the catalogue name as on the wire, e.g. "TimeoutError".
	Type string
	// Status is the HTTP status, or 0 for an error raised by the client itself.
	Status int
	// Code is the wire code, e.g. "client_timeout".
	Code string
	// Message is the human-readable text.
	Message string
	// RequestID is the X-Request-ID of the call.
	RequestID string
	// Attempts counts the requests sent for the call.
	Attempts int
	// RetryAfter is the server's Retry-After, or 0 when it sent none.
	RetryAfter time.Duration
	// IdempotencyKey is the key the call carried, if any.
	IdempotencyKey string
	// Field names the offending field of a validation error (wire name, e.g. "network.mtu").
	Field string
	// RetryQuotaExhausted is true when the client's retry budget refused a retry the retry policy
	// wanted: the error is the last attempt's.
	RetryQuotaExhausted bool
	// State is the state a waiter's failure acceptor matched (WaiterError, MigrationError of a wait).
	State string
	// Details are the structured details of the error body.
	Details map[string]json.RawMessage
	// Err is the underlying cause (a transport or decoding error), if any.
	Err error
}

// Error formats the error as "dwcp: <Type> <Code>: <Message> (status, request id, attempts)".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("dwcp: ")
	if e.Type != "" {
		b.WriteString(e.Type)
	} else {
		b.WriteString("error")
	}
	if e.Code != "" {
		b.WriteString(" " + e.Code)
	}
	if e.Message != "" {
		b.WriteString(": " + e.Message)
	} else if e.Err != nil {
		b.WriteString(": " + e.Err.Error())
	}
	var extra []string
	if e.Field != "" {
		extra = append(extra, "field "+e.Field)
	}
	if e.Status != 0 {
		extra = append(extra, "status "+itoa(e.Status))
	}
	if e.RequestID != "" {
		extra = append(extra, "request "+e.RequestID)
	}
	if e.Attempts > 1 {
		extra = append(extra, itoa(e.Attempts)+" attempts")
	}
	if e.RetryQuotaExhausted {
		extra = append(extra, "retry budget exhausted")
	}
	if len(extra) > 0 {
		b.WriteString(" (" + strings.Join(extra, ", ") + ")")
	}
	return b.String()
}

// Unwrap returns the catalogue sentinel and the cause, so errors.Is sees both.
func (e *Error) Unwrap() []error {
	out := make([]error, 0, 2)
	if e.Kind != nil {
		out = append(out, e.Kind)
	}
	if e.Err != nil {
		out = append(out, e.Err)
	}
	return out
}

// kind is a catalogue entry; the exported sentinels (ErrTimeout, ...) are kinds.
type kind struct {
	name   string
	text   string
	parent error
	status int
	retry  retryClass
}

// Error returns the sentinel's text, e.g. "dwcp: timeout".
func (k *kind) Error() string { return "dwcp: " + k.text }

// Unwrap returns the parent entry (ErrNotConnected is an ErrConnection).
func (k *kind) Unwrap() error { return k.parent }

// newError builds a client-side error of the given catalogue sentinel.
func newError(sentinel error, code, message string) *Error {
	k, _ := sentinel.(*kind)
	return &Error{Kind: k, Type: k.name, Code: code, Message: message}
}

// clientError builds an error the client raises itself, of the catalogue entry owning code
// (the runtime's codes: not_connected, client_timeout, malformed_response, ...; see codeKinds).
func clientError(code, message string) *Error {
	return newError(codeKinds[code], code, message)
}

// kindOf returns the catalogue entry of err, if err is a DWCP error.
func kindOf(err error) *kind {
	if e, ok := err.(*Error); ok {
		k, _ := e.Kind.(*kind)
		return k
	}
	return nil
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var buf [20]byte
	i := len(buf)
	for n > 0 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		buf[i] = '-'
	}
	return string(buf[i:])
}
