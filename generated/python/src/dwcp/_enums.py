# Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.
"""Enums of the spec; a value this SDK does not know maps to the UNKNOWN member."""

from __future__ import annotations

from ._runtime.enums import WireEnum

__all__ = [
    "VMState",
    "MigrationState",
    "MigrationPhase",
    "VMEventType",
]


class VMState(WireEnum):
    """Lifecycle state of a VM."""

    CREATING = "creating"
    """Being placed and provisioned."""
    STOPPED = "stopped"
    """Provisioned and powered off."""
    STARTING = "starting"
    """Booting."""
    RUNNING = "running"
    """Running."""
    STOPPING = "stopping"
    """Shutting down."""
    MIGRATING = "migrating"
    """Moving to another node."""
    RESTORING = "restoring"
    """Being restored from a snapshot."""
    ERROR = "error"
    """Failed; only destroy is allowed."""
    UNKNOWN = "unknown"
    """A state this SDK does not know (sent by a newer server)."""

    @classmethod
    def _missing_(cls, value: object) -> VMState:
        return cls.UNKNOWN


class MigrationState(WireEnum):
    """State of a live migration."""

    PENDING = "pending"
    """Accepted, not started."""
    RUNNING = "running"
    """Copying memory."""
    COMPLETED = "completed"
    """The VM runs on the target node."""
    FAILED = "failed"
    """Stopped with an error; the VM stays on its source node."""
    CANCELLED = "cancelled"
    """Cancelled; the VM stays on its source node."""
    UNKNOWN = "unknown"
    """A state this SDK does not know."""

    @classmethod
    def _missing_(cls, value: object) -> MigrationState:
        return cls.UNKNOWN


class MigrationPhase(WireEnum):
    """Phase of a running migration."""

    SETUP = "setup"
    """Reserving the target."""
    PRECOPY = "precopy"
    """Iterative pre-copy rounds."""
    POSTCOPY = "postcopy"
    """The VM runs on the target and pulls the remaining pages."""
    STOP_AND_COPY = "stop_and_copy"
    """The VM is paused while the last pages move."""
    VERIFY = "verify"
    """Checksums are compared."""
    DONE = "done"
    """Finished."""
    UNKNOWN = "unknown"
    """A phase this SDK does not know."""

    @classmethod
    def _missing_(cls, value: object) -> MigrationPhase:
        return cls.UNKNOWN


class VMEventType(WireEnum):
    """Kind of a VM event."""

    CREATED = "created"
    """The VM was created."""
    STATE_CHANGED = "state_changed"
    """The VM changed state."""
    MIGRATION_STARTED = "migration_started"
    """A migration began."""
    MIGRATION_COMPLETED = "migration_completed"
    """A migration completed."""
    MIGRATION_FAILED = "migration_failed"
    """A migration failed or was cancelled."""
    SNAPSHOT_CREATED = "snapshot_created"
    """A snapshot was taken."""
    SNAPSHOT_RESTORED = "snapshot_restored"
    """A snapshot was restored."""
    DESTROYED = "destroyed"
    """The VM was destroyed."""
    GAP = "gap"
    """Events were lost: the resume point is past the server's retention."""
    UNKNOWN = "unknown"
    """An event type this SDK does not know."""

    @classmethod
    def _missing_(cls, value: object) -> VMEventType:
        return cls.UNKNOWN
