// Code generated from templates/drivers/go/stream.go by generator/; DO NOT EDIT.

package main

import (
	"encoding/json"
	"fmt"
	"strconv"
	"sync"
	"time"

	dwcp "github.com/novacron/dwcp-sdk-go"
)

// stream is an open SDK stream whose events wait, as wire JSON, for stream_read.
type stream struct {
	events chan json.RawMessage
	err    func() error
	close  func()
	done   bool
}

// watchStream adapts a typed *dwcp.Stream; ids holds the SSE id of each event, in order.
func watchStream[T any](s *dwcp.Stream[T], ids *idQueue) *stream {
	out := &stream{events: make(chan json.RawMessage, 1<<16), err: s.Err, close: func() { s.Close() }}
	go func() {
		defer close(out.events)
		for ev := range s.C {
			out.events <- withID(ev, ids.pop())
		}
	}()
	return out
}

// withID is the wire form of an event, with its SSE id as "id" when the event has none.
func withID(ev any, id string) json.RawMessage {
	b, err := json.Marshal(ev)
	if err != nil {
		b, _ = json.Marshal(map[string]string{"marshal_error": err.Error()})
		return b
	}
	var fields map[string]json.RawMessage
	if json.Unmarshal(b, &fields) != nil || fields["id"] != nil || id == "" {
		return b
	}
	if _, err := strconv.ParseInt(id, 10, 64); err == nil {
		fields["id"] = json.RawMessage(id)
	} else {
		fields["id"], _ = json.Marshal(id)
	}
	b, _ = json.Marshal(fields)
	return b
}

// idQueue passes event ids from the SDK's WithEventID hook to the reader, in order.
type idQueue struct {
	mu  sync.Mutex
	ids []string
}

func (q *idQueue) push(id string) {
	q.mu.Lock()
	q.ids = append(q.ids, id)
	q.mu.Unlock()
}

func (q *idQueue) pop() string {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.ids) == 0 {
		return ""
	}
	id := q.ids[0]
	q.ids = q.ids[1:]
	return id
}

func (d *driver) streamOpen(m message) (any, error) {
	c, err := d.client(m.Client)
	if err != nil {
		return nil, err
	}
	args := m.Args
	if len(args) == 0 || string(args) == "null" {
		args = json.RawMessage("{}")
	}
	s, err := openOp(c, m.Op, args, m.Options.options())
	if err != nil {
		return nil, err
	}
	d.mu.Lock()
	if old := d.streams[m.Stream]; old != nil {
		old.close()
	}
	d.streams[m.Stream] = s
	d.mu.Unlock()
	return map[string]any{}, nil
}

func (d *driver) stream(name string) (*stream, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	s, ok := d.streams[name]
	if !ok {
		return nil, fmt.Errorf("no stream named %q", name)
	}
	return s, nil
}

func (d *driver) streamRead(m message) (any, error) {
	s, err := d.stream(m.Stream)
	if err != nil {
		return nil, err
	}
	events := []json.RawMessage{}
	timer := time.NewTimer(time.Duration(m.TimeoutMS) * time.Millisecond)
	defer timer.Stop()
	for !s.done && len(events) < m.Count {
		select {
		case ev, ok := <-s.events:
			if !ok {
				s.done = true
				break
			}
			events = append(events, ev)
		case <-timer.C:
			return streamResult(events, s), nil
		}
	}
	return streamResult(events, s), nil
}

func streamResult(events []json.RawMessage, s *stream) map[string]any {
	out := map[string]any{"events": events, "done": s.done, "error": nil}
	if s.done {
		if err := s.err(); err != nil {
			out["error"] = failure(err).Error
		}
	}
	return out
}

func (d *driver) streamClose(m message) (any, error) {
	s, err := d.stream(m.Stream)
	if err != nil {
		return nil, err
	}
	s.close()
	d.mu.Lock()
	delete(d.streams, m.Stream)
	d.mu.Unlock()
	return map[string]any{}, nil
}
