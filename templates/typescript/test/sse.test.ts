import assert from 'node:assert/strict';
import { test } from 'node:test';

import { SseParser, type SseEvent } from '../src/runtime/sse.js';

function parse(...chunks: string[]): { events: SseEvent[]; parser: SseParser } {
  const parser = new SseParser();
  const events: SseEvent[] = [];
  for (const chunk of chunks) parser.feed(chunk, events);
  return { events, parser };
}

test('LF, CR and CRLF all end lines, even when CRLF is split across chunks', () => {
  const { events } = parse('data: a\n\ndata: b\r\rdata: c\r', '\n\r\n');
  assert.deepEqual(
    events.map((e) => e.data),
    ['a', 'b', 'c'],
  );
});

test('a leading BOM is stripped once; comments are ignored', () => {
  const { events } = parse('\ufeff: heartbeat\ndata: x\n\n');
  assert.deepEqual(events, [{ id: '', event: 'message', data: 'x' }]);
});

test('multi-line data joins with LF; one space after the colon is dropped', () => {
  const { events } = parse('event: thing_changed\ndata:  two\ndata:three\n\n');
  assert.deepEqual(events, [{ id: '', event: 'thing_changed', data: ' two\nthree' }]);
});

test('ids carry over between events; an id with NUL is ignored', () => {
  const { events, parser } = parse('id: 1\ndata: a\n\ndata: b\n\nid: 2\u0000\ndata: c\n\n');
  assert.deepEqual(
    events.map((e) => e.id),
    ['1', '1', '1'],
  );
  assert.equal(parser.lastEventId, '1');
});

test('retry takes ASCII digits only', () => {
  assert.equal(parse('retry: 1000x\n\n').parser.retry, undefined);
  assert.equal(parse('retry: 250\n\n').parser.retry, 250);
});

test('a trailing event without its blank line is neither delivered nor committed', () => {
  const { events, parser } = parse('id: 1\ndata: a\n\nid: 2\ndata: b\n');
  assert.equal(events.length, 1);
  assert.equal(parser.lastEventId, '1');
});

test('an id-only block commits the id without dispatching', () => {
  const { events, parser } = parse('id: 7\n\n');
  assert.equal(events.length, 0);
  assert.equal(parser.lastEventId, '7');
});

test('an empty data line dispatches an empty event', () => {
  assert.deepEqual(parse('data\n\n').events, [{ id: '', event: 'message', data: '' }]);
});

test('events split at any byte boundary parse the same', () => {
  const text = 'id: 1\nevent: metrics\ndata: {"a":1}\n\n:hb\r\nid: 2\r\ndata: {"a":2}\r\n\r\n';
  for (let cut = 0; cut <= text.length; cut++) {
    const { events } = parse(text.slice(0, cut), text.slice(cut));
    assert.deepEqual(
      events.map((e) => [e.id, e.data]),
      [
        ['1', '{"a":1}'],
        ['2', '{"a":2}'],
      ],
      `cut at ${cut}`,
    );
  }
});

test('a line longer than the bound sets overflow and stops parsing, complete or not', () => {
  const parser = new SseParser(12);
  const events: SseEvent[] = [];
  parser.feed('data: a\n\ndata: 0123', events);
  assert.equal(parser.overflow, false);
  parser.feed('456789', events);
  assert.equal(parser.overflow, true);
  parser.feed('\n\ndata: b\n\n', events);
  assert.deepEqual(events.map((e) => e.data), ['a']);
  const whole = new SseParser(12);
  whole.feed('data: 0123456789\n\n', events);
  assert.equal(whole.overflow, true);
});

test('partial is true only inside an event', () => {
  assert.equal(parse('data: a\n\n').parser.partial, false);
  assert.equal(parse(': heartbeat\n').parser.partial, false);
  assert.equal(parse('data: a\n').parser.partial, true);
  assert.equal(parse('data: a\n\nid: 3').parser.partial, true);
});
