const SCHEMES: Record<string, string> = { http: 'http', https: 'https', ws: 'http', wss: 'https' };

/**
 * The origin (`scheme://host:port`) of a server: a scheme written in the address wins over
 * `tls`, and `ws`/`wss` map to `http`/`https` (the reference's browser example uses `wss://`).
 */
export function origin(address: string, port: number, tls: boolean): string {
  let host = address.trim();
  let scheme = tls ? 'https' : 'http';
  const match = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/i.exec(host);
  if (match !== null) {
    const mapped = SCHEMES[(match[1] ?? '').toLowerCase()];
    if (mapped === undefined) throw new RangeError(`address: unsupported scheme ${match[1] ?? ''}`);
    scheme = mapped;
    host = match[2] ?? '';
  }
  host = host.replace(/\/.*$/, '');
  const colons = host.split(':').length - 1;
  if (colons === 1) return `${scheme}://${host}`; // host:port written in the address wins
  if (colons > 1 && !host.startsWith('[')) host = `[${host}]`;
  return `${scheme}://${host}:${port}`;
}
