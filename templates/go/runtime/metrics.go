package dwcp

import "sync/atomic"

// ClientMetrics counts a client's traffic since it was created.
type ClientMetrics struct {
	// MessagesSent counts requests sent (every attempt and stream connection).
	MessagesSent uint64
	// MessagesReceived counts responses and stream events received.
	MessagesReceived uint64
	// BytesSent counts request body bytes.
	BytesSent uint64
	// BytesReceived counts response body bytes.
	BytesReceived uint64
	// ErrorsTotal counts calls (and streams) that ended with an error.
	ErrorsTotal uint64
	// RetryTokens is what is left of the client's retry budget (0 when the budget is off).
	RetryTokens int
}

// counters are the live, atomically updated ClientMetrics.
type counters struct {
	messagesSent, messagesReceived, bytesSent, bytesReceived, errorsTotal atomic.Uint64
}

func (c *counters) snapshot() ClientMetrics {
	return ClientMetrics{
		MessagesSent:     c.messagesSent.Load(),
		MessagesReceived: c.messagesReceived.Load(),
		BytesSent:        c.bytesSent.Load(),
		BytesReceived:    c.bytesReceived.Load(),
		ErrorsTotal:      c.errorsTotal.Load(),
	}
}
