// Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.

// Package dwcp is the Go SDK of DWCP v3: a blocking client with context
// deadlines, automatic retries with full-jitter backoff, idempotency keys, resumable event
// streams delivered as channels, and typed errors for errors.Is and errors.As.
//
//	config := dwcp.DefaultConfig()
//	config.Address = "localhost"
//	client, err := dwcp.NewClient(config)
//	if err != nil {
//		log.Fatal(err)
//	}
//	defer client.Disconnect()
//	if err := client.Connect(ctx); err != nil {
//		log.Fatal(err)
//	}
//	vmClient := client.VM()
//
// The client itself offers Health; each
// resource has its own client: client.VM().
// Optional inputs are CallOptions (With<Name>), so a new optional input never changes a signature.
// Every request goes through one attempt loop that hooks (WithHooks), log/slog records (DWCP_LOG,
// WithLogger) and OpenTelemetry tracing (the separate module dwcpotel) see; per-call options
// (WithRequestTimeout, WithRetryAttempts, WithHeader, WithResponseInto) override the client's
// configuration for one call. Retries draw on a per-client retry budget (ClientConfig.RetryBudget),
// spec-declared waiters poll until a state (WaitUntilRunning, ...), and every paginated call has a
// lazy Iter twin returning iter.Seq2.
package dwcp

import "time"

// Version is the version of the API this SDK speaks.
const Version = "3.0.0"

// SpecHash is the SHA-256 of the spec/dwcp.yaml this SDK was generated from.
const SpecHash = "aa96c22ea3954d46b655349271ebb891906bc4f450b212e94d4c6155bc72b0d4"

const (
	basePath             = "/v3"
	attemptHeader        = "DWCP-Attempt"
	requestIDHeader      = "X-Request-ID"
	idempotencyKeyHeader = "Idempotency-Key"
	replayedHeader       = "Idempotent-Replayed"
	retryAfterMsHeader   = "Retry-After-Ms"
	maxBackoff           = 20 * time.Second
	maxRetryAfter        = 2 * time.Minute
)

// secretFields are the wire names of the fields the spec marks secret: their values are redacted
// in logged bodies.
var secretFields = map[string]bool{}
