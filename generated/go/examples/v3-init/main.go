// Code generated from extras/go/examples/v3-init/main.go by generator/; DO NOT EDIT.

// Command v3-init runs the Go example "v3-init" of the DWCP SDK reference guide against
// DWCP_ADDRESS, DWCP_PORT and DWCP_API_KEY.
package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"strconv"

	"github.com/novacron/dwcp-sdk-go"
	"github.com/novacron/dwcp-sdk-go/examples/internal/exampleenv"
)

func main() {
	// v3
	config := dwcp.DefaultConfig()
	config.Address = exampleenv.EnvOr("DWCP_ADDRESS", "localhost")
	if port, err := strconv.Atoi(os.Getenv("DWCP_PORT")); err == nil {
		config.Port = port
	}
	config.APIKey = os.Getenv("DWCP_API_KEY")
	client, err := dwcp.NewClient(config)
	if err != nil {
		log.Fatal(err)
	}
	if err := client.Connect(context.Background()); err != nil {
		log.Fatal(err)
	}
	fmt.Println("connected:", client.IsConnected())
}
