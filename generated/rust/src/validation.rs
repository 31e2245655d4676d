// Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.
//! Client-side checks of the spec's constraints, run by `build()` and before every request.

use crate::error::{DWCPError, Result};
use crate::runtime::validate;
#[allow(unused_imports)]
use std::time::Duration;

use crate::types::*;

fn check(path: &str, outcome: std::result::Result<(), String>) -> Result<()> {
    outcome.map_err(|problem| DWCPError::config(path, problem))
}

fn join(prefix: &str, field: &str) -> String {
    if prefix.is_empty() {
        field.to_owned()
    } else {
        format!("{prefix}.{field}")
    }
}

impl NetworkInterface {
    /// Checks the spec's constraints; the error names the first offending field.
    pub fn validate(&self) -> Result<()> {
        self.check("")
    }

    #[allow(unused_variables)]
    pub(crate) fn check(&self, prefix: &str) -> Result<()> {
        check(
            &join(prefix, "name"),
            validate::pattern(&self.name, r"^[a-z][a-z0-9]{0,14}$"),
        )?;

        if let Some(value) = &self.model {
            check(
                &join(prefix, "type"),
                validate::one_of(value, &["virtio", "e1000", "rtl8139"]),
            )?;
        }
        if let Some(value) = &self.mac {
            check(
                &join(prefix, "mac"),
                validate::pattern(value, r"^([0-9a-f]{2}:){5}[0-9a-f]{2}$"),
            )?;
        }
        if let Some(value) = &self.vlan {
            check(
                &join(prefix, "vlan"),
                validate::range(*value, Some(0), Some(4094)),
            )?;
        }
        if let Some(value) = &self.bandwidth {
            check(
                &join(prefix, "bandwidth"),
                validate::range(*value, Some(0), None),
            )?;
        }
        Ok(())
    }
}

impl NetworkConfig {
    /// Checks the spec's constraints; the error names the first offending field.
    pub fn validate(&self) -> Result<()> {
        self.check("")
    }

    #[allow(unused_variables)]
    pub(crate) fn check(&self, prefix: &str) -> Result<()> {
        if let Some(value) = &self.mode {
            check(
                &join(prefix, "mode"),
                validate::one_of(value, &["bridge", "nat", "host", "none"]),
            )?;
        }
        if let Some(value) = &self.interfaces {
            check(
                &join(prefix, "interfaces"),
                validate::items(value.len(), 16),
            )?;
            for (i, item) in value.iter().enumerate() {
                item.check(&format!("{}[{i}]", &join(prefix, "interfaces")))?;
            }
        }
        if let Some(value) = &self.dns {
            check(&join(prefix, "dns"), validate::items(value.len(), 8))?;
        }
        if let Some(value) = &self.mtu {
            check(
                &join(prefix, "mtu"),
                validate::range(*value, Some(576), Some(9216)),
            )?;
        }
        Ok(())
    }
}

impl Affinity {
    /// Checks the spec's constraints; the error names the first offending field.
    pub fn validate(&self) -> Result<()> {
        self.check("")
    }

    #[allow(unused_variables)]
    pub(crate) fn check(&self, prefix: &str) -> Result<()> {
        Ok(())
    }
}

impl VMConfig {
    /// Checks the spec's constraints; the error names the first offending field.
    pub fn validate(&self) -> Result<()> {
        self.check("")
    }

    #[allow(unused_variables)]
    pub(crate) fn check(&self, prefix: &str) -> Result<()> {
        check(
            &join(prefix, "name"),
            validate::pattern(&self.name, r"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"),
        )?;

        check(
            &join(prefix, "memory"),
            validate::range(self.memory, Some(536870912), Some(4398046511104)),
        )?;

        check(
            &join(prefix, "cpus"),
            validate::range(self.cpus, Some(1), Some(128)),
        )?;

        if let Some(value) = &self.disk {
            check(
                &join(prefix, "disk"),
                validate::range(*value, Some(1073741824), Some(70368744177664)),
            )?;
        }
        if let Some(value) = &self.image {
            check(
                &join(prefix, "image"),
                validate::length(value, Some(1), Some(253)),
            )?;
        }
        if let Some(value) = &self.network {
            value.check(&join(prefix, "network"))?;
        }
        if let Some(value) = &self.cloud_init {
            check(
                &join(prefix, "cloud_init"),
                validate::length(value, None, Some(65536)),
            )?;
        }
        if let Some(value) = &self.priority {
            check(
                &join(prefix, "priority"),
                validate::range(*value, Some(0), Some(10)),
            )?;
        }
        if let Some(value) = &self.affinity {
            value.check(&join(prefix, "affinity"))?;
        }
        if let Some(value) = &self.cpu_pinning {
            check(
                &join(prefix, "cpu_pinning"),
                validate::items(value.len(), 128),
            )?;
        }
        if let Some(value) = &self.numa_nodes {
            check(
                &join(prefix, "numa_nodes"),
                validate::items(value.len(), 64),
            )?;
        }
        if let Some(value) = &self.io_threads {
            check(
                &join(prefix, "io_threads"),
                validate::range(*value, Some(0), Some(64)),
            )?;
        }
        if let Some(value) = &self.memory_max {
            check(
                &join(prefix, "memory_max"),
                validate::range(*value, Some(0), None),
            )?;
        }
        if let Some(value) = &self.cpu_quota {
            check(
                &join(prefix, "cpu_quota"),
                validate::range(*value, Some(0), Some(100)),
            )?;
        }
        if let Some(value) = &self.disk_iops_limit {
            check(
                &join(prefix, "disk_iops_limit"),
                validate::range(*value, Some(0), None),
            )?;
        }
        if let Some(value) = &self.network_bandwidth {
            check(
                &join(prefix, "network_bandwidth"),
                validate::range(*value, Some(0), None),
            )?;
        }
        Ok(())
    }
}

impl MigrationOptions {
    /// Checks the spec's constraints; the error names the first offending field.
    pub fn validate(&self) -> Result<()> {
        self.check("")
    }

    #[allow(unused_variables)]
    pub(crate) fn check(&self, prefix: &str) -> Result<()> {
        if let Some(value) = &self.max_downtime {
            check(
                &join(prefix, "max_downtime"),
                validate::range(*value, Some(0), Some(60000)),
            )?;
        }
        if let Some(value) = &self.bandwidth {
            check(
                &join(prefix, "bandwidth"),
                validate::range(*value, Some(0), None),
            )?;
        }
        if let Some(value) = &self.parallel {
            check(
                &join(prefix, "parallel"),
                validate::range(*value, Some(0), Some(16)),
            )?;
        }
        Ok(())
    }
}

impl MigrateRequest {
    /// Checks the spec's constraints; the error names the first offending field.
    pub fn validate(&self) -> Result<()> {
        self.check("")
    }

    #[allow(unused_variables)]
    pub(crate) fn check(&self, prefix: &str) -> Result<()> {
        check(
            &join(prefix, "target_node"),
            validate::length(&self.target_node, Some(1), None),
        )?;

        if let Some(value) = &self.options {
            value.check(&join(prefix, "options"))?;
        }
        Ok(())
    }
}

impl SnapshotOptions {
    /// Checks the spec's constraints; the error names the first offending field.
    pub fn validate(&self) -> Result<()> {
        self.check("")
    }

    #[allow(unused_variables)]
    pub(crate) fn check(&self, prefix: &str) -> Result<()> {
        if let Some(value) = &self.description {
            check(
                &join(prefix, "description"),
                validate::length(value, None, Some(1024)),
            )?;
        }
        Ok(())
    }
}

impl SnapshotRequest {
    /// Checks the spec's constraints; the error names the first offending field.
    pub fn validate(&self) -> Result<()> {
        self.check("")
    }

    #[allow(unused_variables)]
    pub(crate) fn check(&self, prefix: &str) -> Result<()> {
        check(
            &join(prefix, "name"),
            validate::pattern(&self.name, r"^[a-zA-Z0-9][a-zA-Z0-9._-]{0,62}$"),
        )?;

        if let Some(value) = &self.options {
            value.check(&join(prefix, "options"))?;
        }
        Ok(())
    }
}

impl StopRequest {
    /// Checks the spec's constraints; the error names the first offending field.
    pub fn validate(&self) -> Result<()> {
        self.check("")
    }

    #[allow(unused_variables)]
    pub(crate) fn check(&self, prefix: &str) -> Result<()> {
        Ok(())
    }
}
