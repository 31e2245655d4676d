// Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.

package dwcp

import "context"

// Connect authenticates the API key with the server (with the usual retries); calls made before
// it, or after Disconnect, fail with ErrNotConnected.
func (c *Client) Connect(ctx context.Context) error {
	_, err := c.createSession(ctx)
	if err != nil {
		return err
	}
	c.authenticated.Store(true)
	c.connected.Store(true)
	return nil
}
