package dwcp

import (
	"math"
	"math/rand"
	"net/http"
	"sync"
	"time"
)

// retryClass says when an error may be retried (the catalogue's retry column).
type retryClass uint8

const (
	retryNever retryClass = iota
	retryAlways
	retryAfterRetryAfter
	retryWithIdempotencyKey
)

// retryPolicy decides whether and when a failed attempt is retried.
type retryPolicy struct {
	retries       int
	base          time.Duration
	maxBackoff    time.Duration
	maxRetryAfter time.Duration
	jitter        func() float64
}

var (
	jitterMu  sync.Mutex
	jitterRnd = rand.New(rand.NewSource(time.Now().UnixNano()))
)

// randomJitter is the default jitter: uniform in [0, 1).
func randomJitter() float64 {
	jitterMu.Lock()
	defer jitterMu.Unlock()
	return jitterRnd.Float64()
}

// backoff is the full-jitter delay before retry n (1-based): jitter × min(cap, base × 2^(n-1)).
func (p retryPolicy) backoff(n int) time.Duration {
	ceiling := float64(p.base) * math.Pow(2, float64(n-1))
	if ceiling > float64(p.maxBackoff) {
		ceiling = float64(p.maxBackoff)
	}
	j := p.jitter()
	if j < 0 || j > 1 || math.IsNaN(j) {
		j = 1
	}
	return time.Duration(j * ceiling)
}

// decide reports whether the failed attempt n (1-based) of a call allowed retries retries is
// retried, and after how long.
func (p retryPolicy) decide(n, retries int, err *Error, keyed bool, header http.Header) (time.Duration, bool) {
	if n > retries {
		return 0, false
	}
	k, _ := err.Kind.(*kind)
	class := classOf(k, err.Code)
	if override := header.Get("X-Should-Retry"); override == "false" {
		return 0, false
	} else if override == "true" {
		class = retryAlways
	}
	switch class {
	case retryNever:
		return 0, false
	case retryWithIdempotencyKey:
		if !keyed {
			return 0, false
		}
	}
	if err.RetryAfter > 0 {
		if err.RetryAfter > p.maxRetryAfter {
			return 0, false
		}
		return err.RetryAfter, true
	}
	return p.backoff(n), true
}

// classOf is the retry class of a catalogue entry, refined by its wire code.
func classOf(k *kind, code string) retryClass {
	if c, ok := codeRetry[code]; ok {
		return c
	}
	if k == nil {
		return retryNever
	}
	return k.retry
}
