// Code generated from templates/go/runtime/resilience_test.go by generator/; DO NOT EDIT.

package dwcp

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func budgetClient(t *testing.T, s *scripted, b budgetSettings) *Client {
	c := testClient(t, s)
	c.budget = newRetryBudget(b)
	return c
}

func TestRetryBudgetVector(t *testing.T) {
	s := newScripted(t, 503, 200)
	c := budgetClient(t, s, budgetSettings{capacity: 12, retryCost: 5, timeoutCost: 10, refund: 1})
	ctx := context.Background()
	if err := c.call(ctx, testRequest(), nil); err != nil {
		t.Fatal(err)
	}
	if got := c.GetMetrics().RetryTokens; got != 12 {
		t.Fatalf("a retried success refunds its retry's cost: %d tokens, want 12", got)
	}
	s.statuses = []int{200, 503}
	err := c.call(ctx, testRequest(), nil)
	var e *Error
	// 12 -> 7 -> 2, then 2 < 5: the budget refuses the third retry.
	if !errors.As(err, &e) || !e.RetryQuotaExhausted || e.Attempts != 3 || e.Code != "unavailable" {
		t.Fatalf("want the last attempt's error marked exhausted after 3 attempts, got %+v", err)
	}
	if !strings.Contains(e.Error(), "retry budget exhausted") {
		t.Fatalf("the error text says so: %v", e)
	}
	if got := c.GetMetrics().RetryTokens; got != 2 {
		t.Fatalf("tokens after the exhausted call: %d, want 2", got)
	}
	s.statuses = []int{200}
	s.seen = nil
	for i := 0; i < 20; i++ {
		_ = c.call(ctx, testRequest(), nil)
	}
	if got := c.GetMetrics().RetryTokens; got != 12 {
		t.Fatalf("first-time successes refund 1 each, capped at the capacity: %d", got)
	}
}

func TestRetryBudgetOffNeverRefuses(t *testing.T) {
	s := newScripted(t, 503)
	c := budgetClient(t, s, budgetSettings{})
	err := c.call(context.Background(), testRequest(), nil)
	if e, ok := err.(*Error); !ok || e.RetryQuotaExhausted || e.Attempts != 4 {
		t.Fatalf("capacity 0 is off: %v", err)
	}
	if c.GetMetrics().RetryTokens != 0 {
		t.Fatal("an off budget reports its capacity, 0")
	}
}

func TestRetryBudgetTimeoutCost(t *testing.T) {
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(100 * time.Millisecond)
	}))
	defer slow.Close()
	c := budgetClient(t, &scripted{srv: slow}, budgetSettings{capacity: 25, retryCost: 5, timeoutCost: 10, refund: 1})
	err := c.call(context.Background(), testRequest(WithRequestTimeout(10*time.Millisecond)), nil)
	if e, ok := err.(*Error); !ok || !e.RetryQuotaExhausted || e.Attempts != 3 {
		t.Fatalf("timeouts cost 10: 25 -> 15 -> 5, then no third retry: %v", err)
	}
}

func TestWaitDelaysGrowBetweenMinAndMax(t *testing.T) {
	c := testClient(t, newScripted(t, 200))
	w := waitSpec{op: "x.wait", minDelay: 200 * time.Millisecond, maxDelay: 5 * time.Second}
	var got []string
	for _, j := range []float64{0, 1} {
		c.policy.jitter = func() float64 { return j }
		for n := 1; n <= 6; n++ {
			got = append(got, c.waitDelay(w, n).String())
		}
	}
	want := "200ms 200ms 200ms 200ms 200ms 200ms 200ms 400ms 800ms 1.6s 3.2s 5s"
	if strings.Join(got, " ") != want {
		t.Fatalf("delays %v, want %s", got, want)
	}
}

func TestWaitEndsAtTheMaximumWaitOrOnSuccess(t *testing.T) {
	c := testClient(t, newScripted(t, 200))
	w := waitSpec{op: "x.wait", minDelay: time.Millisecond, maxDelay: 2 * time.Millisecond, maxWait: time.Hour}
	var polls atomic.Int32
	err := c.wait(context.Background(), w, []CallOption{WithMaxWait(30 * time.Millisecond)}, func(context.Context) (bool, error) {
		polls.Add(1)
		return false, nil
	})
	var e *Error
	if !errors.As(err, &e) || (e.Code != "wait_timeout" && codeKinds["wait_timeout"] != nil) || polls.Load() < 2 {
		t.Fatalf("the maximum wait ends the wait with wait_timeout after several polls: %v (%d polls)", err, polls.Load())
	}
	polls.Store(0)
	err = c.wait(context.Background(), w, nil, func(context.Context) (bool, error) {
		return polls.Add(1) == 3, nil
	})
	if err != nil || polls.Load() != 3 {
		t.Fatalf("done on the third poll: %v, %d polls", err, polls.Load())
	}
	boom := errors.New("boom")
	if err := c.wait(context.Background(), w, nil, func(context.Context) (bool, error) { return false, boom }); err != boom {
		t.Fatalf("an unmatched poll error ends the wait with that error: %v", err)
	}
}

func TestPagesStopWhenTheLoopStops(t *testing.T) {
	fetched := []string{}
	fetch := func(token string) ([]int, string, error) {
		fetched = append(fetched, token)
		n := len(fetched)
		if n == 3 {
			return []int{n*10 + 1}, "", nil
		}
		return []int{n*10 + 1, n*10 + 2}, fmt.Sprintf("t%d", n), nil
	}
	var got []int
	seq := func(yield func(int, error) bool) { pages(yield, fetch) }
	for v, err := range seq {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, v)
		if len(got) == 3 {
			break
		}
	}
	if fmt.Sprint(got) != "[11 12 21]" || fmt.Sprint(fetched) != "[ t1]" {
		t.Fatalf("items %v, pages fetched %q: breaking out fetches no further page", got, fetched)
	}
	fetched = nil
	got = nil
	for v := range seq {
		got = append(got, v)
	}
	if fmt.Sprint(got) != "[11 12 21 22 31]" {
		t.Fatalf("every item in order: %v", got)
	}
	repeat := func(yield func(int, error) bool) {
		pages(yield, func(string) ([]int, string, error) { return []int{1}, "same", nil })
	}
	var last error
	for _, err := range repeat {
		last = err
	}
	if errorCode(last) != "malformed_response" {
		t.Fatalf("a repeated page token is a malformed response: %v", last)
	}
}
