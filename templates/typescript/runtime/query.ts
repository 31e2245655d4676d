/** One scalar of a query value. */
export type QueryScalar = string | number | boolean | Date;

/**
 * A query value: timestamps travel as RFC 3339 UTC, lists comma-joined, maps as one
 * `k1=v1,k2=v2` parameter with sorted keys.
 */
export type QueryValue = QueryScalar | readonly QueryScalar[] | Readonly<Record<string, QueryScalar>> | undefined;

function text(value: QueryScalar): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

/** `?a=1&b=2` from the defined values, or '' when there are none. */
export function query(params: Readonly<Record<string, QueryValue>>): string {
  let out = '';
  for (const name in params) {
    const value = params[name];
    if (value === undefined || value === null) continue;
    let wire: string;
    if (Array.isArray(value)) {
      wire = (value as readonly QueryScalar[]).map(text).join(',');
    } else if (typeof value === 'object' && !(value instanceof Date)) {
      const map = value as Readonly<Record<string, QueryScalar>>;
      wire = Object.keys(map)
        .sort()
        .map((k) => `${k}=${map[k] === undefined ? '' : text(map[k] as QueryScalar)}`)
        .join(',');
    } else {
      wire = text(value as QueryScalar);
    }
    out += `${out === '' ? '?' : '&'}${encodeURIComponent(name)}=${encodeURIComponent(wire)}`;
  }
  return out;
}
