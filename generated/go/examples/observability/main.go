// Code generated from extras/go/examples/observability/main.go by generator/; DO NOT EDIT.

// Command observability shows the SDK's hooks, logging, per-call options, raw responses and
// User-Agent against DWCP_ADDRESS, DWCP_PORT and DWCP_API_KEY (README "Seeing into a call").
package main

import (
	"context"
	"fmt"
	"log"
	"log/slog"
	"os"
	"time"

	"github.com/novacron/dwcp-sdk-go"
	"github.com/novacron/dwcp-sdk-go/examples/internal/exampleenv"
)

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()

	// Hooks: see (and adjust) every attempt.
	audit := dwcp.Hooks{
		BeforeAttempt: func(ctx context.Context, a *dwcp.Attempt) error {
			a.Header.Set("X-Tenant", "blue")
			return nil
		},
		AfterResponse: func(ctx context.Context, a *dwcp.Attempt) error {
			fmt.Printf("%s attempt %d: %d in %v\n", a.Operation, a.Number, a.Status, a.Duration.Round(time.Millisecond))
			return nil
		},
	}
	// Logging: log/slog, at the level DWCP_LOG asks for (or WithLogLevel).
	logger := slog.New(slog.NewTextHandler(os.Stderr, nil))
	client, err := dwcp.NewClient(exampleenv.Config(), dwcp.WithHooks(audit), dwcp.WithLogger(logger), dwcp.WithLogLevel(slog.LevelInfo))
	if err != nil {
		log.Fatal(err)
	}
	defer client.Disconnect()
	if err := client.Connect(ctx); err != nil {
		log.Fatal(err)
	}

	// Per-call options and the raw response.
	var resp dwcp.Response
	vm, err := client.VM().Create(ctx, dwcp.VMConfig{Name: "observed", Memory: 1 << 30, CPUs: 1, Disk: 10 << 30, Image: "ubuntu-22.04"},
		dwcp.WithRequestTimeout(5*time.Second), dwcp.WithRetryAttempts(1), dwcp.WithHeader("X-Change-Ticket", "CHG-42"),
		dwcp.WithResponseInto(&resp))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("created %s: HTTP %d, request %s\n", vm.Name, resp.StatusCode, resp.RequestID)
	fmt.Println(client) // String never prints the API key
}
