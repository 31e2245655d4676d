// Code generated from templates/typescript/src/otel.ts by generator/; DO NOT EDIT.
// OpenTelemetry entry (<package>/otel): spans per call and per attempt, and the W3C traceparent on
// every attempt. It needs the optional peer dependency @opentelemetry/api; the core entries never
// import it.
import {
  context,
  SpanKind,
  SpanStatusCode,
  trace,
  type Span,
  type Tracer,
  type TracerProvider,
} from '@opentelemetry/api';

import type { AttemptTrace, CallTrace, TracedCall, Tracing } from './runtime/tracing.js';
import { VERSION } from './version.js';

/** Where the spans go. */
export interface OtelTracingOptions {
  /** The provider to get the SDK's tracer from (default: the global one, `trace.getTracerProvider()`). */
  tracerProvider?: TracerProvider;
  /** A tracer to use as is (wins over tracerProvider). */
  tracer?: Tracer;
}

/** The name the SDK's tracer is registered under. */
export const TRACER_NAME = '@novacron/dwcp-sdk';

/**
 * Tracing on OpenTelemetry, for the client's `tracing` option: one INTERNAL span per call (named by
 * the operation id, e.g. `vm.get`), one CLIENT child span per attempt (`GET /vms/{vm_id}`) with the
 * HTTP semantic-convention attributes, and the attempt span's `traceparent` sent with the attempt.
 * A call joins the trace of the caller's active span, if any; otherwise it starts a new trace.
 */
export function otelTracing(options: OtelTracingOptions = {}): Tracing {
  const tracer =
    options.tracer ??
    (options.tracerProvider ?? trace.getTracerProvider()).getTracer(TRACER_NAME, VERSION);
  return {
    startCall: (call) => new OtelCall(tracer, call),
  };
}

class OtelCall implements CallTrace {
  readonly #tracer: Tracer;
  readonly #call: TracedCall;
  readonly #span: Span;

  constructor(tracer: Tracer, call: TracedCall) {
    this.#tracer = tracer;
    this.#call = call;
    this.#span = tracer.startSpan(call.operation, {
      kind: SpanKind.INTERNAL,
      attributes: { 'dwcp.operation': call.operation, 'dwcp.request_id': call.requestId },
    });
  }

  startAttempt(attempt: number): AttemptTrace {
    const c = this.#call;
    const span = this.#tracer.startSpan(
      `${c.method} ${c.template}`,
      {
        kind: SpanKind.CLIENT,
        attributes: {
          'http.request.method': c.method,
          'server.address': c.serverAddress,
          'server.port': c.serverPort,
          'url.template': c.template,
          'dwcp.request_id': c.requestId,
          ...(attempt > 1 ? { 'http.request.resend_count': attempt - 1 } : {}),
        },
      },
      trace.setSpan(context.active(), this.#span),
    );
    return new OtelAttempt(span);
  }

  end(result: { attempts: number; requestId: string; errorType?: string | undefined }): void {
    this.#span.setAttribute('dwcp.attempts', result.attempts);
    this.#span.setAttribute('dwcp.request_id', result.requestId);
    if (result.errorType !== undefined) {
      this.#span.setAttribute('error.type', result.errorType);
      this.#span.setStatus({ code: SpanStatusCode.ERROR });
    }
    this.#span.end();
  }
}

class OtelAttempt implements AttemptTrace {
  readonly #span: Span;

  constructor(span: Span) {
    this.#span = span;
  }

  inject(headers: Record<string, string>): void {
    const sc = this.#span.spanContext();
    if (!trace.isSpanContextValid(sc)) return; // a no-op tracer (no provider): nothing to propagate
    headers['traceparent'] =
      `00-${sc.traceId}-${sc.spanId}-${(sc.traceFlags & 0xff).toString(16).padStart(2, '0')}`;
    const state = sc.traceState?.serialize();
    if (state !== undefined && state !== '') headers['tracestate'] = state;
  }

  end(result: {
    status?: number | undefined;
    requestId: string;
    errorType?: string | undefined;
  }): void {
    if (result.status !== undefined)
      this.#span.setAttribute('http.response.status_code', result.status);
    this.#span.setAttribute('dwcp.request_id', result.requestId);
    if (result.errorType !== undefined) {
      this.#span.setAttribute('error.type', result.errorType);
      this.#span.setStatus({ code: SpanStatusCode.ERROR });
    }
    this.#span.end();
  }
}

export type { AttemptTrace, CallTrace, TracedCall, Tracing } from './runtime/tracing.js';
