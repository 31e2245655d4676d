// Code generated from templates/go/runtime/hostile_test.go by generator/; DO NOT EDIT.

package dwcp

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// answering is a server giving every request the same status, content type and body.
func answering(t *testing.T, status int, contentType, body string) *scripted {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", contentType)
		w.WriteHeader(status)
		fmt.Fprint(w, body)
	}))
	t.Cleanup(srv.Close)
	return &scripted{srv: srv}
}

func errorCodeOf(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}

func TestSuccessBodyMustBeUTF8JSON(t *testing.T) {
	for name, body := range map[string]string{
		"empty":        "",
		"invalid utf8": "{\"name\":\"\xff\xfe\"}",
		"wrong shape":  "[1,2]",
		"truncated":    `{"name":"x`,
	} {
		s := answering(t, 200, "application/json", body)
		c := testClient(t, s)
		var out struct{ Name string }
		err := c.call(context.Background(), testRequest(), &out)
		var e *Error
		if !errors.As(err, &e) || e.Code != "malformed_response" || e.Attempts != 1 {
			t.Fatalf("%s body: want malformed_response after 1 attempt, got %v (decoded %+v)", name, err, out)
		}
	}
}

func TestErrorBodyIsReadUpTo64KiB(t *testing.T) {
	body := `{"error":{"type":"","code":"","message":"` + strings.Repeat("x", 2<<20) + `"}}`
	s := answering(t, 400, "application/json", body)
	c := testClient(t, s)
	err := c.call(context.Background(), testRequest(), nil)
	var e *Error
	if !errors.As(err, &e) || e.Status != 400 || e.Code != "invalid_argument" {
		t.Fatalf("want the error typed by its status, got %v", err)
	}
	if len(e.Message) > 64<<10 {
		t.Fatalf("the message is %d bytes, want at most 64 KiB", len(e.Message))
	}
}

func TestSSELineLongerThanBufferSizeEndsTheStream(t *testing.T) {
	stream := "id: 1\ndata: {}\n\nid: 2\ndata: " + strings.Repeat("y", 4096) + "\n\n"
	r := newSSEReader(strings.NewReader(stream), 1024, "")
	if ev, err := r.next(); err != nil || ev.id != "1" {
		t.Fatalf("the event before the long line arrives: %+v, %v", ev, err)
	}
	_, err := r.next()
	var fatal *fatalStreamError
	if !errors.As(err, &fatal) || fatal.err.Code != "malformed_response" {
		t.Fatalf("a line over buffer_size is malformed_response, got %v", err)
	}
	// Data lines each under the limit but together over it are the same error.
	stream = "data: " + strings.Repeat("z", 600) + "\ndata: " + strings.Repeat("z", 600) + "\n\n"
	r = newSSEReader(strings.NewReader(stream), 1024, "")
	if _, err := r.next(); !errors.As(err, &fatal) {
		t.Fatalf("an event's data over buffer_size is malformed_response, got %v", err)
	}
}

func TestSSEUnknownEventNamesAreIgnored(t *testing.T) {
	s := answering(t, 200, "text/event-stream",
		"id: 1\nevent: tick\ndata: {\"n\":1}\n\nevent: x_future\ndata: {\"n\":99}\n\nid: 2\ndata: {\"n\":2}\n\n")
	c := testClient(t, s)
	r := testRequest()
	r.path, r.event = "/things/1/events", "tick"
	st, err := openStream[map[string]any](context.Background(), c, r)
	if err != nil {
		t.Fatal(err)
	}
	var got []any
	for ev := range st.C {
		got = append(got, ev["n"])
	}
	if fmt.Sprint(got) != "[1 2]" || st.Err() != nil {
		t.Fatalf("events %v, err %v: want the named and the unnamed event only", got, st.Err())
	}
}

func TestStreamAnswerMustBeEventStream(t *testing.T) {
	s := answering(t, 200, "application/json", `{"id":"x"}`)
	c := testClient(t, s)
	r := testRequest()
	r.path, r.event = "/things/1/events", "tick"
	_, err := openStream[map[string]any](context.Background(), c, r)
	if errorCodeOf(err) != "malformed_response" {
		t.Fatalf("a 200 that is not text/event-stream is malformed_response, got %v", err)
	}
}
