// Command errors runs the Go example "errors" of the DWCP SDK reference guide against
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

func main() {
	ctx := context.Background()
	client, vmClient, _ := exampleenv.Connect(ctx)
	defer client.Disconnect()
	vmID := "vm-does-not-exist"

	vm, err := vmClient.Get(ctx, vmID)
	if err != nil {
		switch {
		case errors.Is(err, dwcp.ErrVMNotFound):
			fmt.Println("VM not found")
		case errors.Is(err, dwcp.ErrTimeout):
			fmt.Println("Operation timeout")
		case errors.Is(err, dwcp.ErrAuthFailed):
			fmt.Println("Authentication failed")
		case errors.Is(err, dwcp.ErrNotConnected):
			fmt.Println("Not connected to server")
		default:
			log.Fatal(err)
		}
	}
	_ = vm
}
