"""The release's refusals: a version mismatch, and the Go tag mapping of docs/release.md."""

from __future__ import annotations

import pytest

from generator import ir
from tasks import release_cli
from tasks.versions import go_tag


def test_every_generated_package_carries_the_spec_version(api: ir.Api) -> None:
    versions = release_cli.package_versions()
    assert len(versions) == 4
    assert set(versions.values()) == {api.version}
    release_cli.check_versions(api)


def test_a_version_mismatch_is_refused_with_what_to_do(api: ir.Api, monkeypatch: pytest.MonkeyPatch) -> None:
    found = dict.fromkeys(release_cli.package_versions(), api.version)
    rust = next(name for name in found if name.startswith("rust"))
    found[rust] = "2.9.0"
    monkeypatch.setattr(release_cli, "package_versions", lambda: found)
    with pytest.raises(release_cli.ReleaseRefused, match=r"rust \(generated/rust/Cargo.toml\): 2.9.0") as refused:
        release_cli.check_versions(api)
    assert "nox -s generate" in str(refused.value)


def test_go_tags_shift_the_major_to_what_the_module_path_allows() -> None:
    assert go_tag("3.0.0", "github.com/novacron/dwcp-sdk-go") == "v1.0.0"
    assert go_tag("3.4.2", "github.com/novacron/dwcp-sdk-go") == "v1.4.2"
    assert go_tag("4.1.0", "github.com/novacron/dwcp-sdk-go/v2") == "v2.1.0"
    with pytest.raises(ValueError, match="must end in /v2"):
        go_tag("4.0.0", "github.com/novacron/dwcp-sdk-go")
    with pytest.raises(ValueError, match="Go major 0"):
        go_tag("2.0.0", "github.com/novacron/dwcp-sdk-go")
