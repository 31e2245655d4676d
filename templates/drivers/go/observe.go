package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"sync"
	"time"

	dwcp "github.com/novacron/dwcp-sdk-go"
	"github.com/novacron/dwcp-sdk-go/dwcpotel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"
)

// observer holds what a client's hooks saw, the log records it wrote and the spans it ended
// (the protocol's observability commands: hook_events, log_records, spans).
type observer struct {
	mu       sync.Mutex
	events   []map[string]any
	records  []map[string]any
	exporter *tracetest.InMemoryExporter
	provider *sdktrace.TracerProvider
}

// hookSpec is one entry of the config's `hooks` test setting.
type hookSpec struct {
	Name       string            `json:"name"`
	SetHeaders map[string]string `json:"set_headers"`
	FailAt     string            `json:"fail_at"`
}

// observability strips the observability test settings from wire and returns the client options
// and the observer that apply them through the SDK's public API.
func observability(wire map[string]any) ([]dwcp.Option, *observer, error) {
	obs := &observer{}
	var opts []dwcp.Option
	if raw, ok := wire["hooks"]; ok && raw != nil {
		b, _ := json.Marshal(raw)
		var specs []hookSpec
		if err := json.Unmarshal(b, &specs); err != nil {
			return nil, nil, fmt.Errorf("hooks: %w", err)
		}
		for _, h := range specs {
			opts = append(opts, dwcp.WithHooks(obs.recordingHook(h)))
		}
	}
	// The SDK reads DWCP_LOG itself when the client is built; the driver only sets it.
	if level, ok := wire["log_level"].(string); ok && level != "" {
		os.Setenv("DWCP_LOG", level)
	} else {
		os.Unsetenv("DWCP_LOG")
	}
	opts = append(opts, dwcp.WithLogger(slog.New(&captureHandler{obs: obs})))
	if on, _ := wire["tracing"].(bool); on {
		obs.exporter = tracetest.NewInMemoryExporter()
		obs.provider = sdktrace.NewTracerProvider(sdktrace.WithSyncer(obs.exporter))
		opts = append(opts, dwcp.WithHooks(dwcpotel.Hooks(dwcpotel.WithTracerProvider(obs.provider))))
	}
	for _, k := range []string{"hooks", "log_level", "tracing"} {
		delete(wire, k)
	}
	return opts, obs, nil
}

// hookFailure is the error a recording hook raises at its fail_at point.
type hookFailure struct{ hook, point string }

func (h *hookFailure) Error() string { return "hook " + h.hook + " failed at " + h.point }

func errorInfo(err error, attempts bool) map[string]any {
	out := map[string]any{"category": "DWCPError", "code": nil}
	var e *dwcp.Error
	if errors.As(err, &e) {
		out["category"], out["code"] = e.Type, e.Code
		if e.Kind == nil && errors.Is(err, context.Canceled) {
			out["category"] = "Cancelled"
		}
		if attempts {
			out["attempts"] = e.Attempts
		}
	}
	return out
}

// recordingHook records every point it sees, adds set_headers before each attempt and fails at
// fail_at.
func (o *observer) recordingHook(h hookSpec) dwcp.Hooks {
	record := func(point string, ev map[string]any) error {
		ev["hook"], ev["point"] = h.Name, point
		o.mu.Lock()
		o.events = append(o.events, ev)
		o.mu.Unlock()
		if h.FailAt == point {
			return &hookFailure{h.Name, point}
		}
		return nil
	}
	return dwcp.Hooks{
		BeforeAttempt: func(_ context.Context, a *dwcp.Attempt) error {
			for k, v := range h.SetHeaders {
				a.Header.Set(k, v)
			}
			return record("before_attempt", map[string]any{"op": a.Operation, "attempt": a.Number, "request_id": a.RequestID})
		},
		AfterResponse: func(_ context.Context, a *dwcp.Attempt) error {
			return record("after_response", map[string]any{"op": a.Operation, "attempt": a.Number,
				"request_id": a.ResponseRequestID, "status": a.Status, "duration_ms": a.Duration.Milliseconds()})
		},
		BeforeRetry: func(_ context.Context, a *dwcp.Attempt, delay time.Duration, cause error) error {
			return record("before_retry", map[string]any{"op": a.Operation, "attempt": a.Number, "request_id": a.RequestID,
				"delay_ms": delay.Milliseconds(), "cause": errorInfo(cause, false)})
		},
		OnError: func(_ context.Context, call *dwcp.Call, err error) error {
			return record("on_error", map[string]any{"op": call.Operation, "attempt": call.Attempts, "request_id": call.RequestID,
				"error": errorInfo(err, true)})
		},
	}
}

func (o *observer) hookEvents() map[string]any {
	o.mu.Lock()
	defer o.mu.Unlock()
	out := o.events
	o.events = nil
	if out == nil {
		out = []map[string]any{}
	}
	return map[string]any{"events": out}
}

func (o *observer) logRecords() map[string]any {
	o.mu.Lock()
	defer o.mu.Unlock()
	out := o.records
	o.records = nil
	if out == nil {
		out = []map[string]any{}
	}
	return map[string]any{"records": out}
}

func (o *observer) spans() map[string]any {
	out := []map[string]any{}
	if o.exporter == nil {
		return map[string]any{"spans": out}
	}
	for _, s := range o.exporter.GetSpans() {
		attrs := map[string]any{}
		for _, kv := range s.Attributes {
			attrs[string(kv.Key)] = kv.Value.AsInterface()
		}
		var parent any
		if s.Parent.IsValid() {
			parent = s.Parent.SpanID().String()
		}
		out = append(out, map[string]any{
			"name": s.Name, "kind": spanKind(s.SpanKind),
			"trace_id": s.SpanContext.TraceID().String(), "span_id": s.SpanContext.SpanID().String(),
			"parent_span_id": parent, "status": strings.ToLower(s.Status.Code.String()), "attributes": attrs,
		})
	}
	o.exporter.Reset()
	return map[string]any{"spans": out}
}

func spanKind(k trace.SpanKind) string {
	switch k {
	case trace.SpanKindClient:
		return "client"
	case trace.SpanKindServer:
		return "server"
	case trace.SpanKindProducer:
		return "producer"
	case trace.SpanKindConsumer:
		return "consumer"
	}
	return "internal"
}

// captureHandler is a slog.Handler keeping every record the SDK writes: the SDK decides the
// level (from DWCP_LOG), so the handler accepts all of them.
type captureHandler struct {
	obs   *observer
	attrs []slog.Attr
}

func (h *captureHandler) Enabled(context.Context, slog.Level) bool { return true }

func (h *captureHandler) Handle(ctx context.Context, r slog.Record) error {
	var text bytes.Buffer
	if err := slog.NewTextHandler(&text, &slog.HandlerOptions{Level: slog.LevelDebug}).WithAttrs(h.attrs).Handle(ctx, r); err != nil {
		return err
	}
	fields := map[string]any{}
	add := func(a slog.Attr) bool {
		fields[a.Key] = a.Value.Resolve().Any()
		return true
	}
	for _, a := range h.attrs {
		add(a)
	}
	r.Attrs(add)
	rec := map[string]any{"level": levelName(r.Level), "event": r.Message,
		"text": strings.TrimRight(text.String(), "\n"), "fields": fields}
	h.obs.mu.Lock()
	h.obs.records = append(h.obs.records, rec)
	h.obs.mu.Unlock()
	return nil
}

func (h *captureHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return &captureHandler{obs: h.obs, attrs: append(append([]slog.Attr{}, h.attrs...), attrs...)}
}

func (h *captureHandler) WithGroup(string) slog.Handler { return h }

func levelName(l slog.Level) string {
	switch {
	case l < slog.LevelInfo:
		return "debug"
	case l < slog.LevelWarn:
		return "info"
	case l < slog.LevelError:
		return "warning"
	}
	return "error"
}

// callOptions are the protocol's per-call options.
type callOptions struct {
	TimeoutMS      *int64            `json:"timeout_ms"`
	RetryAttempts  *int              `json:"retry_attempts"`
	Headers        map[string]string `json:"headers"`
	IdempotencyKey *string           `json:"idempotency_key"`
}

// options maps the protocol's per-call options onto the SDK's CallOptions.
func (o *callOptions) options() []dwcp.CallOption {
	if o == nil {
		return nil
	}
	var out []dwcp.CallOption
	if o.TimeoutMS != nil {
		out = append(out, dwcp.WithRequestTimeout(time.Duration(*o.TimeoutMS)*time.Millisecond))
	}
	if o.RetryAttempts != nil {
		out = append(out, dwcp.WithRetryAttempts(*o.RetryAttempts))
	}
	for k, v := range o.Headers {
		out = append(out, dwcp.WithHeader(k, v))
	}
	if o.IdempotencyKey != nil {
		out = append(out, dwcp.WithIdempotencyKey(*o.IdempotencyKey))
	}
	return out
}

// rawResult is the `raw: true` form of a call's result.
func rawResult(resp *dwcp.Response, result any) map[string]any {
	headers := map[string]string{}
	for k, v := range resp.Header {
		headers[strings.ToLower(k)] = strings.Join(v, ", ")
	}
	return map[string]any{"status": resp.StatusCode, "headers": headers, "request_id": resp.RequestID, "result": result}
}
