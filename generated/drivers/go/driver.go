// Code generated from templates/drivers/go/driver.go by generator/; DO NOT EDIT.

// Command conformance-driver runs the DWCP conformance suite's driver protocol (version 1) over the
// Go SDK: one JSON request per line on stdin, one JSON reply per line on stdout, logs on stderr.
package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"log/slog"
	"os"
	"sync"
	"time"

	dwcp "github.com/novacron/dwcp-sdk-go"
)

const protocol = 1

// message is one request of the runner.
type message struct {
	ID         int64             `json:"id"`
	Cmd        string            `json:"cmd"`
	Client     string            `json:"client"`
	Config     map[string]any    `json:"config"`
	Op         string            `json:"op"`
	Args       json.RawMessage   `json:"args"`
	DeadlineMS *int64            `json:"deadline_ms"`
	CancelMS   *int64            `json:"cancel_after_ms"`
	Calls      []json.RawMessage `json:"calls"`
	Stream     string            `json:"stream"`
	Count      int               `json:"count"`
	TimeoutMS  int64             `json:"timeout_ms"`
	Options    *callOptions      `json:"options,omitempty"` // the protocol's per-call options (not a spec name)
	Raw        bool              `json:"raw"`
}

// reply is one answer; exactly one of Result or Error is meaningful.
type reply struct {
	ID     int64     `json:"id,omitempty"`
	OK     bool      `json:"ok"`
	Result any       `json:"result"`
	Error  *errReply `json:"error,omitempty"`
}

// errReply is the protocol's error object.
type errReply struct {
	Category     string  `json:"category"`
	Status       *int    `json:"status"`
	Code         string  `json:"code,omitempty"`
	RequestID    string  `json:"request_id,omitempty"`
	Attempts     int     `json:"attempts"`
	RetryAfterMS *int64  `json:"retry_after_ms"`
	Message      string  `json:"message"`
	Field        *string `json:"field,omitempty"`
	Exhausted    bool    `json:"retry_quota_exhausted,omitempty"`
	State        *string `json:"state,omitempty"`
}

// driver holds the clients and open streams the runner named.
type driver struct {
	mu        sync.Mutex
	clients   map[string]*dwcp.Client
	observers map[string]*observer
	streams   map[string]*stream
}

func main() {
	log.SetOutput(os.Stderr)
	d := &driver{clients: map[string]*dwcp.Client{}, observers: map[string]*observer{}, streams: map[string]*stream{}}
	in := bufio.NewReaderSize(os.Stdin, 1<<20)
	out := bufio.NewWriter(os.Stdout)
	enc := json.NewEncoder(out)
	for {
		line, err := in.ReadBytes('\n')
		if len(line) > 0 {
			var m message
			var r reply
			if jerr := json.Unmarshal(line, &m); jerr != nil {
				r = crash(fmt.Errorf("bad request line: %w", jerr))
			} else {
				r = d.handle(m)
			}
			r.ID = m.ID
			if err := enc.Encode(r); err != nil {
				log.Fatalf("write: %v", err)
			}
			out.Flush()
			if m.Cmd == "shutdown" {
				return
			}
		}
		if err != nil {
			return
		}
	}
}

// handle runs one command; a panic becomes a Crash reply.
func (d *driver) handle(m message) (r reply) {
	defer func() {
		if p := recover(); p != nil {
			r = crash(fmt.Errorf("panic: %v", p))
		}
	}()
	result, err := d.run(m)
	if err != nil {
		return failure(err)
	}
	return reply{OK: true, Result: result}
}

func (d *driver) run(m message) (any, error) {
	switch m.Cmd {
	case "hello":
		return map[string]any{"language": "go", "sdk_version": dwcp.Version, "protocol": protocol, "features": features}, nil
	case "new_client":
		return d.newClient(m)
	case "connect":
		c, err := d.client(m.Client)
		if err != nil {
			return nil, err
		}
		ctx, cancel := deadline(m.DeadlineMS)
		defer cancel()
		if err := c.Connect(ctx); err != nil {
			return nil, err
		}
		return status(c), nil
	case "disconnect":
		c, err := d.client(m.Client)
		if err != nil {
			return nil, err
		}
		return map[string]any{}, c.Disconnect()
	case "describe":
		c, err := d.client(m.Client)
		if err != nil {
			return nil, err
		}
		return describe(c), nil
	case "status":
		c, err := d.client(m.Client)
		if err != nil {
			return nil, err
		}
		return status(c), nil
	case "client_metrics":
		c, err := d.client(m.Client)
		if err != nil {
			return nil, err
		}
		x := c.GetMetrics()
		return map[string]any{"messages_sent": x.MessagesSent, "messages_received": x.MessagesReceived,
			"bytes_sent": x.BytesSent, "bytes_received": x.BytesReceived, "errors_total": x.ErrorsTotal,
			"retry_tokens": x.RetryTokens}, nil
	case "call":
		c, err := d.client(m.Client)
		if err != nil {
			return nil, err
		}
		return d.call(c, m, m.DeadlineMS)
	case "hook_events", "log_records", "spans":
		o, err := d.observer(m.Client)
		if err != nil {
			return nil, err
		}
		switch m.Cmd {
		case "hook_events":
			return o.hookEvents(), nil
		case "log_records":
			return o.logRecords(), nil
		}
		return o.spans(), nil
	case "call_many":
		return d.callMany(m)
	case "stream_open":
		return d.streamOpen(m)
	case "stream_read":
		return d.streamRead(m)
	case "stream_close":
		return d.streamClose(m)
	case "shutdown":
		d.mu.Lock()
		defer d.mu.Unlock()
		for _, s := range d.streams {
			s.close()
		}
		for _, c := range d.clients {
			c.Disconnect()
		}
		for _, o := range d.observers {
			if o.provider != nil {
				o.provider.Shutdown(context.Background())
			}
		}
		return map[string]any{}, nil
	}
	return nil, fmt.Errorf("unknown command %q", m.Cmd)
}

func status(c *dwcp.Client) map[string]any {
	return map[string]any{"is_connected": c.IsConnected(), "is_authenticated": c.IsAuthenticated()}
}

func (d *driver) client(name string) (*dwcp.Client, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	c, ok := d.clients[name]
	if !ok {
		return nil, fmt.Errorf("no client named %q", name)
	}
	return c, nil
}

func (d *driver) observer(name string) (*observer, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	o, ok := d.observers[name]
	if !ok {
		return nil, fmt.Errorf("no client named %q", name)
	}
	return o, nil
}

func (d *driver) newClient(m message) (any, error) {
	opts, obs, err := observability(m.Config)
	if err != nil {
		return nil, err
	}
	config := dwcp.DefaultConfig()
	if err := applyConfig(&config, m.Config); err != nil {
		return nil, err
	}
	// The test setting "sync" needs nothing here: the Go client is the blocking client.
	if j, ok := m.Config["jitter"].(float64); ok {
		opts = append(opts, dwcp.WithJitter(func() float64 { return j }))
	}
	if path, ok := m.Config["ca_file"].(string); ok && path != "" {
		pem, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("no certificate in %s", path)
		}
		config.TLSConfig = &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}
	}
	c, err := dwcp.NewClient(config, opts...)
	if err != nil {
		return nil, err
	}
	d.mu.Lock()
	if old := d.clients[m.Client]; old != nil {
		old.Disconnect()
	}
	d.clients[m.Client] = c
	d.observers[m.Client] = obs
	d.mu.Unlock()
	return map[string]any{}, nil
}

// deadline is the caller's deadline of a call (none when ms is nil).
func deadline(ms *int64) (context.Context, context.CancelFunc) {
	if ms == nil {
		return context.WithCancel(context.Background())
	}
	return context.WithTimeout(context.Background(), time.Duration(*ms)*time.Millisecond)
}

func (d *driver) call(c *dwcp.Client, m message, deadlineMS *int64) (any, error) {
	args := m.Args
	if len(args) == 0 || string(args) == "null" {
		args = json.RawMessage("{}")
	}
	ctx, cancel := deadline(deadlineMS)
	defer cancel()
	if m.CancelMS != nil {
		// The caller cancels the call's context that many ms after it began: the SDK answers
		// with an error matching context.Canceled (reported as category Cancelled) unless the
		// call ended first.
		timer := time.AfterFunc(time.Duration(*m.CancelMS)*time.Millisecond, cancel)
		defer timer.Stop()
	}
	extra := m.Options.options()
	if !m.Raw {
		return callOp(ctx, c, m.Op, args, extra)
	}
	var resp dwcp.Response
	result, err := callOp(ctx, c, m.Op, args, append(extra, dwcp.WithResponseInto(&resp)))
	if err != nil {
		return nil, err
	}
	return rawResult(&resp, result), nil
}

func (d *driver) callMany(m message) (any, error) {
	c, err := d.client(m.Client)
	if err != nil {
		return nil, err
	}
	replies := make([]reply, len(m.Calls))
	var wg sync.WaitGroup
	for i, raw := range m.Calls {
		var one message
		if err := json.Unmarshal(raw, &one); err != nil {
			replies[i] = crash(err)
			continue
		}
		wg.Add(1)
		go func(i int, one message) {
			defer wg.Done()
			defer func() {
				if p := recover(); p != nil {
					replies[i] = crash(fmt.Errorf("panic: %v", p))
				}
			}()
			result, err := d.call(c, one, firstDeadline(one.DeadlineMS, m.DeadlineMS))
			if err != nil {
				replies[i] = failure(err)
				return
			}
			replies[i] = reply{OK: true, Result: result}
		}(i, one)
	}
	wg.Wait()
	return map[string]any{"results": replies}, nil
}

func firstDeadline(a, b *int64) *int64 {
	if a != nil {
		return a
	}
	return b
}

// failure is the reply of an error returned by the SDK.
func failure(err error) reply {
	var e *dwcp.Error
	if !errors.As(err, &e) {
		if errors.Is(err, context.Canceled) {
			return reply{Error: &errReply{Category: "Cancelled", Message: err.Error()}}
		}
		return crash(err)
	}
	r := &errReply{Category: e.Type, Code: e.Code, RequestID: e.RequestID, Attempts: e.Attempts, Message: e.Error()}
	if e.Kind == nil && errors.Is(err, context.Canceled) {
		r.Category = "Cancelled"
	}
	if e.Status != 0 {
		r.Status = &e.Status
	}
	if e.RetryAfter > 0 {
		ms := e.RetryAfter.Milliseconds()
		r.RetryAfterMS = &ms
	}
	if e.Field != "" {
		r.Field = &e.Field
	}
	r.Exhausted = e.RetryQuotaExhausted
	if e.State != "" {
		r.State = &e.State
	}
	return reply{Error: r}
}

// crash is the reply of an error that is not a DWCP error: a conformance failure by definition.
func crash(err error) reply {
	return reply{Error: &errReply{Category: "Crash", Message: err.Error()}}
}

// argError reports arguments the SDK's types cannot hold, as the SDK would: a validation error.
func argError(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return &dwcp.Error{Kind: errValidation, Type: validationType, Code: "validation_failed",
			Message: te.Field + " has the wrong type", Field: te.Field}
	}
	return err
}

// describe is every text form Go gives a client and its config: the fmt verbs, encoding/json and
// slog's two handlers (the runner searches them all for the API key).
func describe(c *dwcp.Client) map[string]any {
	config := c.Config()
	forms := []map[string]string{}
	add := func(how, text string) { forms = append(forms, map[string]string{"how": how, "text": text}) }
	for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
		add(verb+" config", fmt.Sprintf(verb, config))
		add(verb+" &config", fmt.Sprintf(verb, &config))
		add(verb+" client", fmt.Sprintf(verb, c))
	}
	if data, err := json.Marshal(config); err == nil {
		add("json.Marshal(config)", string(data))
	} else {
		add("json.Marshal(config) error", err.Error())
	}
	var text, structured bytes.Buffer
	slog.New(slog.NewTextHandler(&text, nil)).Info("built", "config", config, "client", c)
	slog.New(slog.NewJSONHandler(&structured, nil)).Info("built", "config", config, "client", c)
	add("slog text", text.String())
	add("slog JSON", structured.String())
	return map[string]any{"renderings": forms}
}
