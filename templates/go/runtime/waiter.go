package dwcp

import (
	"context"
	"errors"
	"math"
	"time"
)

// waitSpec is the timing of a spec-declared waiter (docs/resilience.md).
type waitSpec struct {
	op                          string
	minDelay, maxDelay, maxWait time.Duration
}

// WithMaxWait bounds a waiter's whole wait (default: the spec's max_wait of that waiter). When it
// expires the waiter returns a TimeoutError of code wait_timeout and nothing changes on the server.
func WithMaxWait(d time.Duration) CallOption {
	return func(o *callOptions) { o.maxWait = d }
}

// wait polls until poll reports done or an error. The first poll is sent at once; before poll n+1
// it sleeps minDelay + jitter × (cap − minDelay), cap = min(maxDelay, minDelay × 2^(n−1)). Each
// poll is an ordinary call through the attempt loop. The maximum wait ends it with a TimeoutError
// of code wait_timeout (a poll in flight is abandoned); the caller's ctx ends it as any call.
func (c *Client) wait(ctx context.Context, w waitSpec, opts []CallOption, poll func(ctx context.Context) (bool, error)) error {
	var o callOptions
	for _, opt := range opts {
		opt(&o)
	}
	maxWait := w.maxWait
	if o.maxWait > 0 {
		maxWait = o.maxWait
	}
	wctx, cancel := context.WithTimeout(ctx, maxWait)
	defer cancel()
	for n := 1; ; n++ {
		done, err := poll(wctx)
		if ctx.Err() == nil && wctx.Err() != nil {
			return waitTimeout(w, maxWait)
		}
		if err != nil || done {
			return err
		}
		if sleep(wctx, c.waitDelay(w, n)) != nil {
			if ctx.Err() != nil {
				return callerEnded(ctx, w.op)
			}
			return waitTimeout(w, maxWait)
		}
	}
}

// waitDelay is the pause before poll n+1.
func (c *Client) waitDelay(w waitSpec, n int) time.Duration {
	ceiling := float64(w.minDelay) * math.Pow(2, float64(n-1))
	if ceiling > float64(w.maxDelay) {
		ceiling = float64(w.maxDelay)
	}
	j := c.policy.jitter()
	if j < 0 || j > 1 || math.IsNaN(j) {
		j = 1
	}
	return w.minDelay + time.Duration(j*(ceiling-float64(w.minDelay)))
}

// waitTimeout is the error of a wait whose maximum wait expired.
func waitTimeout(w waitSpec, maxWait time.Duration) *Error {
	code := "wait_timeout"
	if codeKinds[code] == nil {
		code = "client_timeout" // a catalogue without the waiter code
	}
	e := clientError(code, w.op+" did not finish within "+maxWait.String())
	e.Err = context.DeadlineExceeded
	return e
}

// callerEnded is the error of a wait the caller's ctx ended between polls.
func callerEnded(ctx context.Context, op string) *Error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		e := clientError("client_timeout", "the caller's deadline expired during "+op)
		e.Err = context.DeadlineExceeded
		return e
	}
	return &Error{Type: "Cancelled", Code: "cancelled", Message: op + " was cancelled", Err: ctx.Err()}
}

// errorCode is the wire code of a DWCP error ("" for any other error).
func errorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}

// waiterFailure is the error of a failure acceptor: the waiter's catalogue error naming the state.
func waiterFailure(sentinel error, code, op, state string) *Error {
	e := newError(sentinel, code, op+": state is "+state)
	e.State = state
	return e
}
