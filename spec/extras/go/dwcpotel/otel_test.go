package dwcpotel_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	dwcp "github.com/novacron/dwcp-sdk-go"
	"github.com/novacron/dwcp-sdk-go/dwcpotel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"
)

// server answers the first health check with a 503 and everything else with a body that serves
// both the session and the health check, recording each health attempt's traceparent.
func server(t *testing.T) (*httptest.Server, func() []string) {
	var mu sync.Mutex
	var parents []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if strings.HasSuffix(r.URL.Path, "/health") {
			mu.Lock()
			parents = append(parents, r.Header.Get("traceparent"))
			first := len(parents) == 1
			mu.Unlock()
			if first {
				w.WriteHeader(http.StatusServiceUnavailable)
				w.Write([]byte(`{"error":{"type":"ConnectionError","code":"unavailable","message":"busy"}}`))
				return
			}
		}
		w.Write([]byte(`{"status":"ok","version":"3.0.0","authenticated":true,"session_id":"s"}`))
	}))
	t.Cleanup(srv.Close)
	return srv, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), parents...)
	}
}

func TestSpansPerCallAndAttemptShareOneTrace(t *testing.T) {
	srv, parents := server(t)
	exporter := tracetest.NewInMemoryExporter()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSyncer(exporter))
	cfg := dwcp.DefaultConfig()
	cfg.Address, cfg.APIKey, cfg.RetryBackoff = srv.URL, "k", time.Millisecond
	c, err := dwcp.NewClient(cfg, dwcp.WithHooks(dwcpotel.Hooks(dwcpotel.WithTracerProvider(tp))))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := c.Connect(ctx); err != nil {
		t.Fatal(err)
	}
	exporter.Reset()
	if _, err := c.Health(ctx); err != nil {
		t.Fatal(err)
	}
	spans := exporter.GetSpans()
	if len(spans) != 3 {
		t.Fatalf("want 2 attempt spans and 1 call span, got %d", len(spans))
	}
	call := spans[2]
	if call.Name != "system.health" || call.SpanKind != trace.SpanKindInternal || call.Parent.IsValid() {
		t.Fatalf("call span: %s %v parent %v", call.Name, call.SpanKind, call.Parent)
	}
	sent := parents()
	for i, s := range spans[:2] {
		if s.Name != "GET /health" || s.SpanKind != trace.SpanKindClient || s.Parent.SpanID() != call.SpanContext.SpanID() {
			t.Fatalf("attempt span %d: %s %v", i, s.Name, s.SpanKind)
		}
		if s.SpanContext.TraceID() != call.SpanContext.TraceID() {
			t.Fatal("every attempt shares the call's trace")
		}
		want := "00-" + s.SpanContext.TraceID().String() + "-" + s.SpanContext.SpanID().String() + "-01"
		if sent[i] != want {
			t.Fatalf("attempt %d sent traceparent %q, want %q", i+1, sent[i], want)
		}
	}
	attrs := map[string]any{}
	for _, kv := range spans[1].Attributes {
		attrs[string(kv.Key)] = kv.Value.AsInterface()
	}
	if attrs["http.request.resend_count"] != int64(1) || attrs["http.response.status_code"] != int64(200) || attrs["url.template"] != "/health" {
		t.Fatalf("second attempt's attributes: %v", attrs)
	}
	if spans[0].Status.Code.String() != "Error" {
		t.Fatalf("the 503 attempt is an error: %v", spans[0].Status)
	}

	// A new call starts a new trace; a call under the caller's span joins it.
	exporter.Reset()
	if _, err := c.Health(ctx); err != nil {
		t.Fatal(err)
	}
	parentCtx, parent := tp.Tracer("test").Start(ctx, "caller")
	if _, err := c.Health(parentCtx); err != nil {
		t.Fatal(err)
	}
	parent.End()
	spans = exporter.GetSpans()
	if spans[0].SpanContext.TraceID() == call.SpanContext.TraceID() {
		t.Fatal("each call starts a new trace")
	}
	if spans[2].SpanContext.TraceID() != parent.SpanContext().TraceID() || spans[3].Parent.SpanID() != parent.SpanContext().SpanID() {
		t.Fatal("a call under the caller's span joins its trace")
	}
}
