// Command client-pool runs the Go example "client-pool" of the DWCP SDK reference guide against
// DWCP_ADDRESS, DWCP_PORT and DWCP_API_KEY.
package main

import (
	"context"
	"fmt"
	"log"
	"sync"

	"github.com/novacron/dwcp-sdk-go"
	"github.com/novacron/dwcp-sdk-go/examples/internal/exampleenv"
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
		client, _, _ := exampleenv.Connect(ctx)
		defer client.Disconnect()
		pool.clients = append(pool.clients, client)
	}
	health, err := pool.Get().Health(ctx)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("server", health.Status)
}
