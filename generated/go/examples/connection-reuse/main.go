// Code generated from extras/go/examples/connection-reuse/main.go by generator/; DO NOT EDIT.

// Command connection-reuse runs the Go example "connection-reuse" of the DWCP SDK reference guide against
// DWCP_ADDRESS, DWCP_PORT and DWCP_API_KEY.
package main

import (
	"context"
	"fmt"
	"log"

	"github.com/novacron/dwcp-sdk-go"
	"github.com/novacron/dwcp-sdk-go/examples/internal/exampleenv"
)

func main() {
	ctx := context.Background()
	config := exampleenv.Config()
	configs := []dwcp.VMConfig{{Name: "reuse-1"}, {Name: "reuse-2"}}

	// Good
	client, _ := dwcp.NewClient(config)
	client.Connect(ctx)
	defer client.Disconnect()

	for _, config := range configs {
		// ... operations
		fmt.Println("would create", config.Name)
	}
	if !client.IsConnected() {
		log.Fatal("not connected")
	}
}
