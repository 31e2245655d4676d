// Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.

package dwcp

// The catalogue's sentinels: match them with errors.Is; errors.As(err, &e) with e *Error gives the
// evidence (status, code, request id, attempts, retry-after).
var (
	// ErrConnection: The server could not be reached or is unavailable. (HTTP 503)
	ErrConnection error = &kind{name: "ConnectionError", text: "connection", status: 503, retry: retryAlways}
	// ErrNotConnected: An operation was called before connect or after disconnect.
	ErrNotConnected error = &kind{name: "NotConnectedError", text: "not connected", parent: ErrConnection, retry: retryNever}
	// ErrAuthFailed: The API key is missing or wrong. (HTTP 401)
	ErrAuthFailed error = &kind{name: "AuthenticationError", text: "authentication", status: 401, retry: retryNever}
	// ErrVMNotFound: The VM (or its snapshot or migration) does not exist. (HTTP 404)
	ErrVMNotFound error = &kind{name: "VMNotFoundError", text: "vm not found", status: 404, retry: retryNever}
	// ErrTimeout: The operation did not finish in time. (HTTP 504)
	ErrTimeout error = &kind{name: "TimeoutError", text: "timeout", status: 504, retry: retryAlways}
	// ErrInvalidOperation: The request is not valid in the VM's current state, or malformed. (HTTP 400)
	ErrInvalidOperation error = &kind{name: "InvalidOperationError", text: "invalid operation", status: 400, retry: retryNever}
	// ErrInvalidConfig: A value breaks the spec's constraints; found before any request was sent.
	ErrInvalidConfig error = &kind{name: "ValidationError", text: "validation", parent: ErrInvalidOperation, retry: retryNever}
	// ErrResourceLimit: No capacity, or too many requests or streams. (HTTP 429)
	ErrResourceLimit error = &kind{name: "ResourceLimitError", text: "resource limit", status: 429, retry: retryAfterRetryAfter}
	// ErrMigration: The migration failed. (HTTP 500)
	ErrMigration error = &kind{name: "MigrationError", text: "migration", status: 500, retry: retryWithIdempotencyKey}
	// ErrInternal: The server failed in a way no other entry describes. (HTTP 500)
	ErrInternal error = &kind{name: "InternalError", text: "internal", status: 500, retry: retryWithIdempotencyKey}
	// ErrHook: A hook the caller installed raised; an attempt it ran before was not sent, and the call stops.
	ErrHook error = &kind{name: "HookError", text: "hook", retry: retryNever}
	// ErrWaiter: A waiter reached a state it cannot leave successfully (a failure acceptor matched); the error names the state.
	ErrWaiter error = &kind{name: "WaiterError", text: "waiter", retry: retryNever}
)

// kindsByType finds a sentinel by the catalogue name of an error body.
var kindsByType = map[string]*kind{
	"ConnectionError":       ErrConnection.(*kind),
	"NotConnectedError":     ErrNotConnected.(*kind),
	"AuthenticationError":   ErrAuthFailed.(*kind),
	"VMNotFoundError":       ErrVMNotFound.(*kind),
	"TimeoutError":          ErrTimeout.(*kind),
	"InvalidOperationError": ErrInvalidOperation.(*kind),
	"ValidationError":       ErrInvalidConfig.(*kind),
	"ResourceLimitError":    ErrResourceLimit.(*kind),
	"MigrationError":        ErrMigration.(*kind),
	"InternalError":         ErrInternal.(*kind),
	"HookError":             ErrHook.(*kind),
	"WaiterError":           ErrWaiter.(*kind),
}

// kindsByStatus finds a sentinel by HTTP status when the body names no known type.
var kindsByStatus = map[int]*kind{
	400: ErrInvalidOperation.(*kind),
	401: ErrAuthFailed.(*kind),
	403: ErrAuthFailed.(*kind),
	404: ErrVMNotFound.(*kind),
	405: ErrInvalidOperation.(*kind),
	408: ErrTimeout.(*kind),
	409: ErrInvalidOperation.(*kind),
	413: ErrInvalidOperation.(*kind),
	414: ErrInvalidOperation.(*kind),
	415: ErrInvalidOperation.(*kind),
	422: ErrInvalidOperation.(*kind),
	429: ErrResourceLimit.(*kind),
	431: ErrInvalidOperation.(*kind),
	500: ErrInternal.(*kind),
	501: ErrInternal.(*kind),
	503: ErrConnection.(*kind),
	504: ErrTimeout.(*kind),
}

// codeRetry holds the codes whose retry class differs from their entry's.
var codeRetry = map[string]retryClass{
	"malformed_response":     retryNever,
	"response_too_large":     retryNever,
	"tls_failed":             retryNever,
	"wait_timeout":           retryNever,
	"idempotency_key_in_use": retryAlways,
	"not_converging":         retryNever,
	"not_implemented":        retryNever,
}

// codeKinds finds the catalogue entry of a wire code; the runtime raises its own errors by code.
var codeKinds = map[string]*kind{
	"unavailable":            ErrConnection.(*kind),
	"too_many_connections":   ErrConnection.(*kind),
	"connection_refused":     ErrConnection.(*kind),
	"connection_reset":       ErrConnection.(*kind),
	"malformed_response":     ErrConnection.(*kind),
	"response_too_large":     ErrConnection.(*kind),
	"tls_failed":             ErrConnection.(*kind),
	"not_connected":          ErrNotConnected.(*kind),
	"unauthenticated":        ErrAuthFailed.(*kind),
	"forbidden_origin":       ErrAuthFailed.(*kind),
	"vm_not_found":           ErrVMNotFound.(*kind),
	"snapshot_not_found":     ErrVMNotFound.(*kind),
	"migration_not_found":    ErrVMNotFound.(*kind),
	"route_not_found":        ErrVMNotFound.(*kind),
	"deadline_exceeded":      ErrTimeout.(*kind),
	"request_timeout":        ErrTimeout.(*kind),
	"client_timeout":         ErrTimeout.(*kind),
	"wait_timeout":           ErrTimeout.(*kind),
	"invalid_argument":       ErrInvalidOperation.(*kind),
	"invalid_state":          ErrInvalidOperation.(*kind),
	"method_not_allowed":     ErrInvalidOperation.(*kind),
	"payload_too_large":      ErrInvalidOperation.(*kind),
	"uri_too_long":           ErrInvalidOperation.(*kind),
	"unsupported_media_type": ErrInvalidOperation.(*kind),
	"headers_too_large":      ErrInvalidOperation.(*kind),
	"migration_in_progress":  ErrInvalidOperation.(*kind),
	"idempotency_key_reused": ErrInvalidOperation.(*kind),
	"idempotency_key_in_use": ErrInvalidOperation.(*kind),
	"validation_failed":      ErrInvalidConfig.(*kind),
	"resource_exhausted":     ErrResourceLimit.(*kind),
	"too_many_streams":       ErrResourceLimit.(*kind),
	"rate_limited":           ErrResourceLimit.(*kind),
	"migration_failed":       ErrMigration.(*kind),
	"not_converging":         ErrMigration.(*kind),
	"internal":               ErrInternal.(*kind),
	"not_implemented":        ErrInternal.(*kind),
	"hook_failed":            ErrHook.(*kind),
	"waiter_failed":          ErrWaiter.(*kind),
}

// defaultCode is the code of an error raised without one.
var defaultCode = map[*kind]string{
	ErrConnection.(*kind):       "unavailable",
	ErrNotConnected.(*kind):     "not_connected",
	ErrAuthFailed.(*kind):       "unauthenticated",
	ErrVMNotFound.(*kind):       "vm_not_found",
	ErrTimeout.(*kind):          "deadline_exceeded",
	ErrInvalidOperation.(*kind): "invalid_argument",
	ErrInvalidConfig.(*kind):    "validation_failed",
	ErrResourceLimit.(*kind):    "resource_exhausted",
	ErrMigration.(*kind):        "migration_failed",
	ErrInternal.(*kind):         "internal",
	ErrHook.(*kind):             "hook_failed",
	ErrWaiter.(*kind):           "waiter_failed",
}
