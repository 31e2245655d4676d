// Code generated from templates/go/runtime/waiter.go by generator/; DO NOT EDIT.

package dwcp

import (
	"context"
	"time"
)

// Poll intervals of wait helpers: 1 s, then ×1.5 per poll, capped at 20 s (AIP-151 style).
var (
	pollInitial = time.Second
	pollMax     = 20 * time.Second
	pollFactor  = 1.5
)

// waitFor polls get until done reports true; ctx must carry a deadline. On expiry it returns the
// last status with a TimeoutError, without cancelling the operation.
func waitFor[T any](ctx context.Context, op string, get func(context.Context) (*T, error), done func(*T) bool) (*T, error) {
	if _, ok := ctx.Deadline(); !ok {
		return nil, invalidConfig("ctx", "must carry a deadline for "+op)
	}
	delay := pollInitial
	var last *T
	for {
		status, err := get(ctx)
		if err != nil {
			return last, err
		}
		last = status
		if done(status) {
			return status, nil
		}
		if err := sleep(ctx, delay); err != nil {
			e := clientError("client_timeout", op+" did not finish before the deadline")
			e.Err = err
			return last, e
		}
		delay = time.Duration(float64(delay) * pollFactor)
		if delay > pollMax {
			delay = pollMax
		}
	}
}
