// Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.

package dwcp

import (
	"fmt"
	"regexp"
	"strconv"
	"unicode/utf8"
)

// Patterns of the spec's string constraints.
var (
	patternNetIfName           = regexp.MustCompile(`^[a-z][a-z0-9]{0,14}$`)
	patternNetIfMAC            = regexp.MustCompile(`^([0-9a-f]{2}:){5}[0-9a-f]{2}$`)
	patternVMConfigName        = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$`)
	patternSnapshotRequestName = regexp.MustCompile(`^[a-zA-Z0-9][a-zA-Z0-9._-]{0,62}$`)
)

// Validate checks the NetIf against the spec's constraints; the *Error (a validation error) names
// the first offending field.
func (x NetIf) Validate() error { return x.validate("") }

func (x NetIf) validate(path string) error {
	if x.Name == "" {
		return fieldError(join(path, "name"), "is required")
	}
	if !patternNetIfName.MatchString(x.Name) {
		return fieldError(join(path, "name"), fmt.Sprintf("%q does not match ^[a-z][a-z0-9]{0,14}$", x.Name))
	}
	switch x.Type {
	case "", "virtio", "e1000", "rtl8139":
	default:
		return fieldError(join(path, "type"), fmt.Sprintf("must be one of virtio, e1000, rtl8139, got %q", x.Type))
	}
	if x.MAC != "" && !patternNetIfMAC.MatchString(x.MAC) {
		return fieldError(join(path, "mac"), fmt.Sprintf("%q does not match ^([0-9a-f]{2}:){5}[0-9a-f]{2}$", x.MAC))
	}
	if x.Vlan != 0 && x.Vlan < 0 {
		return fieldError(join(path, "vlan"), fmt.Sprintf("must be at least 0, got %v", x.Vlan))
	}
	if x.Vlan > 4094 {
		return fieldError(join(path, "vlan"), fmt.Sprintf("must be at most 4094, got %v", x.Vlan))
	}
	if x.Bandwidth != 0 && x.Bandwidth < 0 {
		return fieldError(join(path, "bandwidth"), fmt.Sprintf("must be at least 0, got %v", x.Bandwidth))
	}
	return nil
}

// Validate checks the NetworkConfig against the spec's constraints; the *Error (a validation error) names
// the first offending field.
func (x NetworkConfig) Validate() error { return x.validate("") }

func (x NetworkConfig) validate(path string) error {
	switch x.Mode {
	case "", "bridge", "nat", "host", "none":
	default:
		return fieldError(join(path, "mode"), fmt.Sprintf("must be one of bridge, nat, host, none, got %q", x.Mode))
	}
	if len(x.Interfaces) > 16 {
		return fieldError(join(path, "interfaces"), fmt.Sprintf("has %d items, at most 16 allowed", len(x.Interfaces)))
	}
	for i, item := range x.Interfaces {
		if err := item.validate(join(path, "interfaces") + "[" + strconv.Itoa(i) + "]"); err != nil {
			return err
		}
	}
	if len(x.DNS) > 8 {
		return fieldError(join(path, "dns"), fmt.Sprintf("has %d items, at most 8 allowed", len(x.DNS)))
	}
	if x.MTU != 0 && x.MTU < 576 {
		return fieldError(join(path, "mtu"), fmt.Sprintf("must be at least 576, got %v", x.MTU))
	}
	if x.MTU > 9216 {
		return fieldError(join(path, "mtu"), fmt.Sprintf("must be at most 9216, got %v", x.MTU))
	}
	return nil
}

// Validate checks the VMConfig against the spec's constraints; the *Error (a validation error) names
// the first offending field.
func (x VMConfig) Validate() error { return x.validate("") }

func (x VMConfig) validate(path string) error {
	if x.Name == "" {
		return fieldError(join(path, "name"), "is required")
	}
	if !patternVMConfigName.MatchString(x.Name) {
		return fieldError(join(path, "name"), fmt.Sprintf("%q does not match ^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", x.Name))
	}
	if x.Memory < 536870912 {
		return fieldError(join(path, "memory"), fmt.Sprintf("must be at least 536870912, got %v", x.Memory))
	}
	if x.Memory > 4398046511104 {
		return fieldError(join(path, "memory"), fmt.Sprintf("must be at most 4398046511104, got %v", x.Memory))
	}
	if x.CPUs < 1 {
		return fieldError(join(path, "cpus"), fmt.Sprintf("must be at least 1, got %v", x.CPUs))
	}
	if x.CPUs > 128 {
		return fieldError(join(path, "cpus"), fmt.Sprintf("must be at most 128, got %v", x.CPUs))
	}
	if x.Disk != 0 && x.Disk < 1073741824 {
		return fieldError(join(path, "disk"), fmt.Sprintf("must be at least 1073741824, got %v", x.Disk))
	}
	if x.Disk > 70368744177664 {
		return fieldError(join(path, "disk"), fmt.Sprintf("must be at most 70368744177664, got %v", x.Disk))
	}
	if x.Image != "" && utf8.RuneCountInString(x.Image) < 1 {
		return fieldError(join(path, "image"), "must have at least 1 characters")
	}
	if n := utf8.RuneCountInString(x.Image); n > 253 {
		return fieldError(join(path, "image"), fmt.Sprintf("has %d characters, at most 253 allowed", n))
	}
	if !x.Network.isZero() {
		if err := x.Network.validate(join(path, "network")); err != nil {
			return err
		}
	}
	if n := utf8.RuneCountInString(x.CloudInit); n > 65536 {
		return fieldError(join(path, "cloud_init"), fmt.Sprintf("has %d characters, at most 65536 allowed", n))
	}
	if x.Priority != 0 && x.Priority < 0 {
		return fieldError(join(path, "priority"), fmt.Sprintf("must be at least 0, got %v", x.Priority))
	}
	if x.Priority > 10 {
		return fieldError(join(path, "priority"), fmt.Sprintf("must be at most 10, got %v", x.Priority))
	}
	if len(x.CPUPinning) > 128 {
		return fieldError(join(path, "cpu_pinning"), fmt.Sprintf("has %d items, at most 128 allowed", len(x.CPUPinning)))
	}
	if len(x.NUMANodes) > 64 {
		return fieldError(join(path, "numa_nodes"), fmt.Sprintf("has %d items, at most 64 allowed", len(x.NUMANodes)))
	}
	if x.IOThreads != 0 && x.IOThreads < 0 {
		return fieldError(join(path, "io_threads"), fmt.Sprintf("must be at least 0, got %v", x.IOThreads))
	}
	if x.IOThreads > 64 {
		return fieldError(join(path, "io_threads"), fmt.Sprintf("must be at most 64, got %v", x.IOThreads))
	}
	if x.MemoryMax != 0 && x.MemoryMax < 0 {
		return fieldError(join(path, "memory_max"), fmt.Sprintf("must be at least 0, got %v", x.MemoryMax))
	}
	if x.CPUQuota != 0 && x.CPUQuota < 0 {
		return fieldError(join(path, "cpu_quota"), fmt.Sprintf("must be at least 0, got %v", x.CPUQuota))
	}
	if x.CPUQuota > 100 {
		return fieldError(join(path, "cpu_quota"), fmt.Sprintf("must be at most 100, got %v", x.CPUQuota))
	}
	if x.DiskIOPSLimit != 0 && x.DiskIOPSLimit < 0 {
		return fieldError(join(path, "disk_iops_limit"), fmt.Sprintf("must be at least 0, got %v", x.DiskIOPSLimit))
	}
	if x.NetworkBandwidth != 0 && x.NetworkBandwidth < 0 {
		return fieldError(join(path, "network_bandwidth"), fmt.Sprintf("must be at least 0, got %v", x.NetworkBandwidth))
	}
	return nil
}

// Validate checks the VMMetrics against the spec's constraints; the *Error (a validation error) names
// the first offending field.
func (x VMMetrics) Validate() error { return x.validate("") }

func (x VMMetrics) validate(path string) error {
	if x.VMID == "" {
		return fieldError(join(path, "vm_id"), "is required")
	}
	return nil
}

// Validate checks the VM against the spec's constraints; the *Error (a validation error) names
// the first offending field.
func (x VM) Validate() error { return x.validate("") }

func (x VM) validate(path string) error {
	if x.ID == "" {
		return fieldError(join(path, "id"), "is required")
	}
	if x.Name == "" {
		return fieldError(join(path, "name"), "is required")
	}
	if err := x.Config.validate(join(path, "config")); err != nil {
		return err
	}
	if x.Node == "" {
		return fieldError(join(path, "node"), "is required")
	}
	if x.Metrics != nil {
		if err := x.Metrics.validate(join(path, "metrics")); err != nil {
			return err
		}
	}
	return nil
}

// Validate checks the VMList against the spec's constraints; the *Error (a validation error) names
// the first offending field.
func (x VMList) Validate() error { return x.validate("") }

func (x VMList) validate(path string) error {
	if len(x.VMs) == 0 {
		return fieldError(join(path, "vms"), "is required")
	}
	for i, item := range x.VMs {
		if err := item.validate(join(path, "vms") + "[" + strconv.Itoa(i) + "]"); err != nil {
			return err
		}
	}
	return nil
}

// Validate checks the MigrationOptions against the spec's constraints; the *Error (a validation error) names
// the first offending field.
func (x MigrationOptions) Validate() error { return x.validate("") }

func (x MigrationOptions) validate(path string) error {
	if x.MaxDowntime != 0 && x.MaxDowntime < 0 {
		return fieldError(join(path, "max_downtime"), fmt.Sprintf("must be at least 0, got %v", x.MaxDowntime))
	}
	if x.MaxDowntime > 60000 {
		return fieldError(join(path, "max_downtime"), fmt.Sprintf("must be at most 60000, got %v", x.MaxDowntime))
	}
	if x.Bandwidth != 0 && x.Bandwidth < 0 {
		return fieldError(join(path, "bandwidth"), fmt.Sprintf("must be at least 0, got %v", x.Bandwidth))
	}
	if x.Parallel != 0 && x.Parallel < 0 {
		return fieldError(join(path, "parallel"), fmt.Sprintf("must be at least 0, got %v", x.Parallel))
	}
	if x.Parallel > 16 {
		return fieldError(join(path, "parallel"), fmt.Sprintf("must be at most 16, got %v", x.Parallel))
	}
	return nil
}

// Validate checks the MigrateRequest against the spec's constraints; the *Error (a validation error) names
// the first offending field.
func (x MigrateRequest) Validate() error { return x.validate("") }

func (x MigrateRequest) validate(path string) error {
	if x.TargetNode == "" {
		return fieldError(join(path, "target_node"), "is required")
	}
	if utf8.RuneCountInString(x.TargetNode) < 1 {
		return fieldError(join(path, "target_node"), "must have at least 1 characters")
	}
	if !x.Options.isZero() {
		if err := x.Options.validate(join(path, "options")); err != nil {
			return err
		}
	}
	return nil
}

// Validate checks the MigrationStatus against the spec's constraints; the *Error (a validation error) names
// the first offending field.
func (x MigrationStatus) Validate() error { return x.validate("") }

func (x MigrationStatus) validate(path string) error {
	if x.ID == "" {
		return fieldError(join(path, "id"), "is required")
	}
	if x.VMID == "" {
		return fieldError(join(path, "vm_id"), "is required")
	}
	if x.SourceNode == "" {
		return fieldError(join(path, "source_node"), "is required")
	}
	if x.TargetNode == "" {
		return fieldError(join(path, "target_node"), "is required")
	}
	return nil
}

// Validate checks the SnapshotOptions against the spec's constraints; the *Error (a validation error) names
// the first offending field.
func (x SnapshotOptions) Validate() error { return x.validate("") }

func (x SnapshotOptions) validate(path string) error {
	if n := utf8.RuneCountInString(x.Description); n > 1024 {
		return fieldError(join(path, "description"), fmt.Sprintf("has %d characters, at most 1024 allowed", n))
	}
	return nil
}

// Validate checks the SnapshotRequest against the spec's constraints; the *Error (a validation error) names
// the first offending field.
func (x SnapshotRequest) Validate() error { return x.validate("") }

func (x SnapshotRequest) validate(path string) error {
	if x.Name == "" {
		return fieldError(join(path, "name"), "is required")
	}
	if !patternSnapshotRequestName.MatchString(x.Name) {
		return fieldError(join(path, "name"), fmt.Sprintf("%q does not match ^[a-zA-Z0-9][a-zA-Z0-9._-]{0,62}$", x.Name))
	}
	if !x.Options.isZero() {
		if err := x.Options.validate(join(path, "options")); err != nil {
			return err
		}
	}
	return nil
}

// Validate checks the Snapshot against the spec's constraints; the *Error (a validation error) names
// the first offending field.
func (x Snapshot) Validate() error { return x.validate("") }

func (x Snapshot) validate(path string) error {
	if x.ID == "" {
		return fieldError(join(path, "id"), "is required")
	}
	if x.VMID == "" {
		return fieldError(join(path, "vm_id"), "is required")
	}
	if x.Name == "" {
		return fieldError(join(path, "name"), "is required")
	}
	return nil
}

// Validate checks the SnapshotList against the spec's constraints; the *Error (a validation error) names
// the first offending field.
func (x SnapshotList) Validate() error { return x.validate("") }

func (x SnapshotList) validate(path string) error {
	if len(x.Snapshots) == 0 {
		return fieldError(join(path, "snapshots"), "is required")
	}
	for i, item := range x.Snapshots {
		if err := item.validate(join(path, "snapshots") + "[" + strconv.Itoa(i) + "]"); err != nil {
			return err
		}
	}
	return nil
}

// Validate checks the VMEvent against the spec's constraints; the *Error (a validation error) names
// the first offending field.
func (x VMEvent) Validate() error { return x.validate("") }

func (x VMEvent) validate(path string) error {
	if err := x.VM.validate(join(path, "vm")); err != nil {
		return err
	}
	if x.Message == "" {
		return fieldError(join(path, "message"), "is required")
	}
	return nil
}

// Validate checks the HealthStatus against the spec's constraints; the *Error (a validation error) names
// the first offending field.
func (x HealthStatus) Validate() error { return x.validate("") }

func (x HealthStatus) validate(path string) error {
	if x.Status == "" {
		return fieldError(join(path, "status"), "is required")
	}
	if x.Version == "" {
		return fieldError(join(path, "version"), "is required")
	}
	return nil
}

// Validate checks the SessionInfo against the spec's constraints; the *Error (a validation error) names
// the first offending field.
func (x SessionInfo) Validate() error { return x.validate("") }

func (x SessionInfo) validate(path string) error {
	if x.SessionID == "" {
		return fieldError(join(path, "session_id"), "is required")
	}
	if x.ServerVersion == "" {
		return fieldError(join(path, "server_version"), "is required")
	}
	return nil
}

// Validate checks the ErrorDetail against the spec's constraints; the *Error (a validation error) names
// the first offending field.
func (x ErrorDetail) Validate() error { return x.validate("") }

func (x ErrorDetail) validate(path string) error {
	if x.Type == "" {
		return fieldError(join(path, "type"), "is required")
	}
	if x.Code == "" {
		return fieldError(join(path, "code"), "is required")
	}
	if x.Message == "" {
		return fieldError(join(path, "message"), "is required")
	}
	return nil
}

// Validate checks the ErrorBody against the spec's constraints; the *Error (a validation error) names
// the first offending field.
func (x ErrorBody) Validate() error { return x.validate("") }

func (x ErrorBody) validate(path string) error {
	if err := x.Error.validate(join(path, "error")); err != nil {
		return err
	}
	return nil
}

// join builds a field path: network.interfaces[0].name.
func join(path, field string) string {
	if path == "" {
		return field
	}
	return path + "." + field
}

// fieldError is the validation error of one field.
func fieldError(field, problem string) error {
	return invalidConfig(field, problem)
}
