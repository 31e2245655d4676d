module github.com/novacron/dwcp-sdk-go/conformance-driver

go 1.21

require github.com/novacron/dwcp-sdk-go v0.0.0

replace github.com/novacron/dwcp-sdk-go => ../../go
