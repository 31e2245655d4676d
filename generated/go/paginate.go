// Code generated from templates/go/runtime/paginate.go by generator/; DO NOT EDIT.
package dwcp

import (
	"net/url"
	"sort"
	"strings"
)

// paginate calls fetch with each page token until the server returns an empty one.
func paginate(fetch func(token string) (next string, err error)) error {
	seen := map[string]bool{}
	token := ""
	for {
		next, err := fetch(token)
		if err != nil {
			return err
		}
		if next == "" {
			return nil
		}
		if seen[next] {
			return newError(ErrConnection, "malformed_response", "the server repeated page token "+next)
		}
		seen[next] = true
		token = next
	}
}

// encodeLabels is the wire form of a label selector: k1=v1,k2=v2 with keys sorted.
func encodeLabels(labels map[string]string) string {
	keys := make([]string, 0, len(labels))
	for k := range labels {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + "=" + labels[k]
	}
	return strings.Join(parts, ",")
}

// withQuery adds the call options' query parameters to q (q itself when there are none).
func withQuery(q url.Values, o callOptions) url.Values {
	if len(o.query) == 0 {
		return q
	}
	out := cloneQuery(q)
	for k, v := range o.query {
		out[k] = v
	}
	return out
}

// cloneQuery is a copy of q that can be changed without touching q (one page's parameters).
func cloneQuery(q url.Values) url.Values {
	out := make(url.Values, len(q)+2)
	for k, v := range q {
		out[k] = v
	}
	return out
}
