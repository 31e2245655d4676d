// Code generated from extras/go/examples/watch/main.go by generator/; DO NOT EDIT.

// Command watch runs the Go example "watch" of the DWCP SDK reference guide against
// DWCP_ADDRESS, DWCP_PORT and DWCP_API_KEY.
package main

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/novacron/dwcp-sdk-go/examples/internal/exampleenv"
)

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	client, vmClient, vmID := exampleenv.Connect(ctx)
	defer client.Disconnect()

	// Watch VM events (until ctx's deadline ends the stream)
	events, err := vmClient.Watch(ctx, vmID)
	if err != nil {
		log.Fatal(err)
	}

	for event := range events {
		fmt.Printf("[%s] %s: %s (State: %s)\n",
			event.Timestamp.Format("15:04:05"),
			event.Type,
			event.Message,
			event.VM.State)
	}
}
