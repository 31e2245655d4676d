// Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	dwcp "github.com/novacron/dwcp-sdk-go"
)

// features are the spec's features the Go SDK offers.
var features = []string{
	"sync_client",
	"async_client",
	"vm_management",
	"live_migration",
	"snapshots",
	"realtime_metrics",
	"event_streaming",
	"stream_resume",
	"tls",
	"connection_pooling",
	"automatic_retry",
	"idempotency",
	"client_validation",
	"health_checking",
	"hooks",
	"logging",
	"tracing",
	"per_call_options",
	"raw_responses",
	"user_agent",
	"retry_budget",
	"waiters",
	"lazy_pagination",
	"cancellation",
}

// errValidation is the catalogue entry of client-side validation (code validation_failed).
var errValidation = dwcp.ErrInvalidConfig

// validationType is its catalogue name on the wire.
const validationType = "ValidationError"

// applyConfig copies the wire form of a ClientConfig onto config (durations in ms).
func applyConfig(config *dwcp.ClientConfig, wire map[string]any) error {
	if v, ok := wire["address"]; ok && v != nil {
		s, ok := v.(string)
		if !ok {
			return fmt.Errorf("address: want a string, got %T", v)
		}
		config.Address = s
	}
	if v, ok := wire["port"]; ok && v != nil {
		x, ok := v.(float64)
		if !ok {
			return fmt.Errorf("port: want a number, got %T", v)
		}
		config.Port = int(x)
	}
	if v, ok := wire["api_key"]; ok && v != nil {
		s, ok := v.(string)
		if !ok {
			return fmt.Errorf("api_key: want a string, got %T", v)
		}
		config.APIKey = s
	}
	if v, ok := wire["tls_enabled"]; ok && v != nil {
		b, ok := v.(bool)
		if !ok {
			return fmt.Errorf("tls_enabled: want a bool, got %T", v)
		}
		config.TLSEnabled = b
	}
	if v, ok := wire["connect_timeout"]; ok && v != nil {
		x, ok := v.(float64)
		if !ok {
			return fmt.Errorf("connect_timeout: want a number, got %T", v)
		}
		config.ConnectTimeout = time.Duration(x * float64(time.Millisecond))
	}
	if v, ok := wire["request_timeout"]; ok && v != nil {
		x, ok := v.(float64)
		if !ok {
			return fmt.Errorf("request_timeout: want a number, got %T", v)
		}
		config.RequestTimeout = time.Duration(x * float64(time.Millisecond))
	}
	if v, ok := wire["retry_attempts"]; ok && v != nil {
		x, ok := v.(float64)
		if !ok {
			return fmt.Errorf("retry_attempts: want a number, got %T", v)
		}
		config.RetryAttempts = int(x)
	}
	if v, ok := wire["retry_backoff"]; ok && v != nil {
		x, ok := v.(float64)
		if !ok {
			return fmt.Errorf("retry_backoff: want a number, got %T", v)
		}
		config.RetryBackoff = time.Duration(x * float64(time.Millisecond))
	}
	if v, ok := wire["keep_alive"]; ok && v != nil {
		b, ok := v.(bool)
		if !ok {
			return fmt.Errorf("keep_alive: want a bool, got %T", v)
		}
		config.KeepAlive = b
	}
	if v, ok := wire["keep_alive_period"]; ok && v != nil {
		x, ok := v.(float64)
		if !ok {
			return fmt.Errorf("keep_alive_period: want a number, got %T", v)
		}
		config.KeepAlivePeriod = time.Duration(x * float64(time.Millisecond))
	}
	if v, ok := wire["max_streams"]; ok && v != nil {
		x, ok := v.(float64)
		if !ok {
			return fmt.Errorf("max_streams: want a number, got %T", v)
		}
		config.MaxStreams = int(x)
	}
	if v, ok := wire["buffer_size"]; ok && v != nil {
		x, ok := v.(float64)
		if !ok {
			return fmt.Errorf("buffer_size: want a number, got %T", v)
		}
		config.BufferSize = int(x)
	}
	if block, ok := wire["retry_budget"].(map[string]any); ok {
		if v, ok := block["capacity"].(float64); ok {
			config.RetryBudget.Capacity = int(v)
		}
		if v, ok := block["retry_cost"].(float64); ok {
			config.RetryBudget.RetryCost = int(v)
		}
		if v, ok := block["timeout_retry_cost"].(float64); ok {
			config.RetryBudget.TimeoutRetryCost = int(v)
		}
		if v, ok := block["success_refund"].(float64); ok {
			config.RetryBudget.SuccessRefund = int(v)
		}
	}
	return nil
}

// firstMS is the first of the protocol's millisecond values that is present.
func firstMS(a, b *int64) *int64 {
	if a != nil {
		return a
	}
	return b
}

// callOp runs one `call` op through the SDK's public API and returns its result in wire form.
// extra are the call's options from the protocol (timeout, retries, headers, raw response).
func callOp(ctx context.Context, c *dwcp.Client, op string, raw json.RawMessage, extra []dwcp.CallOption) (any, error) {
	switch op {
	case "system.health":
		var a struct {
		}
		if err := json.Unmarshal(raw, &a); err != nil {
			return nil, argError(err)
		}
		opts := append([]dwcp.CallOption{}, extra...)

		out, err := c.Health(ctx, opts...)
		if err != nil {
			return nil, err
		}
		return out, nil

	case "vm.create":
		var a struct {
			Config dwcp.VMConfig `json:"config"`
		}
		if err := json.Unmarshal(raw, &a); err != nil {
			return nil, argError(err)
		}
		opts := append([]dwcp.CallOption{}, extra...)

		out, err := c.VM().Create(ctx, a.Config, opts...)
		if err != nil {
			return nil, err
		}
		return out, nil

	case "vm.get":
		var a struct {
			VMID string `json:"vm_id"`
		}
		if err := json.Unmarshal(raw, &a); err != nil {
			return nil, argError(err)
		}
		opts := append([]dwcp.CallOption{}, extra...)

		out, err := c.VM().Get(ctx, a.VMID, opts...)
		if err != nil {
			return nil, err
		}
		return out, nil

	case "vm.list":
		var a struct {
			Labels   map[string]string `json:"labels"`
			PageSize *int              `json:"page_size"`
			Take     *int              `json:"take"`
		}
		if err := json.Unmarshal(raw, &a); err != nil {
			return nil, argError(err)
		}
		opts := append([]dwcp.CallOption{}, extra...)
		if a.PageSize != nil {
			opts = append(opts, dwcp.WithPageSize(*a.PageSize))
		}

		if a.Take != nil {
			items := []any{}
			if *a.Take <= 0 {
				return items, nil
			}
			for item, err := range c.VM().ListIter(ctx, a.Labels, opts...) {
				if err != nil {
					return nil, err
				}
				items = append(items, item)
				if len(items) == *a.Take {
					break // the idiomatic early exit: no further page is fetched
				}
			}
			return items, nil
		}
		out, err := c.VM().List(ctx, a.Labels, opts...)
		if err != nil {
			return nil, err
		}
		return out, nil

	case "vm.start":
		var a struct {
			VMID string `json:"vm_id"`
		}
		if err := json.Unmarshal(raw, &a); err != nil {
			return nil, argError(err)
		}
		opts := append([]dwcp.CallOption{}, extra...)

		var out dwcp.VM
		opts = append(opts, dwcp.WithResult(&out))
		if err := c.VM().Start(ctx, a.VMID, opts...); err != nil {
			return nil, err
		}
		return &out, nil

	case "vm.stop":
		var a struct {
			VMID  string `json:"vm_id"`
			Force bool   `json:"force"`
		}
		if err := json.Unmarshal(raw, &a); err != nil {
			return nil, argError(err)
		}
		opts := append([]dwcp.CallOption{}, extra...)

		var out dwcp.VM
		opts = append(opts, dwcp.WithResult(&out))
		if err := c.VM().Stop(ctx, a.VMID, a.Force, opts...); err != nil {
			return nil, err
		}
		return &out, nil

	case "vm.destroy":
		var a struct {
			VMID string `json:"vm_id"`
		}
		if err := json.Unmarshal(raw, &a); err != nil {
			return nil, argError(err)
		}
		opts := append([]dwcp.CallOption{}, extra...)

		return nil, c.VM().Destroy(ctx, a.VMID, opts...)

	case "vm.migrate":
		var a struct {
			VMID       string                `json:"vm_id"`
			TargetNode string                `json:"target_node"`
			Options    dwcp.MigrationOptions `json:"options"`
		}
		if err := json.Unmarshal(raw, &a); err != nil {
			return nil, argError(err)
		}
		opts := append([]dwcp.CallOption{}, extra...)

		out, err := c.VM().Migrate(ctx, a.VMID, a.TargetNode, a.Options, opts...)
		if err != nil {
			return nil, err
		}
		return out, nil

	case "vm.get_migration_status":
		var a struct {
			MigrationID string `json:"migration_id"`
		}
		if err := json.Unmarshal(raw, &a); err != nil {
			return nil, argError(err)
		}
		opts := append([]dwcp.CallOption{}, extra...)

		out, err := c.VM().GetMigrationStatus(ctx, a.MigrationID, opts...)
		if err != nil {
			return nil, err
		}
		return out, nil

	case "vm.cancel_migration":
		var a struct {
			MigrationID string `json:"migration_id"`
		}
		if err := json.Unmarshal(raw, &a); err != nil {
			return nil, argError(err)
		}
		opts := append([]dwcp.CallOption{}, extra...)

		out, err := c.VM().CancelMigration(ctx, a.MigrationID, opts...)
		if err != nil {
			return nil, err
		}
		return out, nil

	case "vm.snapshot":
		var a struct {
			VMID    string               `json:"vm_id"`
			Name    string               `json:"name"`
			Options dwcp.SnapshotOptions `json:"options"`
		}
		if err := json.Unmarshal(raw, &a); err != nil {
			return nil, argError(err)
		}
		opts := append([]dwcp.CallOption{}, extra...)

		out, err := c.VM().Snapshot(ctx, a.VMID, a.Name, a.Options, opts...)
		if err != nil {
			return nil, err
		}
		return out, nil

	case "vm.list_snapshots":
		var a struct {
			VMID     string `json:"vm_id"`
			PageSize *int   `json:"page_size"`
			Take     *int   `json:"take"`
		}
		if err := json.Unmarshal(raw, &a); err != nil {
			return nil, argError(err)
		}
		opts := append([]dwcp.CallOption{}, extra...)
		if a.PageSize != nil {
			opts = append(opts, dwcp.WithPageSize(*a.PageSize))
		}

		if a.Take != nil {
			items := []any{}
			if *a.Take <= 0 {
				return items, nil
			}
			for item, err := range c.VM().ListSnapshotsIter(ctx, a.VMID, opts...) {
				if err != nil {
					return nil, err
				}
				items = append(items, item)
				if len(items) == *a.Take {
					break // the idiomatic early exit: no further page is fetched
				}
			}
			return items, nil
		}
		out, err := c.VM().ListSnapshots(ctx, a.VMID, opts...)
		if err != nil {
			return nil, err
		}
		return out, nil

	case "vm.restore_snapshot":
		var a struct {
			VMID       string `json:"vm_id"`
			SnapshotID string `json:"snapshot_id"`
		}
		if err := json.Unmarshal(raw, &a); err != nil {
			return nil, argError(err)
		}
		opts := append([]dwcp.CallOption{}, extra...)

		var out dwcp.VM
		opts = append(opts, dwcp.WithResult(&out))
		if err := c.VM().RestoreSnapshot(ctx, a.VMID, a.SnapshotID, opts...); err != nil {
			return nil, err
		}
		return &out, nil

	case "vm.delete_snapshot":
		var a struct {
			SnapshotID string `json:"snapshot_id"`
		}
		if err := json.Unmarshal(raw, &a); err != nil {
			return nil, argError(err)
		}
		opts := append([]dwcp.CallOption{}, extra...)

		return nil, c.VM().DeleteSnapshot(ctx, a.SnapshotID, opts...)

	case "vm.get_metrics":
		var a struct {
			VMID   string `json:"vm_id"`
			Window *int64 `json:"window"`
		}
		if err := json.Unmarshal(raw, &a); err != nil {
			return nil, argError(err)
		}
		opts := append([]dwcp.CallOption{}, extra...)

		out, err := c.VM().GetMetrics(ctx, a.VMID, msString(a.Window), opts...)
		if err != nil {
			return nil, err
		}
		return out, nil

	case "vm.wait_until_running":
		var wait struct {
			MaxWaitMS  *int64 `json:"max_wait_ms"`
			DeadlineMS *int64 `json:"deadline_ms"`
		}
		if err := json.Unmarshal(raw, &wait); err != nil {
			return nil, argError(err)
		}
		var a struct {
			VMID string `json:"vm_id"`
		}
		if err := json.Unmarshal(raw, &a); err != nil {
			return nil, argError(err)
		}
		opts := append([]dwcp.CallOption{}, extra...)

		if ms := firstMS(wait.MaxWaitMS, wait.DeadlineMS); ms != nil {
			opts = append(opts, dwcp.WithMaxWait(msDuration(ms)))
		}
		out, err := c.VM().WaitUntilRunning(ctx, a.VMID, opts...)
		if err != nil {
			return nil, err
		}
		return out, nil
	case "vm.wait_until_stopped":
		var wait struct {
			MaxWaitMS  *int64 `json:"max_wait_ms"`
			DeadlineMS *int64 `json:"deadline_ms"`
		}
		if err := json.Unmarshal(raw, &wait); err != nil {
			return nil, argError(err)
		}
		var a struct {
			VMID string `json:"vm_id"`
		}
		if err := json.Unmarshal(raw, &a); err != nil {
			return nil, argError(err)
		}
		opts := append([]dwcp.CallOption{}, extra...)

		if ms := firstMS(wait.MaxWaitMS, wait.DeadlineMS); ms != nil {
			opts = append(opts, dwcp.WithMaxWait(msDuration(ms)))
		}
		out, err := c.VM().WaitUntilStopped(ctx, a.VMID, opts...)
		if err != nil {
			return nil, err
		}
		return out, nil
	case "vm.wait_until_destroyed":
		var wait struct {
			MaxWaitMS  *int64 `json:"max_wait_ms"`
			DeadlineMS *int64 `json:"deadline_ms"`
		}
		if err := json.Unmarshal(raw, &wait); err != nil {
			return nil, argError(err)
		}
		var a struct {
			VMID string `json:"vm_id"`
		}
		if err := json.Unmarshal(raw, &a); err != nil {
			return nil, argError(err)
		}
		opts := append([]dwcp.CallOption{}, extra...)

		if ms := firstMS(wait.MaxWaitMS, wait.DeadlineMS); ms != nil {
			opts = append(opts, dwcp.WithMaxWait(msDuration(ms)))
		}
		return nil, c.VM().WaitUntilDestroyed(ctx, a.VMID, opts...)
	case "vm.wait_for_migration":
		var wait struct {
			MaxWaitMS  *int64 `json:"max_wait_ms"`
			DeadlineMS *int64 `json:"deadline_ms"`
		}
		if err := json.Unmarshal(raw, &wait); err != nil {
			return nil, argError(err)
		}
		var a struct {
			MigrationID string `json:"migration_id"`
		}
		if err := json.Unmarshal(raw, &a); err != nil {
			return nil, argError(err)
		}
		opts := append([]dwcp.CallOption{}, extra...)

		if ms := firstMS(wait.MaxWaitMS, wait.DeadlineMS); ms != nil {
			opts = append(opts, dwcp.WithMaxWait(msDuration(ms)))
		}
		out, err := c.VM().WaitMigration(ctx, a.MigrationID, opts...)
		if err != nil {
			return nil, err
		}
		return out, nil
	}
	return nil, fmt.Errorf("unknown op %q", op)
}

// openOp opens one stream op.
func openOp(c *dwcp.Client, op string, raw json.RawMessage, extra []dwcp.CallOption) (*stream, error) {
	ctx := context.Background()
	switch op {
	case "vm.stream_metrics":
		var a struct {
			VMID     string `json:"vm_id"`
			Interval *int64 `json:"interval"`
		}
		if err := json.Unmarshal(raw, &a); err != nil {
			return nil, argError(err)
		}
		opts := append([]dwcp.CallOption{}, extra...)

		ids := &idQueue{}
		opts = append(opts, dwcp.WithEventID(ids.push))
		s, err := c.VM().StreamMetricsStream(ctx, a.VMID, msDuration(a.Interval), opts...)
		if err != nil {
			return nil, err
		}
		return watchStream(s, ids), nil
	case "vm.watch":
		var a struct {
			VMID   string `json:"vm_id"`
			Since  *int64 `json:"since"`
			Follow *bool  `json:"follow"`
		}
		if err := json.Unmarshal(raw, &a); err != nil {
			return nil, argError(err)
		}
		opts := append([]dwcp.CallOption{}, extra...)
		if a.Since != nil {
			opts = append(opts, dwcp.WithSince(*a.Since))
		}
		if a.Follow != nil {
			opts = append(opts, dwcp.WithFollow(*a.Follow))
		}

		ids := &idQueue{}
		opts = append(opts, dwcp.WithEventID(ids.push))
		s, err := c.VM().WatchStream(ctx, a.VMID, opts...)
		if err != nil {
			return nil, err
		}
		return watchStream(s, ids), nil
	}
	return nil, fmt.Errorf("unknown stream op %q", op)
}

// msDuration converts the protocol's milliseconds (nil: absent) to a time.Duration.
func msDuration(ms *int64) time.Duration {
	if ms == nil {
		return 0
	}
	return time.Duration(*ms) * time.Millisecond
}

// msString converts the protocol's milliseconds to the "5m"-style string the SDK takes.
func msString(ms *int64) string {
	if ms == nil {
		return ""
	}
	return msDuration(ms).String()
}
