package dwcp

import (
	"encoding/json"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Query-string forms of the spec's scalars (the server's parse_query reads these back): integers
// in decimal, durations in milliseconds, timestamps in RFC 3339, lists joined by commas and maps
// as k1=v1,k2=v2 with keys sorted.

func queryString(v string) string        { return v }
func queryBool(v bool) string            { return strconv.FormatBool(v) }
func queryInt(v int) string              { return strconv.Itoa(v) }
func queryInt64(v int64) string          { return strconv.FormatInt(v, 10) }
func queryFloat(v float64) string        { return strconv.FormatFloat(v, 'g', -1, 64) }
func queryTime(v time.Time) string       { return v.UTC().Format(time.RFC3339Nano) }
func queryJSON(v json.RawMessage) string { return string(v) }

// queryDuration is a duration in whole milliseconds.
func queryDuration(v time.Duration) string { return strconv.FormatInt(v.Milliseconds(), 10) }

// queryEnum is an enum's wire value.
func queryEnum[T ~string](v T) string { return string(v) }

// queryList joins the items' query forms with commas.
func queryList[T any](items []T, format func(T) string) string {
	parts := make([]string, len(items))
	for i, item := range items {
		parts[i] = format(item)
	}
	return strings.Join(parts, ",")
}

// queryMap is k1=v1,k2=v2 with keys sorted (a label selector).
func queryMap[T any](m map[string]T, format func(T) string) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + "=" + format(m[k])
	}
	return strings.Join(parts, ",")
}

// parseDurationString reads a duration written like "5m" or "90s" (a positive Go duration).
func parseDurationString(field, s string) (time.Duration, error) {
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, invalidConfig(field, "must be a positive duration like \"5m\", got "+strconv.Quote(s))
	}
	return d, nil
}

// cloneQuery is a copy of q that can be changed without touching q (one page's parameters).
func cloneQuery(q url.Values) url.Values {
	out := make(url.Values, len(q)+2)
	for k, v := range q {
		out[k] = v
	}
	return out
}
