// Command client-pool runs the Go example "client-pool" of the DWCP SDK reference guide against
// DWCP_ADDRESS, DWCP_PORT and DWCP_API_KEY.
package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"strconv"
	"sync"

	"github.com/novacron/dwcp-sdk-go"
)

type ClientPool struct {
	clients []*dwcp.Client
	mu      sync.Mutex
	idx     int
}

func (p *ClientPool) Get() *dwcp.Client {
	p.mu.Lock()
	defer p.mu.Unlock()

	client := p.clients[p.idx]
	p.idx = (p.idx + 1) % len(p.clients)
	return client
}

func main() {
	ctx := context.Background()
	pool := &ClientPool{}
	for i := 0; i < 3; i++ {
		client, _, _ := connect(ctx)
		defer client.Disconnect()
		pool.clients = append(pool.clients, client)
	}
	health, err := pool.Get().Health(ctx)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("server", health.Status)
}


// config is dwcp.DefaultConfig() pointed at DWCP_ADDRESS, DWCP_PORT and DWCP_API_KEY.
func config() dwcp.ClientConfig {
	config := dwcp.DefaultConfig()
	config.Address = envOr("DWCP_ADDRESS", "localhost")
	if port, err := strconv.Atoi(os.Getenv("DWCP_PORT")); err == nil {
		config.Port = port
	}
	config.APIKey = os.Getenv("DWCP_API_KEY")
	return config
}

func envOr(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}

// connect builds and connects a client, and creates a VM for the fragments that need one.
func connect(ctx context.Context) (*dwcp.Client, *dwcp.VMClient, string) {
	client, err := dwcp.NewClient(config())
	if err != nil {
		log.Fatal(err)
	}
	if err := client.Connect(ctx); err != nil {
		log.Fatal(err)
	}
	vmClient := client.VM()
	vm, err := vmClient.Create(ctx, dwcp.VMConfig{Name: "example", Memory: 1 << 30, CPUs: 1, Disk: 10 << 30, Image: "ubuntu-22.04"})
	if err != nil {
		log.Fatal(err)
	}
	return client, vmClient, vm.ID
}
