package dwcp

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
			return clientError("malformed_response", "the server repeated page token "+next)
		}
		seen[next] = true
		token = next
	}
}
