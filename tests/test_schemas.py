"""generated/openapi.json validates as OpenAPI 3.1; generated/dwcp.proto compiles with protoc."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import google.api
from google.protobuf import descriptor_pb2
from grpc_tools import protoc
from openapi_spec_validator import validate

from generator import ir

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "generated"


def _openapi() -> dict[str, Any]:
    document: dict[str, Any] = json.loads((GENERATED / "openapi.json").read_text(encoding="utf-8"))
    return document


def test_openapi_is_valid_and_complete(api: ir.Api) -> None:
    document = _openapi()
    validate(document)
    operations = [op for path in document["paths"].values() for op in path.values()]
    assert {op["operationId"] for op in operations} == {f"{op.resource}_{op.name}" for op in api.operations}
    assert all(op["description"] and op["tags"] for op in operations)
    assert {t["name"] for t in document["tags"]} == {r.name for r in api.resources}
    assert document["paths"]["/health"]["get"]["security"] == []
    vm_config = document["components"]["schemas"]["VMConfig"]
    assert vm_config["properties"]["memory"]["minimum"] == 536870912
    assert vm_config["additionalProperties"] is False


def test_openapi_properties_are_plain_schemas_with_their_constraints(api: ir.Api) -> None:
    schemas = _openapi()["components"]["schemas"]
    for struct in api.structs:
        for f in struct.fields:
            prop = schemas[_schema_name(schemas, struct)]["properties"][f.name]
            assert "allOf" not in prop, (struct.name, f.name)
            assert ("$ref" in prop) == (f.type.is_struct or f.type.is_enum), (struct.name, f.name)
            c = f.constraints
            for key, value in (("minimum", c.min), ("maximum", c.max), ("pattern", c.pattern)):
                if value is not None:
                    assert prop[key] == value, (struct.name, f.name, key)
            if f.has_default:
                assert prop["default"] == f.default


def _schema_name(schemas: dict[str, Any], struct: ir.Struct) -> str:
    """The component whose description and property names are the struct's."""
    return next(
        name
        for name, schema in schemas.items()
        if schema.get("description") == struct.doc
        and set(schema.get("properties", {})) == {f.name for f in struct.fields}
    )


def test_openapi_documents_headers_links_and_stream_items(api: ir.Api) -> None:
    document = _openapi()
    retry = api.retry
    responses = document["components"]["responses"]
    assert "Retry-After" in responses["Error429"]["headers"]
    assert retry["retry_after_ms_header"] in responses["Error429"]["headers"]
    assert "Allow" in responses["Error405"]["headers"]
    assert "Retry-After" not in responses["Error404"]["headers"]
    for op in api.operations:
        method = document["paths"][op.path][op.method.lower()]
        success = method["responses"][str(op.success_status)]
        assert retry["request_id_header"] in success["headers"]
        assert (retry["replayed_header"] in success["headers"]) == op.needs_idempotency_key
        if op.is_stream:
            assert op.output is not None and op.stream is not None
            item = success["content"]["text/event-stream"]["schema"]
            assert item["properties"]["event"]["const"] == op.stream.event
            assert item["properties"]["data"]["contentSchema"]["$ref"].endswith(
                "/" + _schema_name(document["components"]["schemas"], op.output)
            )
    migrate = next(op for op in api.long_running_operations)
    assert migrate.long_running is not None
    links = document["paths"][migrate.path][migrate.method.lower()]["responses"][str(migrate.success_status)]["links"]
    status_id = f"{migrate.resource}_{migrate.long_running.status_operation}"
    assert links[status_id]["operationId"] == status_id
    assert links[status_id]["parameters"] == {p: "$response.body#/id" for p in links[status_id]["parameters"]}
    operation_ids = {op["operationId"] for path in document["paths"].values() for op in path.values()}
    every_link = [
        link
        for path in document["paths"].values()
        for op in path.values()
        for response in op["responses"].values()
        for link in response.get("links", {}).values()
    ]
    assert every_link and all(link["operationId"] in operation_ids for link in every_link)


def test_map_query_parameters_are_k_equals_v_items_joined_by_commas(api: ir.Api) -> None:
    document = _openapi()
    maps = [(op, p) for op in api.operations for p in op.query_params if p.type.is_map]
    assert maps
    for op, p in maps:
        (param,) = [x for x in document["paths"][op.path][op.method.lower()]["parameters"] if x["name"] == p.name]
        assert (param["style"], param["explode"], param["schema"]["type"]) == ("form", False, "array")
        pattern = re.compile(param["schema"]["items"]["pattern"])
        assert pattern.fullmatch("env=prod") and pattern.fullmatch("env=") and pattern.fullmatch("a=b=c")
        assert not pattern.fullmatch("=prod") and not pattern.fullmatch("env") and not pattern.fullmatch("a=1,b=2")


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
    messages = {m.name: m for m in proto.message_type}
    assert {"VMConfig", "MigrationStatus"} <= set(messages)
    # Each rpc has its own request and response; the response wraps the shared type, which
    # response_body maps to the REST body.
    for service in proto.service:
        for method in service.method:
            assert method.input_type == f".dwcp.v3.{service.name}{method.name}Request"
            assert method.output_type == f".dwcp.v3.{service.name}{method.name}Response"
    assert [f.type_name for f in messages["VMServiceWatchResponse"].field] == [".dwcp.v3.VMEvent"]
