// Code generated from templates/typescript/runtime/query.ts by generator/; DO NOT EDIT.
/** A query value: maps travel as one `k1=v1,k2=v2` parameter with sorted keys. */
export type QueryValue = string | number | boolean | Readonly<Record<string, string>> | undefined;

/** `?a=1&b=2` from the defined values, or '' when there are none. */
export function query(params: Readonly<Record<string, QueryValue>>): string {
  let out = '';
  for (const name in params) {
    const value = params[name];
    if (value === undefined || value === null) continue;
    const text =
      typeof value === 'object'
        ? Object.keys(value)
            .sort()
            .map((k) => `${k}=${value[k] ?? ''}`)
            .join(',')
        : String(value);
    out += `${out === '' ? '?' : '&'}${encodeURIComponent(name)}=${encodeURIComponent(text)}`;
  }
  return out;
}
