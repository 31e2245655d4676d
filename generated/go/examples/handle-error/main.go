// Code generated from extras/go/examples/handle-error/main.go by generator/; DO NOT EDIT.

// Command handle-error runs the Go example "handle-error" of the DWCP SDK reference guide against
// DWCP_ADDRESS, DWCP_PORT and DWCP_API_KEY.
package main

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/novacron/dwcp-sdk-go"
	"github.com/novacron/dwcp-sdk-go/examples/internal/exampleenv"
)

func handleError(err error) bool {
	switch {
	case errors.Is(err, dwcp.ErrNotConnected):
		// Reconnect
		return true
	case errors.Is(err, dwcp.ErrTimeout):
		// Retry with backoff
		return true
	case errors.Is(err, dwcp.ErrAuthFailed):
		// Don't retry
		return false
	default:
		// Log and potentially retry
		log.Printf("Unexpected error: %v", err)
		return false
	}
}

func main() {
	client, err := dwcp.NewClient(exampleenv.Config())
	if err != nil {
		log.Fatal(err)
	}
	_, err = client.VM().Get(context.Background(), "vm-1")
	fmt.Println("reconnect:", handleError(err))
	if err := client.Connect(context.Background()); err != nil {
		log.Fatal(err)
	}
}
