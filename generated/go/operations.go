// Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.

package dwcp

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
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

// List lists VMs whose labels match all the given labels, page by page. It returns the items of every page; ListIter hands them out as the
// pages arrive.
func (r *VMClient) List(ctx context.Context, labels map[string]string, opts ...CallOption) ([]VM, error) {
	items := []VM{}
	for item, err := range r.ListIter(ctx, labels, opts...) {
		if err != nil {
			return nil, err
		}
		items = append(items, item)
	}
	return items, nil
}

// ListIter lists VMs whose labels match all the given labels, page by page. It hands out the items as the pages arrive: a page is
// fetched only once the loop has taken every item of the one before, so breaking out of the loop
// fetches no further page. An error is yielded once, and ends the iteration.
func (r *VMClient) ListIter(ctx context.Context, labels map[string]string, opts ...CallOption) iter.Seq2[VM, error] {
	return func(yield func(VM, error) bool) {
		req, o, err := r.listRequest(labels, opts)
		if err != nil {
			yield(VM{}, err)
			return
		}
		pages(yield, func(token string) ([]VM, string, error) {
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
				return nil, "", err
			}
			return out.VMs, out.NextPageToken, nil
		})
	}
}

// listRequest checks the inputs of List and builds its request.
func (r *VMClient) listRequest(labels map[string]string, opts []CallOption) (*request, callOptions, error) {
	o, err := newCallOptions(opts)
	if err != nil {
		return nil, callOptions{}, err
	}
	query := url.Values{}
	if len(labels) > 0 {
		query.Set("labels", queryMap(labels, queryString))
	}
	if o.pageSize > 0 {
		if o.pageSize < 1 {
			return nil, callOptions{}, fieldError("page_size", fmt.Sprintf("must be at least 1, got %v", o.pageSize))
		}
		if o.pageSize > 1000 {
			return nil, callOptions{}, fieldError("page_size", fmt.Sprintf("must be at most 1000, got %v", o.pageSize))
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

	return req, o, nil
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

// ListSnapshots lists a VM's snapshots, page by page. It returns the items of every page; ListSnapshotsIter hands them out as the
// pages arrive.
func (r *VMClient) ListSnapshots(ctx context.Context, vmID string, opts ...CallOption) ([]Snapshot, error) {
	items := []Snapshot{}
	for item, err := range r.ListSnapshotsIter(ctx, vmID, opts...) {
		if err != nil {
			return nil, err
		}
		items = append(items, item)
	}
	return items, nil
}

// ListSnapshotsIter lists a VM's snapshots, page by page. It hands out the items as the pages arrive: a page is
// fetched only once the loop has taken every item of the one before, so breaking out of the loop
// fetches no further page. An error is yielded once, and ends the iteration.
func (r *VMClient) ListSnapshotsIter(ctx context.Context, vmID string, opts ...CallOption) iter.Seq2[Snapshot, error] {
	return func(yield func(Snapshot, error) bool) {
		req, o, err := r.listSnapshotsRequest(vmID, opts)
		if err != nil {
			yield(Snapshot{}, err)
			return
		}
		pages(yield, func(token string) ([]Snapshot, string, error) {
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
				return nil, "", err
			}
			return out.Snapshots, out.NextPageToken, nil
		})
	}
}

// listSnapshotsRequest checks the inputs of ListSnapshots and builds its request.
func (r *VMClient) listSnapshotsRequest(vmID string, opts []CallOption) (*request, callOptions, error) {
	o, err := newCallOptions(opts)
	if err != nil {
		return nil, callOptions{}, err
	}
	if vmID == "" {
		return nil, callOptions{}, invalidConfig("vm_id", "is required")
	}
	query := url.Values{}
	if o.pageSize > 0 {
		if o.pageSize < 1 {
			return nil, callOptions{}, fieldError("page_size", fmt.Sprintf("must be at least 1, got %v", o.pageSize))
		}
		if o.pageSize > 1000 {
			return nil, callOptions{}, fieldError("page_size", fmt.Sprintf("must be at most 1000, got %v", o.pageSize))
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

	return req, o, nil
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
		event:  "metrics",
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
		event:  "vm_event",
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

// WaitUntilRunning waits until the VM runs; a VM that ends in error fails the wait. It polls Get: the first poll at once,
// then 200 ms to 5000 ms apart (growing, with jitter), for at most 300 s
// (WithMaxWait changes it; its expiry is a TimeoutError of code wait_timeout and changes nothing
// on the server). The opts apply to every poll. On a failure the last status
// is returned with the error.
func (r *VMClient) WaitUntilRunning(ctx context.Context, vmID string, opts ...CallOption) (*VM, error) {
	var last *VM
	err := r.c.wait(ctx, waitSpec{op: "vm.wait_until_running", minDelay: 200 * time.Millisecond, maxDelay: 5 * time.Second, maxWait: 5 * time.Minute}, opts, func(ctx context.Context) (bool, error) {
		out, err := r.Get(ctx, vmID, opts...)
		if err != nil {
			return false, err
		}
		last = out
		switch out.State {
		case VMStateRunning:
			return true, nil
		}
		switch out.State {
		case VMStateError:
			e := waiterFailure(ErrWaiter, "waiter_failed", "vm.wait_until_running", fmt.Sprint(out.State))
			return true, e
		}
		return false, nil
	})
	if err != nil {
		return last, err
	}
	return last, nil
}

// WaitUntilStopped waits until the VM is stopped; a VM that ends in error fails the wait. It polls Get: the first poll at once,
// then 200 ms to 5000 ms apart (growing, with jitter), for at most 300 s
// (WithMaxWait changes it; its expiry is a TimeoutError of code wait_timeout and changes nothing
// on the server). The opts apply to every poll. On a failure the last status
// is returned with the error.
func (r *VMClient) WaitUntilStopped(ctx context.Context, vmID string, opts ...CallOption) (*VM, error) {
	var last *VM
	err := r.c.wait(ctx, waitSpec{op: "vm.wait_until_stopped", minDelay: 200 * time.Millisecond, maxDelay: 5 * time.Second, maxWait: 5 * time.Minute}, opts, func(ctx context.Context) (bool, error) {
		out, err := r.Get(ctx, vmID, opts...)
		if err != nil {
			return false, err
		}
		last = out
		switch out.State {
		case VMStateStopped:
			return true, nil
		}
		switch out.State {
		case VMStateError:
			e := waiterFailure(ErrWaiter, "waiter_failed", "vm.wait_until_stopped", fmt.Sprint(out.State))
			return true, e
		}
		return false, nil
	})
	if err != nil {
		return last, err
	}
	return last, nil
}

// WaitUntilDestroyed waits until the VM is gone (get answers vm_not_found). It polls Get: the first poll at once,
// then 200 ms to 5000 ms apart (growing, with jitter), for at most 300 s
// (WithMaxWait changes it; its expiry is a TimeoutError of code wait_timeout and changes nothing
// on the server). The opts apply to every poll.
func (r *VMClient) WaitUntilDestroyed(ctx context.Context, vmID string, opts ...CallOption) error {
	err := r.c.wait(ctx, waitSpec{op: "vm.wait_until_destroyed", minDelay: 200 * time.Millisecond, maxDelay: 5 * time.Second, maxWait: 5 * time.Minute}, opts, func(ctx context.Context) (bool, error) {
		_, err := r.Get(ctx, vmID, opts...)
		if err != nil {
			if errorCode(err) == "vm_not_found" {
				return true, nil
			}
			return false, err
		}
		return false, nil
	})
	return err
}

// WaitMigration waits until a migration ends; failed or cancelled raise MigrationError with the status's error text. It polls GetMigrationStatus: the first poll at once,
// then 1000 ms to 20000 ms apart (growing, with jitter), for at most 3600 s
// (WithMaxWait changes it; its expiry is a TimeoutError of code wait_timeout and changes nothing
// on the server). The opts apply to every poll. On a failure the last status
// is returned with the error.
func (r *VMClient) WaitMigration(ctx context.Context, migrationID string, opts ...CallOption) (*MigrationStatus, error) {
	var last *MigrationStatus
	err := r.c.wait(ctx, waitSpec{op: "vm.wait_for_migration", minDelay: 1 * time.Second, maxDelay: 20 * time.Second, maxWait: 1 * time.Hour}, opts, func(ctx context.Context) (bool, error) {
		out, err := r.GetMigrationStatus(ctx, migrationID, opts...)
		if err != nil {
			return false, err
		}
		last = out
		switch out.State {
		case MigrationStateCompleted:
			return true, nil
		}
		switch out.State {
		case MigrationStateFailed, MigrationStateCancelled:
			e := waiterFailure(ErrMigration, "migration_failed", "vm.wait_for_migration", fmt.Sprint(out.State))
			if out.Error != "" {
				e.Message += ": " + out.Error
			}
			return true, e
		}
		return false, nil
	})
	if err != nil {
		return last, err
	}
	return last, nil
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
