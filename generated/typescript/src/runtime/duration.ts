// Code generated from templates/typescript/runtime/duration.ts by generator/; DO NOT EDIT.
/** Milliseconds, or a Go-style duration string such as `'1s'`, `'500ms'`, `'5m'`, `'1h30m'`. */
export type Duration = number | string;

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h)/y;

/** Milliseconds of a Duration; undefined when the string is not a duration. */
export function toMillis(value: Duration): number | undefined {
  if (typeof value === 'number') return value;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  let total = 0;
  PART.lastIndex = 0;
  while (PART.lastIndex < text.length) {
    const start = PART.lastIndex;
    const match = PART.exec(text);
    if (match === null || match.index !== start) return undefined;
    total += Number(match[1]) * (UNITS[match[2] ?? ''] ?? Number.NaN);
  }
  return text.length > 0 && Number.isFinite(total) ? Math.round(total) : undefined;
}
