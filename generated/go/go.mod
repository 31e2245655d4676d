module github.com/novacron/dwcp-sdk-go

go 1.23
