package dwcp

import (
	"errors"
	"sync"
)

// budgetSettings are the numbers of a client's retry budget (docs/resilience.md); capacity 0 is off.
type budgetSettings struct {
	capacity, retryCost, timeoutCost, refund int
}

// retryBudget is a client's retry quota: a token bucket shared by every call and stream of the
// client. A retry takes its cost before it is sent (a timeout's cost when the failed attempt timed
// out); a call that succeeds gives back the cost of its last retry, or the success refund when it
// needed none, never above capacity.
type retryBudget struct {
	s      budgetSettings
	mu     sync.Mutex
	tokens int
}

func newRetryBudget(s budgetSettings) *retryBudget {
	return &retryBudget{s: s, tokens: s.capacity}
}

// take takes the cost of a retry after the failure cause; false when too few tokens are left.
func (b *retryBudget) take(st *callState, cause *Error) bool {
	if b.s.capacity == 0 {
		return true
	}
	cost := b.s.retryCost
	if k := codeKinds["client_timeout"]; k != nil && errors.Is(cause, k) {
		cost = b.s.timeoutCost
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.tokens < cost {
		return false
	}
	b.tokens -= cost
	st.retried, st.lastCost = true, cost
	return true
}

// succeeded refunds a call's success: its last retry's cost, or the success refund.
func (b *retryBudget) succeeded(st *callState) {
	if b.s.capacity == 0 {
		return
	}
	n := b.s.refund
	if st.retried {
		n = st.lastCost
	}
	st.retried, st.lastCost = false, 0
	b.mu.Lock()
	b.tokens = min(b.s.capacity, b.tokens+n)
	b.mu.Unlock()
}

// left is the tokens left (the capacity when the budget is off).
func (b *retryBudget) left() int {
	if b.s.capacity == 0 {
		return 0
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.tokens
}

// exhausted marks the error of a call whose retry the budget refused.
func exhausted(e *Error) *Error {
	e.RetryQuotaExhausted = true
	return e
}
