// Code generated from templates/go/runtime/log.go by generator/; DO NOT EDIT.

package dwcp

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"time"
)

// redacted replaces every secret in a log record.
const redacted = "[REDACTED]"

// logEnv is the environment variable that switches logging on: debug, info or warning.
const logEnv = "DWCP_LOG"

// WithLogger sends the client's log records to l (default: a text handler on stderr). Records
// are written only when logging is on: DWCP_LOG=debug|info|warning when the client is built, or
// WithLogLevel.
func WithLogger(l *slog.Logger) Option {
	return func(c *Client) { c.logTo = l }
}

// WithLogLevel switches logging on at level (slog.LevelDebug, LevelInfo or LevelWarn), whatever
// DWCP_LOG says.
func WithLogLevel(level slog.Level) Option {
	return func(c *Client) { c.logLevel = &level }
}

// logLevelFromEnv reads DWCP_LOG: the level it asks for, or false when unset, off or unknown.
func logLevelFromEnv() (slog.Level, bool) {
	switch strings.ToLower(strings.TrimSpace(os.Getenv(logEnv))) {
	case "debug":
		return slog.LevelDebug, true
	case "info":
		return slog.LevelInfo, true
	case "warning", "warn":
		return slog.LevelWarn, true
	}
	return 0, false
}

// clientLog writes a client's log records; nil means logging is off.
type clientLog struct {
	l       *slog.Logger
	info    bool
	debug   bool
	secrets []string // values never to print (the API key and its bearer form)
}

func newClientLog(to *slog.Logger, level *slog.Level, apiKey string) *clientLog {
	lvl, on := slog.Level(0), false
	if level != nil {
		lvl, on = *level, true
	} else {
		lvl, on = logLevelFromEnv()
	}
	if !on {
		return nil
	}
	if to == nil {
		to = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: lvl}))
	}
	l := &clientLog{l: to, info: lvl <= slog.LevelInfo, debug: lvl <= slog.LevelDebug}
	if apiKey != "" {
		l.secrets = []string{apiKey}
	}
	return l
}

// scrub removes every secret value from text.
func (l *clientLog) scrub(text string) string {
	for _, s := range l.secrets {
		text = strings.ReplaceAll(text, s, redacted)
	}
	return text
}

// attempt is the info line of one attempt (status 0 when no response came).
func (l *clientLog) attempt(ctx context.Context, a *Attempt, path string) {
	l.l.LogAttrs(ctx, slog.LevelInfo, "attempt",
		slog.String("operation", a.Operation),
		slog.String("method", a.Method),
		slog.String("path", l.scrub(path)),
		slog.Int("status", a.Status),
		slog.Int("attempt", a.Number),
		slog.Int64("duration_ms", a.Duration.Milliseconds()),
		slog.String("request_id", firstNonEmpty(a.ResponseRequestID, a.RequestID)),
	)
}

// retry is the warning line of a retry.
func (l *clientLog) retry(ctx context.Context, a *Attempt, delay time.Duration, cause *Error) {
	l.l.LogAttrs(ctx, slog.LevelWarn, "retry",
		slog.String("operation", a.Operation),
		slog.Int("attempt", a.Number),
		slog.Int64("delay_ms", delay.Milliseconds()),
		slog.String("code", cause.Code),
	)
}

// failed is the warning line of a call that ended with an error.
func (l *clientLog) failed(ctx context.Context, call *Call, e *Error) {
	l.l.LogAttrs(ctx, slog.LevelWarn, "failed",
		slog.String("operation", call.Operation),
		slog.String("category", e.Type),
		slog.String("code", e.Code),
		slog.Int("attempts", e.Attempts),
	)
}

// exchange is a debug line: the request or response headers and body of an attempt.
func (l *clientLog) exchange(ctx context.Context, event string, a *Attempt, h http.Header, body []byte) {
	l.l.LogAttrs(ctx, slog.LevelDebug, event,
		slog.String("operation", a.Operation),
		slog.Int("attempt", a.Number),
		slog.Any("headers", l.headers(h)),
		slog.String("body", l.body(body)),
	)
}

// headers are h as logged: one value per name, credentials redacted.
func (l *clientLog) headers(h http.Header) map[string]string {
	out := make(map[string]string, len(h))
	for name, values := range h {
		v := strings.Join(values, ", ")
		switch http.CanonicalHeaderKey(name) {
		case "Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie":
			v = redacted
		}
		out[name] = l.scrub(v)
	}
	return out
}

// body is a body as logged: JSON with every field the spec marks secret redacted, else text.
func (l *clientLog) body(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if len(secretFields) > 0 {
		var v any
		if json.Unmarshal(b, &v) == nil {
			if out, err := json.Marshal(redactSecrets(v)); err == nil {
				return l.scrub(string(out))
			}
		}
	}
	return l.scrub(string(b))
}

// redactSecrets replaces the value of every secret field, at any depth.
func redactSecrets(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, item := range x {
			if secretFields[k] {
				x[k] = redacted
			} else {
				x[k] = redactSecrets(item)
			}
		}
	case []any:
		for i, item := range x {
			x[i] = redactSecrets(item)
		}
	}
	return v
}
