// Command connection runs the Go example "connection" of the DWCP SDK reference guide against
// DWCP_ADDRESS, DWCP_PORT and DWCP_API_KEY.
package main

import (
	"context"
	"fmt"

	"github.com/novacron/dwcp-sdk-go/examples/internal/exampleenv"
)

func main() {
	ctx := context.Background()
	client, _, _ := exampleenv.Connect(ctx)
	defer client.Disconnect()

	// Check connection status
	if client.IsConnected() {
		fmt.Println("Connected")
	}

	if client.IsAuthenticated() {
		fmt.Println("Authenticated")
	}

	// Get client metrics
	metrics := client.GetMetrics()
	fmt.Printf("Messages sent: %d\n", metrics.MessagesSent)
	fmt.Printf("Messages received: %d\n", metrics.MessagesReceived)
	fmt.Printf("Bytes sent: %d\n", metrics.BytesSent)
	fmt.Printf("Bytes received: %d\n", metrics.BytesReceived)
	fmt.Printf("Errors: %d\n", metrics.ErrorsTotal)
}
