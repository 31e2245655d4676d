"""generated/openapi.json validates as OpenAPI 3.1; generated/dwcp.proto compiles with protoc."""

from __future__ import annotations

import json
from pathlib import Path

import google.api
from google.protobuf import descriptor_pb2
from grpc_tools import protoc
from openapi_spec_validator import validate

from generator import ir

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "generated"


def test_openapi_is_valid_and_complete(api: ir.Api) -> None:
    document = json.loads((GENERATED / "openapi.json").read_text(encoding="utf-8"))
    validate(document)
    operation_ids = {op["operationId"] for path in document["paths"].values() for op in path.values()}
    assert operation_ids == {f"{op.resource}_{op.name}" for op in api.operations}
    assert document["paths"]["/health"]["get"]["security"] == []
    vm_config = document["components"]["schemas"]["VMConfig"]
    assert vm_config["properties"]["memory"]["minimum"] == 536870912
    assert vm_config["additionalProperties"] is False


def test_proto_compiles_with_http_annotations(api: ir.Api, tmp_path: Path) -> None:
    out = tmp_path / "dwcp.pb"
    include_protobuf = Path(protoc.__file__).parent / "_proto"
    include_googleapis = Path(google.api.__path__[0]).parent.parent
    status = protoc.main(
        [
            "protoc",
            f"-I{GENERATED}",
            f"-I{include_protobuf}",
            f"-I{include_googleapis}",
            f"--descriptor_set_out={out}",
            "--python_out=" + str(tmp_path),
            str(GENERATED / "dwcp.proto"),
        ]
    )
    assert status == 0
    files = descriptor_pb2.FileDescriptorSet.FromString(out.read_bytes())
    (proto,) = files.file
    rpcs = {(s.name, m.name) for s in proto.service for m in s.method}
    assert len(rpcs) == len(api.operations)
    assert ("VMService", "GetMigrationStatus") in rpcs
    watch = next(m for s in proto.service for m in s.method if m.name == "Watch")
    assert watch.server_streaming
    assert {m.name for m in proto.message_type} >= {"VMConfig", "MigrationStatus", "VMCreateRequest"}
