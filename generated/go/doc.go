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
package dwcp

import "time"

// Version is the version of the API this SDK speaks.
const Version = "3.0.0"

// SpecHash is the SHA-256 of the spec/dwcp.yaml this SDK was generated from.
const SpecHash = "798ac4a235dd368cf51c593113f912f4aba38dfed7e46a5631f3ea4767afa74e"

const (
	userAgent            = "dwcp-sdk-go/3.0.0"
	basePath             = "/v3"
	attemptHeader        = "DWCP-Attempt"
	requestIDHeader      = "X-Request-ID"
	idempotencyKeyHeader = "Idempotency-Key"
	replayedHeader       = "Idempotent-Replayed"
	retryAfterMsHeader   = "Retry-After-Ms"
	maxBackoff           = 20 * time.Second
	maxRetryAfter        = 2 * time.Minute
)
