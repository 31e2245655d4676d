// Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.

package dwcp

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// Health reports whether the server is serving.
func (c *Client) Health(ctx context.Context, opts ...CallOption) (*HealthStatus, error) {
	o, err := newCallOptions(opts)
	if err != nil {
		return nil, err
	}
	req := &request{
		op:     "system.health",
		method: http.MethodGet,
		path:   "/health",
		tmpl:   "/health",
		opts:   o,
	}

	var out HealthStatus
	if err := c.call(ctx, req, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// createSession authenticates the API key; connect calls it.
func (c *Client) createSession(ctx context.Context, opts ...CallOption) (*SessionInfo, error) {
	o, err := newCallOptions(opts)
	if err != nil {
		return nil, err
	}
	req := &request{
		op:     "system.create_session",
		method: http.MethodPost,
		path:   "/session",
		tmpl:   "/session",
		opts:   o,
		public: true,
	}

	var out SessionInfo
	if err := c.call(ctx, req, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// VMClient makes the vm calls: virtual machines, their migrations, snapshots, metrics and events.
type VMClient struct{ c *Client }

// VM returns the client of vm calls.
func (c *Client) VM() *VMClient { return &VMClient{c: c} }

// Create creates a VM (placed on a node that fits) and returns it in state creating.
func (r *VMClient) Create(ctx context.Context, config VMConfig, opts ...CallOption) (*VM, error) {
	o, err := newCallOptions(opts)
	if err != nil {
		return nil, err
	}
	input := config
	if err := input.Validate(); err != nil {
		return nil, err
	}
	body, err := json.Marshal(input)
	if err != nil {
		return nil, invalidConfig("config", "cannot be encoded: "+err.Error())
	}
	req := &request{
		op:     "vm.create",
		method: http.MethodPost,
		path:   "/vms",
		tmpl:   "/vms",
		body:   body,
		keyed:  true,
		opts:   o,
	}

	var out VM
	if err := r.c.call(ctx, req, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// Get returns a VM.
func (r *VMClient) Get(ctx context.Context, vmID string, opts ...CallOption) (*VM, error) {
	o, err := newCallOptions(opts)
	if err != nil {
		return nil, err
	}
	if vmID == "" {
		return nil, invalidConfig("vm_id", "is required")
	}
	req := &request{
		op:     "vm.get",
		method: http.MethodGet,
		path:   "/vms/" + url.PathEscape(vmID),
		tmpl:   "/vms/{vm_id}",
		opts:   o,
	}

	var out VM
	if err := r.c.call(ctx, req, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// List lists VMs whose labels match all the given labels, page by page. It returns the items of every page.
func (r *VMClient) List(ctx context.Context, labels map[string]string, opts ...CallOption) ([]VM, error) {
	o, err := newCallOptions(opts)
	if err != nil {
		return nil, err
	}
	query := url.Values{}
	if len(labels) > 0 {
		query.Set("labels", queryMap(labels, queryString))
	}
	if o.pageSize > 0 {
		if o.pageSize < 1 {
			return nil, fieldError("page_size", fmt.Sprintf("must be at least 1, got %v", o.pageSize))
		}
		if o.pageSize > 1000 {
			return nil, fieldError("page_size", fmt.Sprintf("must be at most 1000, got %v", o.pageSize))
		}
	}
	req := &request{
		op:     "vm.list",
		method: http.MethodGet,
		path:   "/vms",
		tmpl:   "/vms",
		query:  query,
		opts:   o,
	}

	items := []VM{}
	err = paginate(func(token string) (string, error) {
		page := *req
		page.query = cloneQuery(req.query)
		if o.pageSize > 0 {
			page.query.Set("page_size", strconv.Itoa(o.pageSize))
		}
		if token != "" {
			page.query.Set("page_token", token)
		}
		var out VMList
		if err := r.c.call(ctx, &page, &out); err != nil {
			return "", err
		}
		items = append(items, out.VMs...)
		return out.NextPageToken, nil
	})
	if err != nil {
		return nil, err
	}
	return items, nil
}

// Start starts a stopped VM; starting a running VM is a no-op. It returns only an error;
// WithResult(&out) decodes the VM it answers.
func (r *VMClient) Start(ctx context.Context, vmID string, opts ...CallOption) error {
	o, err := newCallOptions(opts)
	if err != nil {
		return err
	}
	if vmID == "" {
		return invalidConfig("vm_id", "is required")
	}
	req := &request{
		op:     "vm.start",
		method: http.MethodPost,
		path:   "/vms/" + url.PathEscape(vmID) + "/start",
		tmpl:   "/vms/{vm_id}/start",
		opts:   o,
	}

	return r.c.call(ctx, req, nil)
}

// Stop stops a running VM, gracefully or by force; stopping a stopped VM is a no-op. It returns only an error;
// WithResult(&out) decodes the VM it answers.
func (r *VMClient) Stop(ctx context.Context, vmID string, force bool, opts ...CallOption) error {
	o, err := newCallOptions(opts)
	if err != nil {
		return err
	}
	if vmID == "" {
		return invalidConfig("vm_id", "is required")
	}
	input := StopRequest{Force: force}
	body, err := json.Marshal(input)
	if err != nil {
		return invalidConfig("body", "cannot be encoded: "+err.Error())
	}
	req := &request{
		op:     "vm.stop",
		method: http.MethodPost,
		path:   "/vms/" + url.PathEscape(vmID) + "/stop",
		tmpl:   "/vms/{vm_id}/stop",
		body:   body,
		opts:   o,
	}

	return r.c.call(ctx, req, nil)
}

// Destroy destroys a VM and its snapshots.
func (r *VMClient) Destroy(ctx context.Context, vmID string, opts ...CallOption) error {
	o, err := newCallOptions(opts)
	if err != nil {
		return err
	}
	if vmID == "" {
		return invalidConfig("vm_id", "is required")
	}
	req := &request{
		op:     "vm.destroy",
		method: http.MethodDelete,
		path:   "/vms/" + url.PathEscape(vmID),
		tmpl:   "/vms/{vm_id}",
		opts:   o,
	}

	return r.c.call(ctx, req, nil)
}

// Migrate starts moving a VM to another node; poll get_migration_status or wait for it.
func (r *VMClient) Migrate(ctx context.Context, vmID string, targetNode string, options MigrationOptions, opts ...CallOption) (*MigrationStatus, error) {
	o, err := newCallOptions(opts)
	if err != nil {
		return nil, err
	}
	if vmID == "" {
		return nil, invalidConfig("vm_id", "is required")
	}
	input := MigrateRequest{TargetNode: targetNode, Options: options}
	if err := input.Validate(); err != nil {
		return nil, err
	}
	body, err := json.Marshal(input)
	if err != nil {
		return nil, invalidConfig("body", "cannot be encoded: "+err.Error())
	}
	req := &request{
		op:     "vm.migrate",
		method: http.MethodPost,
		path:   "/vms/" + url.PathEscape(vmID) + "/migrations",
		tmpl:   "/vms/{vm_id}/migrations",
		body:   body,
		keyed:  true,
		opts:   o,
	}

	var out MigrationStatus
	if err := r.c.call(ctx, req, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// WaitMigration polls GetMigrationStatus until the operation Migrate started ends (1 s,
// then ×1.5 per poll, at most 20 s apart). ctx must carry a deadline; when it expires the result is
// the last status and a timeout error, and the operation goes on. A failed or cancelled end is
// returned with an ErrMigration.
func (r *VMClient) WaitMigration(ctx context.Context, migrationID string, opts ...CallOption) (*MigrationStatus, error) {
	poll := func(ctx context.Context) (*MigrationStatus, error) {
		return r.GetMigrationStatus(ctx, migrationID, opts...)
	}
	status, err := waitFor(ctx, "WaitMigration", poll, func(s *MigrationStatus) bool {
		switch s.State {
		case MigrationStateCompleted, MigrationStateFailed, MigrationStateCancelled:
			return true
		}
		return false
	})
	if err != nil {
		return status, err
	}
	switch status.State {
	case MigrationStateFailed, MigrationStateCancelled:
		e := newError(ErrMigration, "migration_failed", "the operation ended "+string(status.State))
		if status.Error != "" {
			e.Message += ": " + status.Error
		}
		return status, e
	}
	return status, nil
}

// GetMigrationStatus returns the progress of a migration.
func (r *VMClient) GetMigrationStatus(ctx context.Context, migrationID string, opts ...CallOption) (*MigrationStatus, error) {
	o, err := newCallOptions(opts)
	if err != nil {
		return nil, err
	}
	if migrationID == "" {
		return nil, invalidConfig("migration_id", "is required")
	}
	req := &request{
		op:     "vm.get_migration_status",
		method: http.MethodGet,
		path:   "/migrations/" + url.PathEscape(migrationID),
		tmpl:   "/migrations/{migration_id}",
		opts:   o,
	}

	var out MigrationStatus
	if err := r.c.call(ctx, req, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// CancelMigration cancels a migration; the VM stays on its source node.
func (r *VMClient) CancelMigration(ctx context.Context, migrationID string, opts ...CallOption) (*MigrationStatus, error) {
	o, err := newCallOptions(opts)
	if err != nil {
		return nil, err
	}
	if migrationID == "" {
		return nil, invalidConfig("migration_id", "is required")
	}
	req := &request{
		op:     "vm.cancel_migration",
		method: http.MethodPost,
		path:   "/migrations/" + url.PathEscape(migrationID) + "/cancel",
		tmpl:   "/migrations/{migration_id}/cancel",
		opts:   o,
	}

	var out MigrationStatus
	if err := r.c.call(ctx, req, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// Snapshot takes a snapshot of a VM.
func (r *VMClient) Snapshot(ctx context.Context, vmID string, name string, options SnapshotOptions, opts ...CallOption) (*Snapshot, error) {
	o, err := newCallOptions(opts)
	if err != nil {
		return nil, err
	}
	if vmID == "" {
		return nil, invalidConfig("vm_id", "is required")
	}
	input := SnapshotRequest{Name: name, Options: options}
	if err := input.Validate(); err != nil {
		return nil, err
	}
	body, err := json.Marshal(input)
	if err != nil {
		return nil, invalidConfig("body", "cannot be encoded: "+err.Error())
	}
	req := &request{
		op:     "vm.snapshot",
		method: http.MethodPost,
		path:   "/vms/" + url.PathEscape(vmID) + "/snapshots",
		tmpl:   "/vms/{vm_id}/snapshots",
		body:   body,
		keyed:  true,
		opts:   o,
	}

	var out Snapshot
	if err := r.c.call(ctx, req, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// ListSnapshots lists a VM's snapshots, page by page. It returns the items of every page.
func (r *VMClient) ListSnapshots(ctx context.Context, vmID string, opts ...CallOption) ([]Snapshot, error) {
	o, err := newCallOptions(opts)
	if err != nil {
		return nil, err
	}
	if vmID == "" {
		return nil, invalidConfig("vm_id", "is required")
	}
	query := url.Values{}
	if o.pageSize > 0 {
		if o.pageSize < 1 {
			return nil, fieldError("page_size", fmt.Sprintf("must be at least 1, got %v", o.pageSize))
		}
		if o.pageSize > 1000 {
			return nil, fieldError("page_size", fmt.Sprintf("must be at most 1000, got %v", o.pageSize))
		}
	}
	req := &request{
		op:     "vm.list_snapshots",
		method: http.MethodGet,
		path:   "/vms/" + url.PathEscape(vmID) + "/snapshots",
		tmpl:   "/vms/{vm_id}/snapshots",
		query:  query,
		opts:   o,
	}

	items := []Snapshot{}
	err = paginate(func(token string) (string, error) {
		page := *req
		page.query = cloneQuery(req.query)
		if o.pageSize > 0 {
			page.query.Set("page_size", strconv.Itoa(o.pageSize))
		}
		if token != "" {
			page.query.Set("page_token", token)
		}
		var out SnapshotList
		if err := r.c.call(ctx, &page, &out); err != nil {
			return "", err
		}
		items = append(items, out.Snapshots...)
		return out.NextPageToken, nil
	})
	if err != nil {
		return nil, err
	}
	return items, nil
}

// RestoreSnapshot restores a VM from one of its snapshots. It returns only an error;
// WithResult(&out) decodes the VM it answers.
func (r *VMClient) RestoreSnapshot(ctx context.Context, vmID string, snapshotID string, opts ...CallOption) error {
	o, err := newCallOptions(opts)
	if err != nil {
		return err
	}
	if vmID == "" {
		return invalidConfig("vm_id", "is required")
	}
	if snapshotID == "" {
		return invalidConfig("snapshot_id", "is required")
	}
	req := &request{
		op:     "vm.restore_snapshot",
		method: http.MethodPost,
		path:   "/vms/" + url.PathEscape(vmID) + "/snapshots/" + url.PathEscape(snapshotID) + "/restore",
		tmpl:   "/vms/{vm_id}/snapshots/{snapshot_id}/restore",
		keyed:  true,
		opts:   o,
	}

	return r.c.call(ctx, req, nil)
}

// DeleteSnapshot deletes a snapshot.
func (r *VMClient) DeleteSnapshot(ctx context.Context, snapshotID string, opts ...CallOption) error {
	o, err := newCallOptions(opts)
	if err != nil {
		return err
	}
	if snapshotID == "" {
		return invalidConfig("snapshot_id", "is required")
	}
	req := &request{
		op:     "vm.delete_snapshot",
		method: http.MethodDelete,
		path:   "/snapshots/" + url.PathEscape(snapshotID),
		tmpl:   "/snapshots/{snapshot_id}",
		opts:   o,
	}

	return r.c.call(ctx, req, nil)
}

// GetMetrics returns a VM's resource usage over a window (default 5 minutes).
func (r *VMClient) GetMetrics(ctx context.Context, vmID string, window string, opts ...CallOption) (*VMMetrics, error) {
	o, err := newCallOptions(opts)
	if err != nil {
		return nil, err
	}
	if vmID == "" {
		return nil, invalidConfig("vm_id", "is required")
	}
	query := url.Values{}
	if window != "" {
		d, err := parseDurationString("window", window)
		if err != nil {
			return nil, err
		}
		if d < 1*time.Millisecond {
			return nil, fieldError("window", fmt.Sprintf("must be at least 1ms, got %v", d))
		}
		if d > 720*time.Hour {
			return nil, fieldError("window", fmt.Sprintf("must be at most 2592000000ms, got %v", d))
		}
		query.Set("window", queryDuration(d))
	}
	req := &request{
		op:     "vm.get_metrics",
		method: http.MethodGet,
		path:   "/vms/" + url.PathEscape(vmID) + "/metrics",
		tmpl:   "/vms/{vm_id}/metrics",
		query:  query,
		opts:   o,
	}

	var out VMMetrics
	if err := r.c.call(ctx, req, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// StreamMetricsStream streams a VM's metrics, one sample per interval (default 1 s). Range over the returned stream's C; Err
// reports why it ended. Dropped connections resume with Last-Event-ID, without loss or repeats.
func (r *VMClient) StreamMetricsStream(ctx context.Context, vmID string, interval time.Duration, opts ...CallOption) (*Stream[VMMetrics], error) {
	o, err := newCallOptions(opts)
	if err != nil {
		return nil, err
	}
	if vmID == "" {
		return nil, invalidConfig("vm_id", "is required")
	}
	query := url.Values{}
	if interval != 0 && interval < 1*time.Millisecond {
		return nil, fieldError("interval", fmt.Sprintf("must be at least 1ms, got %v", interval))
	}
	if interval > 1*time.Hour {
		return nil, fieldError("interval", fmt.Sprintf("must be at most 3600000ms, got %v", interval))
	}
	if interval != 0 {
		query.Set("interval", queryDuration(interval))
	}
	req := &request{
		op:     "vm.stream_metrics",
		method: http.MethodGet,
		path:   "/vms/" + url.PathEscape(vmID) + "/metrics/stream",
		tmpl:   "/vms/{vm_id}/metrics/stream",
		query:  query,
		opts:   o,
	}

	return openStream[VMMetrics](ctx, r.c, req)
}

// StreamMetrics streams a VM's metrics, one sample per interval (default 1 s). The channel is closed when the stream ends (cancel
// ctx to stop it); use StreamMetricsStream to learn why it ended.
func (r *VMClient) StreamMetrics(ctx context.Context, vmID string, interval time.Duration, opts ...CallOption) (<-chan VMMetrics, error) {
	s, err := r.StreamMetricsStream(ctx, vmID, interval, opts...)
	if err != nil {
		return nil, err
	}
	return s.C, nil
}

// WatchStream streams a VM's retained events, then new ones as they happen (follow: false ends after the backlog). Range over the returned stream's C; Err
// reports why it ended. Dropped connections resume with Last-Event-ID, without loss or repeats.
func (r *VMClient) WatchStream(ctx context.Context, vmID string, opts ...CallOption) (*Stream[VMEvent], error) {
	o, err := newCallOptions(opts, "since", "follow")
	if err != nil {
		return nil, err
	}
	if vmID == "" {
		return nil, invalidConfig("vm_id", "is required")
	}
	query := url.Values{}
	if v, ok := o.inputs["since"].(int64); ok {
		if v < 0 {
			return nil, fieldError("since", fmt.Sprintf("must be at least 0, got %v", v))
		}
		query.Set("since", queryInt64(v))
	}
	if v, ok := o.inputs["follow"].(bool); ok {
		query.Set("follow", queryBool(v))
	}
	req := &request{
		op:     "vm.watch",
		method: http.MethodGet,
		path:   "/vms/" + url.PathEscape(vmID) + "/events",
		tmpl:   "/vms/{vm_id}/events",
		query:  query,
		opts:   o,
	}

	return openStream[VMEvent](ctx, r.c, req)
}

// Watch streams a VM's retained events, then new ones as they happen (follow: false ends after the backlog). The channel is closed when the stream ends (cancel
// ctx to stop it); use WatchStream to learn why it ended.
func (r *VMClient) Watch(ctx context.Context, vmID string, opts ...CallOption) (<-chan VMEvent, error) {
	s, err := r.WatchStream(ctx, vmID, opts...)
	if err != nil {
		return nil, err
	}
	return s.C, nil
}

// WithSince sets the optional since input of VMClient.Watch:
// resume after this event id (the Last-Event-ID); 0 replays the retained log.
func WithSince(since int64) CallOption {
	return func(o *callOptions) { o.setInput("since", since) }
}

// WithFollow sets the optional follow input of VMClient.Watch:
// keep the stream open for new events (default true).
func WithFollow(follow bool) CallOption {
	return func(o *callOptions) { o.setInput("follow", follow) }
}

// Patterns of the spec's query parameter constraints.
var ()
