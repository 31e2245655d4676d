package dwcp

import (
	"context"
	"net/http"
)

// probe checks that the server answers HTTP at all: Connect of a spec without a session operation
// (role: session) has no key to check, only reachability. Any response counts, whatever its status;
// a transport failure is the connection error. It is one attempt of the attempt loop, never retried.
func (c *Client) probe(ctx context.Context) error {
	r := &request{op: "connect", method: http.MethodHead, path: "/", public: true, probe: true}
	st := c.newCall(r)
	st.retries = 0
	ctx = c.callStart(ctx, &st.call)
	_, err := c.loop(ctx, st, nil)
	return c.finish(ctx, st, err)
}
