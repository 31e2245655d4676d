// Command api-key runs the Go example "api-key" of the DWCP SDK reference guide against
// DWCP_ADDRESS, DWCP_PORT and DWCP_API_KEY.
package main

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/novacron/dwcp-sdk-go"
	"github.com/novacron/dwcp-sdk-go/examples/internal/exampleenv"
)

func main() {
	config := exampleenv.Config()

	// Good
	config.APIKey = os.Getenv("DWCP_API_KEY")

	client, err := dwcp.NewClient(config)
	if err != nil {
		log.Fatal(err)
	}
	if err := client.Connect(context.Background()); err != nil {
		log.Fatal(err)
	}
	fmt.Println(config) // the key is redacted
}
