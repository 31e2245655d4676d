// Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.

package dwcp

import "context"

// Connect authenticates the API key with the server (with the usual retries); calls made before
// it, or after Disconnect, fail with ErrNotConnected.
func (c *Client) Connect(ctx context.Context) error {
	info, err := c.System().createSession(ctx)
	if err != nil {
		return err
	}
	c.authenticated.Store(info.Authenticated)
	c.connected.Store(true)
	return nil
}

// Health reports whether the server is serving (a shortcut for client.System().Health).
func (c *Client) Health(ctx context.Context) (*HealthStatus, error) {
	return c.System().Health(ctx)
}
