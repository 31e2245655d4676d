// Code generated from extras/go/examples/quickstart/main.go by generator/; DO NOT EDIT.

// Command quickstart runs the Go example "quickstart" of the DWCP SDK reference guide against
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
	// Create configuration
	config := exampleenv.Config()

	// Create client
	client, err := dwcp.NewClient(config)
	if err != nil {
		log.Fatal(err)
	}
	defer client.Disconnect()

	// Connect to server
	ctx := context.Background()
	if err := client.Connect(ctx); err != nil {
		log.Fatal(err)
	}

	fmt.Println("Connected to DWCP server")
}
