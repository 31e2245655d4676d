// Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.

// Package dwcpotel traces the calls of the DWCP Go SDK with OpenTelemetry. It is a module of its
// own, so the SDK itself stays standard-library only. Install it as one link of the client's hook
// chain:
//
//	client, err := dwcp.NewClient(config, dwcp.WithHooks(dwcpotel.Hooks()))
//
// Each call gets a span (kind INTERNAL, named by the operation id, e.g. "vm.get") and each of its
// attempts a child span (kind CLIENT, named "<METHOD> <path template>") with the HTTP semantic
// conventions' attributes; every attempt carries the W3C traceparent of its attempt span, so all
// attempts of a call share one trace id. A call starts a new trace unless its context already
// holds a span.
package dwcpotel

import (
	"context"
	"errors"

	dwcp "github.com/novacron/dwcp-sdk-go"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/trace"
)

// ScopeName is the instrumentation scope of the spans.
const ScopeName = "github.com/novacron/dwcp-sdk-go/dwcpotel"

// config holds what Options set.
type config struct {
	provider   trace.TracerProvider
	propagator propagation.TextMapPropagator
}

// Option configures Hooks.
type Option func(*config)

// WithTracerProvider takes the tracers from tp (default: otel.GetTracerProvider()).
func WithTracerProvider(tp trace.TracerProvider) Option {
	return func(c *config) { c.provider = tp }
}

// WithPropagator writes the attempt's context into its headers with p (default: W3C
// trace-context, so traceparent is sent whatever the global propagator is).
func WithPropagator(p propagation.TextMapPropagator) Option {
	return func(c *config) { c.propagator = p }
}

// Hooks returns the hook chain link that traces every call and attempt of a client.
func Hooks(opts ...Option) dwcp.Hooks {
	cfg := config{propagator: propagation.TraceContext{}}
	for _, opt := range opts {
		opt(&cfg)
	}
	if cfg.provider == nil {
		cfg.provider = otel.GetTracerProvider()
	}
	tracer := cfg.provider.Tracer(ScopeName, trace.WithInstrumentationVersion(dwcp.Version))
	return dwcp.Hooks{
		CallStart: func(ctx context.Context, call *dwcp.Call) context.Context {
			ctx, _ = tracer.Start(ctx, call.Operation, trace.WithSpanKind(trace.SpanKindInternal),
				trace.WithAttributes(
					attribute.String("dwcp.operation", call.Operation),
					attribute.String("dwcp.request_id", call.RequestID),
				))
			return ctx
		},
		CallEnd: func(ctx context.Context, call *dwcp.Call, err error) {
			span := trace.SpanFromContext(ctx)
			span.SetAttributes(attribute.Int("dwcp.attempts", call.Attempts))
			failed(span, err)
			span.End()
		},
		AttemptStart: func(ctx context.Context, a *dwcp.Attempt) context.Context {
			attrs := make([]attribute.KeyValue, 0, 6)
			attrs = append(attrs,
				attribute.String("http.request.method", a.Method),
				attribute.String("server.address", a.ServerAddress),
				attribute.Int("server.port", a.ServerPort),
				attribute.String("url.template", a.Path),
				attribute.String("dwcp.request_id", a.RequestID),
			)
			if a.Number > 1 {
				attrs = append(attrs, attribute.Int("http.request.resend_count", a.Number-1))
			}
			ctx, _ = tracer.Start(ctx, a.Method+" "+a.Path, trace.WithSpanKind(trace.SpanKindClient), trace.WithAttributes(attrs...))
			cfg.propagator.Inject(ctx, propagation.HeaderCarrier(a.Header))
			return ctx
		},
		AttemptEnd: func(ctx context.Context, a *dwcp.Attempt) {
			span := trace.SpanFromContext(ctx)
			if a.Status != 0 {
				span.SetAttributes(attribute.Int("http.response.status_code", a.Status))
			}
			failed(span, a.Err)
			span.End()
		},
	}
}

// failed marks span as failed by err (nothing when err is nil): error.type is the error's code.
func failed(span trace.Span, err error) {
	if err == nil {
		return
	}
	kind := "error"
	var e *dwcp.Error
	if errors.As(err, &e) && e.Code != "" {
		kind = e.Code
	}
	span.SetAttributes(attribute.String("error.type", kind))
	span.SetStatus(codes.Error, kind)
}
