// Code generated from templates/go/runtime/retryafter.go by generator/; DO NOT EDIT.

package dwcp

import (
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// retryAfter reads Retry-After-Ms (milliseconds) or Retry-After (seconds or an HTTP date).
// It returns 0 when neither is present or valid (negative, NaN, infinite, garbage, past dates).
func retryAfter(h http.Header, now time.Time) time.Duration {
	if v := strings.TrimSpace(h.Get(retryAfterMsHeader)); v != "" {
		if d, ok := parseFloatDuration(v, time.Millisecond); ok {
			return d
		}
	}
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0
	}
	if d, ok := parseFloatDuration(v, time.Second); ok {
		return d
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(now); d > 0 {
			return d
		}
	}
	return 0
}

func parseFloatDuration(v string, unit time.Duration) (time.Duration, bool) {
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || f <= 0 {
		return 0, false
	}
	if f*float64(unit) > float64(math.MaxInt64) {
		return time.Duration(math.MaxInt64), true
	}
	return time.Duration(f * float64(unit)), true
}
