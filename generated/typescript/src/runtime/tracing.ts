// Code generated from templates/typescript/runtime/tracing.ts by generator/; DO NOT EDIT.
/**
 * The tracing integration point of the attempt loop. `@novacron/dwcp-sdk/otel` implements it on
 * OpenTelemetry (`otelTracing()`); the core package never imports a tracing library.
 */
export interface Tracing {
  /** A call begins: its span (kind INTERNAL, named by the operation id). */
  startCall(call: TracedCall): CallTrace;
}

/** What the call span is about. */
export interface TracedCall {
  /** The spec's operation id, e.g. `vm.get`. */
  readonly operation: string;
  readonly method: string;
  /** The path template, e.g. `/vms/{vm_id}`. */
  readonly template: string;
  readonly serverAddress: string;
  readonly serverPort: number;
  readonly requestId: string;
}

/** The span of one call. */
export interface CallTrace {
  /** An attempt begins: its child span (kind CLIENT). */
  startAttempt(attempt: number): AttemptTrace;
  /** The call ended: `errorType` is the error's code when it failed. */
  end(result: {
    readonly attempts: number;
    readonly requestId: string;
    readonly errorType?: string | undefined;
  }): void;
}

/** The span of one attempt. */
export interface AttemptTrace {
  /** Adds the attempt's W3C trace context (`traceparent`, and `tracestate` when set) to its headers. */
  inject(headers: Record<string, string>): void;
  /** The attempt ended: `status` when a response came, `errorType` (the error's code) when it failed. */
  end(result: {
    readonly status?: number | undefined;
    readonly requestId: string;
    readonly errorType?: string | undefined;
  }): void;
}
