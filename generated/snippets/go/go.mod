// Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.
module example.com/dwcp-snippets

go 1.23

require github.com/novacron/dwcp-sdk-go v0.0.0

replace github.com/novacron/dwcp-sdk-go => ../../go
