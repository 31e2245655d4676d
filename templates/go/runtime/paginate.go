package dwcp

// pages hands the items of every page to yield as the pages arrive: fetch gets the page after
// token (the first page for ""), and a page without a next token is the last. Once yield returns
// false, no further page is fetched. An error is yielded once, and ends the iteration.
func pages[T any](yield func(T, error) bool, fetch func(token string) ([]T, string, error)) {
	var zero T
	seen := map[string]bool{}
	token := ""
	for {
		items, next, err := fetch(token)
		if err != nil {
			yield(zero, err)
			return
		}
		for _, item := range items {
			if !yield(item, nil) {
				return
			}
		}
		if next == "" {
			return
		}
		if seen[next] {
			yield(zero, clientError("malformed_response", "the server repeated page token "+next))
			return
		}
		seen[next] = true
		token = next
	}
}
