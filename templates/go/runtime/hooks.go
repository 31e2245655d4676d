package dwcp

import (
	"fmt"
	"context"
	"net/http"
	"time"
)

// Call describes one logical call as hooks see it: every attempt of the call shares it.
type Call struct {
	// Operation is the spec's operation id, e.g. "vm.get".
	Operation string
	// Method is the HTTP method, e.g. "GET".
	Method string
	// Path is the path template, e.g. "/vms/{vm_id}".
	Path string
	// ServerAddress and ServerPort are the host and port the client talks to.
	ServerAddress string
	ServerPort    int
	// RequestID is the call's X-Request-ID (one per call, shared by its attempts).
	RequestID string
	// IdempotencyKey is the call's Idempotency-Key, if it sends one.
	IdempotencyKey string
	// Attempts counts the attempts sent so far.
	Attempts int
}

// Attempt is one request of a call, as hooks see it.
type Attempt struct {
	*Call
	// Number is the attempt as sent in DWCP-Attempt (1, 2, ...; a stream's reconnects keep counting).
	Number int
	// Header holds the attempt's request headers. BeforeAttempt may add to or change them; the
	// change goes on the wire for this attempt only.
	Header http.Header
	// Status, ResponseHeader and ResponseRequestID are set once a response's head arrived
	// (Status stays 0 when none came).
	Status            int
	ResponseHeader    http.Header
	ResponseRequestID string
	// Duration is how long the attempt took until its response's head (or its failure).
	Duration time.Duration
	// Err is the typed error of a failed attempt (set before BeforeRetry and AttemptEnd).
	Err error
}

// String describes the attempt without its headers (they carry the credentials).
func (a *Attempt) String() string {
	return "dwcp.Attempt{" + a.Operation + " " + a.Method + " " + a.Path + " #" + itoa(a.Number) + " status " + itoa(a.Status) + "}"
}

// GoString is String, so %#v never prints the Authorization header either.
func (a *Attempt) GoString() string { return a.String() }

// Format prints String for every verb, so no verb prints the Authorization header.
func (a *Attempt) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(a.String())) }

// Hooks are one link of the client's hook chain (WithHooks), in the spirit of
// net/http/httptrace.ClientTrace: every field is optional, and each runs for every attempt of every
// call (unary calls, stream opens and reconnects, waiter polls), link after link in the order the
// links were added.
//
// A hook that returns an error ends the call with an *Error of kind ErrHook (code hook_failed)
// wrapping it; an error from BeforeAttempt means that attempt is not sent. A hook error is never
// retried, and the links after the failing one do not run at that point.
type Hooks struct {
	// BeforeAttempt runs before an attempt is written; it may change a.Header.
	BeforeAttempt func(ctx context.Context, a *Attempt) error
	// AfterResponse runs once a response's head arrived, whatever its status.
	AfterResponse func(ctx context.Context, a *Attempt) error
	// BeforeRetry runs when the call will retry the failed attempt a, before it sleeps delay.
	BeforeRetry func(ctx context.Context, a *Attempt, delay time.Duration, cause error) error
	// OnError runs once when the call ends with an error (err is an *Error).
	OnError func(ctx context.Context, call *Call, err error) error

	// CallStart, CallEnd, AttemptStart and AttemptEnd frame each call and each attempt sent, for
	// instrumentation such as tracing (module dwcpotel); they cannot fail. The context CallStart
	// returns is the context of the call's attempts and later hooks; AttemptStart runs after
	// BeforeAttempt (for an attempt that will be sent; it may still add headers), and the context
	// it returns is the one the attempt's HTTP request, AfterResponse and AttemptEnd see.
	CallStart    func(ctx context.Context, call *Call) context.Context
	CallEnd      func(ctx context.Context, call *Call, err error)
	AttemptStart func(ctx context.Context, a *Attempt) context.Context
	AttemptEnd   func(ctx context.Context, a *Attempt)
}

// WithHooks appends links to the client's hook chain.
func WithHooks(hooks ...Hooks) Option {
	return func(c *Client) { c.hooks = append(c.hooks, hooks...) }
}

// Hook points, as named in HookError messages and in docs/observability.md.
const (
	pointBeforeAttempt = "before_attempt"
	pointAfterResponse = "after_response"
	pointBeforeRetry   = "before_retry"
	pointOnError       = "on_error"
)

// hookError is the error of a call a hook ended: the catalogue's entry of code hook_failed (a
// spec without one still gets a typed HookError, without a sentinel).
func hookError(point string, cause error) *Error {
	message := "a hook failed at " + point + ": " + cause.Error()
	if codeKinds["hook_failed"] == nil {
		return &Error{Type: "HookError", Code: "hook_failed", Message: message, Err: cause}
	}
	e := clientError("hook_failed", message)
	e.Err = cause
	return e
}

func (c *Client) callStart(ctx context.Context, call *Call) context.Context {
	for i := range c.hooks {
		if f := c.hooks[i].CallStart; f != nil {
			ctx = f(ctx, call)
		}
	}
	return ctx
}

func (c *Client) callEnd(ctx context.Context, call *Call, err error) {
	for i := range c.hooks {
		if f := c.hooks[i].CallEnd; f != nil {
			f(ctx, call, err)
		}
	}
}

func (c *Client) attemptStart(ctx context.Context, a *Attempt) context.Context {
	for i := range c.hooks {
		if f := c.hooks[i].AttemptStart; f != nil {
			ctx = f(ctx, a)
		}
	}
	return ctx
}

func (c *Client) attemptEnd(ctx context.Context, a *Attempt) {
	for i := range c.hooks {
		if f := c.hooks[i].AttemptEnd; f != nil {
			f(ctx, a)
		}
	}
}

func (c *Client) beforeAttempt(ctx context.Context, a *Attempt) *Error {
	for i := range c.hooks {
		if f := c.hooks[i].BeforeAttempt; f != nil {
			if err := f(ctx, a); err != nil {
				return hookError(pointBeforeAttempt, err)
			}
		}
	}
	return nil
}

func (c *Client) afterResponse(ctx context.Context, a *Attempt) *Error {
	for i := range c.hooks {
		if f := c.hooks[i].AfterResponse; f != nil {
			if err := f(ctx, a); err != nil {
				return hookError(pointAfterResponse, err)
			}
		}
	}
	return nil
}

func (c *Client) beforeRetry(ctx context.Context, a *Attempt, delay time.Duration, cause error) *Error {
	for i := range c.hooks {
		if f := c.hooks[i].BeforeRetry; f != nil {
			if err := f(ctx, a, delay, cause); err != nil {
				return hookError(pointBeforeRetry, err)
			}
		}
	}
	return nil
}

func (c *Client) onError(ctx context.Context, call *Call, err error) *Error {
	for i := range c.hooks {
		if f := c.hooks[i].OnError; f != nil {
			if herr := f(ctx, call, err); herr != nil {
				return hookError(pointOnError, herr)
			}
		}
	}
	return nil
}
