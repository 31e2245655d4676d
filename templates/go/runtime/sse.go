package dwcp

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strconv"
	"time"
)

// sseEvent is one dispatched Server-Sent Event.
type sseEvent struct {
	id    string
	event string
	data  []byte
}

// sseReader parses a text/event-stream as the WHATWG HTML standard says: CR, LF or CRLF line ends,
// one leading BOM stripped, ':' comments, "field: value" with one leading space dropped, data lines
// joined with LF, ids with NUL ignored, numeric retry only, and a trailing event without its blank
// line discarded.
type sseReader struct {
	sc      *bufio.Scanner
	started bool
	// lastID is the last event id committed by a dispatch (what Last-Event-ID resumes from).
	lastID string
	idBuf  string
	retry  time.Duration
	event  string
	data   []byte
	hasData bool
	limit   int  // buffer_size: the longest line, and the most data one event carries
	tooLong bool // the pending event's data passed limit
}

func newSSEReader(r io.Reader, bufferSize int, lastID string) *sseReader {
	sc := bufio.NewScanner(r)
	if bufferSize <= 0 {
		bufferSize = 64 << 10
	}
	// The buffer holds one line and its line end: a longer line is ErrTooLong without buffering more.
	sc.Buffer(make([]byte, 0, bufferSize), bufferSize+2)
	sc.Split(splitLines)
	return &sseReader{sc: sc, lastID: lastID, idBuf: lastID, limit: bufferSize}
}

// next returns the next event; io.EOF when the stream ended cleanly, another error when it broke.
func (r *sseReader) next() (sseEvent, error) {
	for r.sc.Scan() {
		line := r.sc.Bytes()
		if !r.started {
			r.started = true
			line = bytes.TrimPrefix(line, []byte("\xef\xbb\xbf"))
		}
		if len(line) == 0 {
			if r.tooLong {
				return sseEvent{}, errLineTooLong(r.limit)
			}
			if ev, ok := r.dispatch(); ok {
				return ev, nil
			}
			continue
		}
		r.field(line)
	}
	if err := r.sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return sseEvent{}, errLineTooLong(r.limit)
		}
		return sseEvent{}, err
	}
	return sseEvent{}, io.EOF
}

func (r *sseReader) field(line []byte) {
	if line[0] == ':' {
		return
	}
	name, value := line, []byte(nil)
	if i := bytes.IndexByte(line, ':'); i >= 0 {
		name, value = line[:i], line[i+1:]
		if len(value) > 0 && value[0] == ' ' {
			value = value[1:]
		}
	}
	switch string(name) {
	case "data":
		if r.hasData {
			r.data = append(r.data, '\n')
		}
		if len(r.data)+len(value) > r.limit {
			r.tooLong, r.hasData = true, true
			return
		}
		r.data = append(r.data, value...)
		r.hasData = true
	case "event":
		r.event = string(value)
	case "id":
		if bytes.IndexByte(value, 0) < 0 {
			r.idBuf = string(value)
		}
	case "retry":
		if n, err := strconv.ParseUint(string(value), 10, 63); err == nil && isDigits(value) {
			r.retry = time.Duration(n) * time.Millisecond
		}
	}
}

// dispatch ends the pending event at a blank line; an event without data commits its id only.
// The returned data is valid until the next call of next.
func (r *sseReader) dispatch() (sseEvent, bool) {
	r.lastID = r.idBuf
	if !r.hasData {
		r.event = ""
		return sseEvent{}, false
	}
	ev := sseEvent{id: r.lastID, event: r.event, data: r.data}
	r.data, r.hasData, r.event = r.data[:0], false, ""
	return ev, true
}

// errLineTooLong ends a stream whose line (or event data) is longer than buffer_size.
func errLineTooLong(limit int) error {
	e := clientError("malformed_response", "an event stream line is longer than buffer_size ("+strconv.Itoa(limit)+" bytes)")
	return &fatalStreamError{e}
}

func isDigits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(b) > 0
}

// splitLines splits at CRLF, LF or CR (a CR at the end of the buffer waits for the next byte).
// Two IndexByte scans (vectorised) find the first line end faster than one IndexAny.
func splitLines(data []byte, atEOF bool) (int, []byte, error) {
	lf := bytes.IndexByte(data, '\n')
	head := data
	if lf >= 0 {
		head = data[:lf]
	}
	i := bytes.IndexByte(head, '\r')
	if i < 0 {
		if lf >= 0 {
			return lf + 1, data[:lf], nil
		}
		if atEOF && len(data) > 0 {
			return len(data), nil, io.ErrUnexpectedEOF
		}
		return 0, nil, nil
	}
	if i+1 < len(data) {
		if data[i+1] == '\n' {
			return i + 2, data[:i], nil
		}
		return i + 1, data[:i], nil
	}
	if atEOF {
		return i + 1, data[:i], nil
	}
	return 0, nil, nil
}
