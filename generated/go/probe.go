// Code generated from templates/go/runtime/probe.go by generator/; DO NOT EDIT.

package dwcp

import (
	"context"
	"net/http"
)

// probe checks that the server answers HTTP at all: Connect of a spec without a session operation
// (role: session) has no key to check, only reachability. Any response counts, whatever its status;
// a transport failure is the connection error.
func (c *Client) probe(ctx context.Context) error {
	r := &request{op: "connect", method: http.MethodHead, path: "/", public: true}
	requestID := newUUID()
	_, buf, err := c.attempt(ctx, r, r.url(c.base), requestID, "", 1)
	switch {
	case err != nil && ctx.Err() != nil:
		return c.contextError(ctx, r, requestID, "", 1, err)
	case err != nil:
		e := transportError(err)
		e.RequestID, e.Attempts = requestID, 1
		return e
	}
	putBuffer(buf)
	return nil
}
