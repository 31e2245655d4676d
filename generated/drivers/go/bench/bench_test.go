// Code generated from extras/drivers/go/bench/bench_test.go by generator/; DO NOT EDIT.

// Package bench compares the Go SDK with bare net/http against a live conformance server
// (DWCP_BENCH_URL, DWCP_API_KEY): run through `nox -s bench -- go`, which passes -benchtime 1x
// (each benchmark takes its own fixed number of samples, so that both sides get the same work).
//
//   - BenchmarkGet: DWCP_BENCH_GETS (default 5000) interleaved rounds of VM().Get on three clients
//     (plain; logging off and one no-op hook; tracing on through dwcpotel with no exporter) and the
//     same GET through a bare net/http client with identical headers, transport settings and decode
//     into dwcp.VM; who goes first rotates every round so no side always runs on a warmer
//     connection. Reported: each p50 and its ratio to bare (limit 1.10x for plain and hooked).
//   - BenchmarkListLazy: 100,000 synthetic VMs listed with ListIter (page size 500) and by a bare
//     net/http client paging the same pages, DWCP_BENCH_LIST_ROUNDS (default 3) alternating rounds.
//     Reported: the median time of each, their ratio (limit 1.15x), and the SDK's peak heap growth
//     while iterating (target under 50 MB).
//   - BenchmarkStream: DWCP_BENCH_ROUNDS (default 5) rounds replaying a 20,000-event log through
//     Watch, through a minimal correct bare consumer (bufio lines, SSE data/blank-line dispatch,
//     json.Unmarshal into dwcp.VMEvent) and through a line counter that decodes nothing. Reported:
//     the median events/s of each; the limits are 20,000/s and half the bare consumer's rate.
package bench

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"runtime"
	"sort"
	"strconv"
	"testing"
	"time"

	dwcp "github.com/novacron/dwcp-sdk-go"
	"github.com/novacron/dwcp-sdk-go/dwcpotel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

const burst = 20000

// userAgent is the SDK's User-Agent, sent by the bare client too.
var userAgent = "dwcp-go/" + dwcp.Version + " (" + runtime.Version() + "; " + runtime.GOOS + "; " + runtime.GOARCH + ")"

func envInt(name string, fallback int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return fallback
}

func setup(b *testing.B) (*dwcp.Client, string, string, string) {
	raw := os.Getenv("DWCP_BENCH_URL")
	if raw == "" {
		b.Skip("DWCP_BENCH_URL is not set")
	}
	u, _ := url.Parse(raw)
	port, _ := strconv.Atoi(u.Port())
	cfg := dwcp.DefaultConfig()
	cfg.Address, cfg.Port, cfg.APIKey = u.Hostname(), port, os.Getenv("DWCP_API_KEY")
	client, err := dwcp.NewClient(cfg)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	if err := client.Connect(ctx); err != nil {
		b.Fatal(err)
	}
	vm, err := client.VM().Create(ctx, dwcp.VMConfig{Name: "bench", Memory: 1 << 30, CPUs: 1, Disk: 10 << 30, Image: "img"})
	if err != nil {
		b.Fatal(err)
	}
	return client, vm.ID, raw, cfg.APIKey
}

// bareTransport has the settings the SDK gives its own transport (DefaultConfig).
func bareTransport() *http.Transport {
	return &http.Transport{
		DisableCompression:  true,
		MaxIdleConns:        100,
		MaxIdleConnsPerHost: 100,
		MaxConnsPerHost:     100,
		IdleConnTimeout:     30 * time.Second,
		ReadBufferSize:      64 << 10,
		WriteBufferSize:     64 << 10,
	}
}

func p50(d []time.Duration) time.Duration {
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	return d[len(d)/2]
}

func median(v []float64) float64 {
	sort.Float64s(v)
	return v[len(v)/2]
}

// bareGet is the SDK's Get done by hand: the same headers (a request id of the same length, the
// attempt number, auth, accept, user agent), the whole body read, and one decode into dwcp.VM.
func bareGet(ctx context.Context, hc *http.Client, target, auth string, n int) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return err
	}
	req.Header["Accept"] = []string{"application/json"}
	req.Header["User-Agent"] = []string{userAgent}
	req.Header["Authorization"] = []string{auth}
	req.Header["X-Request-ID"] = []string{fmt.Sprintf("00000000-0000-4000-8000-%012d", n)}
	req.Header["DWCP-Attempt"] = []string{"1"}
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("bare GET: %s", resp.Status)
	}
	var vm dwcp.VM
	return json.Unmarshal(body, &vm)
}

// BenchmarkGet interleaves the SDK's Get (plain; with logging off and one no-op hook; with tracing
// on and no exporter) and the same GET with a bare net/http client, rotating who goes first.
func BenchmarkGet(b *testing.B) {
	os.Unsetenv("DWCP_LOG") // logging off for every client of the benchmark
	client, id, base, key := setup(b)
	defer client.Disconnect()
	hooked := connect(b, dwcp.WithHooks(dwcp.Hooks{BeforeAttempt: func(context.Context, *dwcp.Attempt) error { return nil }}))
	defer hooked.Disconnect()
	tp := sdktrace.NewTracerProvider() // no span processor: spans are made and dropped
	defer tp.Shutdown(context.Background())
	traced := connect(b, dwcp.WithHooks(dwcpotel.Hooks(dwcpotel.WithTracerProvider(tp))))
	defer traced.Disconnect()
	bare := &http.Client{Transport: bareTransport()}
	target, auth := base+"/v3/vms/"+id, "Bearer "+key
	ctx := context.Background()
	samples := envInt("DWCP_BENCH_GETS", 5000)
	names := []string{"sdk", "sdk+hook", "sdk+tracing", "bare"}
	times := make([][]time.Duration, len(names))
	runs := []func(i int) error{
		func(int) error { _, err := client.VM().Get(ctx, id); return err },
		func(int) error { _, err := hooked.VM().Get(ctx, id); return err },
		func(int) error { _, err := traced.VM().Get(ctx, id); return err },
		func(i int) error { return bareGet(ctx, bare, target, auth, i) },
	}
	run := func(i int, record bool) {
		for k := range runs {
			v := (k + i) % len(runs) // rotate who goes first
			start := time.Now()
			if err := runs[v](i); err != nil {
				b.Fatal(names[v], err)
			}
			if record {
				times[v] = append(times[v], time.Since(start))
			}
		}
	}
	for i := 0; i < 200; i++ { // warm-up: connections, pools, caches
		run(i, false)
	}
	b.ResetTimer()
	for i := 0; i < samples; i++ {
		run(i, true)
	}
	b.StopTimer()
	r := p50(times[3])
	b.ReportMetric(float64(r.Nanoseconds())/1e3, "bare-p50-µs")
	fmt.Printf("Get p50 over %d rounds: bare net/http %v", samples, r)
	for v, name := range names[:3] {
		s := p50(times[v])
		b.ReportMetric(float64(s.Nanoseconds())/1e3, name+"-p50-µs")
		b.ReportMetric(float64(s)/float64(r), name+"-overhead-x")
		fmt.Printf(", %s %v (%.3fx)", name, s, float64(s)/float64(r))
	}
	fmt.Println(" (limit 1.10x for sdk and sdk+hook; sdk+tracing reported)")
}

// connect builds and connects one more client of the bench server with opts.
func connect(b *testing.B, opts ...dwcp.Option) *dwcp.Client {
	u, _ := url.Parse(os.Getenv("DWCP_BENCH_URL"))
	port, _ := strconv.Atoi(u.Port())
	cfg := dwcp.DefaultConfig()
	cfg.Address, cfg.Port, cfg.APIKey = u.Hostname(), port, os.Getenv("DWCP_API_KEY")
	client, err := dwcp.NewClient(cfg, opts...)
	if err != nil {
		b.Fatal(err)
	}
	if err := client.Connect(context.Background()); err != nil {
		b.Fatal(err)
	}
	return client
}

// BenchmarkStream replays a burst from the server's event log through Watch, through a minimal
// correct bare consumer and through a bare line counter, round after round.
func BenchmarkStream(b *testing.B) {
	base := os.Getenv("DWCP_BENCH_URL")
	if base == "" {
		b.Skip("DWCP_BENCH_URL is not set")
	}
	post(b, base+"/_conformance/reset", map[string]any{"event_retention": 2 * burst, "clock_speed": 1000.0})
	client, id, base, key := setup(b)
	defer client.Disconnect()
	post(b, base+"/_conformance/events", map[string]any{"vm_id": id, "count": burst})
	hc := &http.Client{Transport: bareTransport()}
	target, auth := base+"/v3/vms/"+id+"/events?follow=false", "Bearer "+key
	rounds := envInt("DWCP_BENCH_ROUNDS", 5)
	var sdk, decode, lines []float64
	consumers := []func(){
		func() { sdk = append(sdk, sdkBurst(b, client, id)) },
		func() { decode = append(decode, bareBurst(b, hc, target, auth, true)) },
		func() { lines = append(lines, bareBurst(b, hc, target, auth, false)) },
	}
	b.ResetTimer()
	for r := 0; r < rounds; r++ {
		for i := range consumers {
			consumers[(i+r)%len(consumers)]() // rotate who goes first
		}
	}
	b.StopTimer()
	s, d, l := median(sdk), median(decode), median(lines)
	b.ReportMetric(s, "sdk-events/s")
	b.ReportMetric(d, "bare-decode-events/s")
	b.ReportMetric(l, "bare-lines-events/s")
	fmt.Printf("stream (median of %d rounds of %d events): sdk %.0f events/s, bare decoding consumer %.0f events/s "+
		"(ratio %.2f), bare line counter %.0f events/s (ratio %.2f); limits 20000/s and 0.5 of the decoding consumer\n",
		rounds, burst, s, d, s/d, l, s/l)
}

func sdkBurst(b *testing.B, client *dwcp.Client, id string) float64 {
	start := time.Now()
	events, err := client.VM().Watch(context.Background(), id, dwcp.WithFollow(false))
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for ev := range events {
		if ev.ID > 0 {
			n++
		}
	}
	if n < burst {
		b.Fatalf("the SDK read %d events, want at least %d", n, burst)
	}
	return float64(n) / time.Since(start).Seconds()
}

// bareBurst reads the stream with bufio. With decode, it is a minimal correct SSE consumer: data
// lines joined, an event dispatched at its blank line and decoded into dwcp.VMEvent. Without, it
// only counts data lines (no dispatch, no decode): the ceiling of reading the bytes.
func bareBurst(b *testing.B, hc *http.Client, target, auth string, decode bool) float64 {
	start := time.Now()
	req, _ := http.NewRequest(http.MethodGet, target, nil)
	req.Header["Authorization"] = []string{auth}
	req.Header["Accept"] = []string{"text/event-stream"}
	resp, err := hc.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	rd := bufio.NewReaderSize(resp.Body, 64<<10)
	var data []byte
	n := 0
	for {
		line, err := rd.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			b.Fatal("an SSE line longer than 64 KiB")
		}
		if err != nil {
			break
		}
		line = bytes.TrimRight(line, "\r\n")
		switch {
		case !decode:
			if bytes.HasPrefix(line, []byte("data:")) {
				n++
			}
		case len(line) == 0:
			if len(data) > 0 {
				var ev dwcp.VMEvent
				if err := json.Unmarshal(data, &ev); err != nil {
					b.Fatal(err)
				}
				if ev.ID > 0 {
					n++
				}
				data = data[:0]
			}
		case bytes.HasPrefix(line, []byte("data:")):
			value := bytes.TrimPrefix(line[5:], []byte(" "))
			if len(data) > 0 {
				data = append(data, '\n')
			}
			data = append(data, value...)
		}
	}
	if n < burst {
		b.Fatalf("the bare reader read %d events (%s), want at least %d", n, resp.Status, burst)
	}
	return float64(n) / time.Since(start).Seconds()
}

func post(b *testing.B, target string, payload map[string]any) {
	body, _ := json.Marshal(payload)
	resp, err := http.Post(target, "application/json", bytes.NewReader(body))
	if err != nil {
		b.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode >= 300 {
		b.Fatalf("%s: %s", target, resp.Status)
	}
}

const listed = 100000

// BenchmarkListLazy lists 100,000 synthetic VMs lazily (ListIter, pages of 500) and with a bare
// client paging the same pages, and samples the heap between pages while the SDK iterates.
func BenchmarkListLazy(b *testing.B) {
	base := os.Getenv("DWCP_BENCH_URL")
	if base == "" {
		b.Skip("DWCP_BENCH_URL is not set")
	}
	post(b, base+"/_conformance/reset", map[string]any{"clock_speed": 1000.0})
	post(b, base+"/_conformance/vms", map[string]any{"count": listed, "name_prefix": "bench"})
	client := connect(b)
	defer client.Disconnect()
	hc := &http.Client{Transport: bareTransport()}
	auth := "Bearer " + os.Getenv("DWCP_API_KEY")
	rounds := envInt("DWCP_BENCH_LIST_ROUNDS", 3)
	var sdk, bare []float64
	var peak uint64
	b.ResetTimer()
	for r := 0; r < rounds; r++ {
		sides := []func(){
			func() {
				d, grew := sdkList(b, client)
				sdk = append(sdk, d)
				peak = max(peak, grew)
			},
			func() { bare = append(bare, bareList(b, hc, base, auth)) },
		}
		sides[r%2]()
		sides[(r+1)%2]()
	}
	b.StopTimer()
	s, r := median(sdk), median(bare)
	b.ReportMetric(s*1e3, "sdk-list-ms")
	b.ReportMetric(r*1e3, "bare-list-ms")
	b.ReportMetric(s/r, "list-overhead-x")
	b.ReportMetric(float64(peak)/(1<<20), "sdk-peak-heap-MB")
	fmt.Printf("lazy list of %d VMs (pages of 500, median of %d rounds): sdk %.0f ms, bare %.0f ms (%.3fx, limit 1.15x); "+
		"peak heap growth while iterating %.1f MB (target < 50 MB)\n", listed, rounds, s*1e3, r*1e3, s/r, float64(peak)/(1<<20))
}

// sdkList iterates ListIter over every VM; it returns the seconds taken and the peak heap growth
// over the heap before the list, sampled at each page boundary.
func sdkList(b *testing.B, client *dwcp.Client) (float64, uint64) {
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	base, peak := ms.HeapAlloc, uint64(0)
	start := time.Now()
	n := 0
	for vm, err := range client.VM().ListIter(context.Background(), nil, dwcp.WithPageSize(500)) {
		if err != nil {
			b.Fatal(err)
		}
		if vm.ID != "" {
			n++
		}
		if n%500 == 0 {
			runtime.ReadMemStats(&ms)
			if ms.HeapAlloc > base {
				peak = max(peak, ms.HeapAlloc-base)
			}
		}
	}
	elapsed := time.Since(start).Seconds()
	if n < listed {
		b.Fatalf("the SDK listed %d VMs, want %d", n, listed)
	}
	return elapsed, peak
}

// bareList pages through the same list with net/http, decoding each page into dwcp.VM values.
func bareList(b *testing.B, hc *http.Client, base, auth string) float64 {
	start := time.Now()
	n, token := 0, ""
	for {
		target := base + "/v3/vms?page_size=500"
		if token != "" {
			target += "&page_token=" + url.QueryEscape(token)
		}
		req, _ := http.NewRequest(http.MethodGet, target, nil)
		req.Header["Authorization"] = []string{auth}
		req.Header["Accept"] = []string{"application/json"}
		resp, err := hc.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil || resp.StatusCode != http.StatusOK {
			b.Fatalf("bare list: %v %s", err, resp.Status)
		}
		var page struct {
			VMs           []dwcp.VM `json:"vms"`
			NextPageToken string    `json:"next_page_token"`
		}
		if err := json.Unmarshal(body, &page); err != nil {
			b.Fatal(err)
		}
		n += len(page.VMs)
		if page.NextPageToken == "" {
			break
		}
		token = page.NextPageToken
	}
	if n < listed {
		b.Fatalf("the bare client listed %d VMs, want %d", n, listed)
	}
	return time.Since(start).Seconds()
}
