// Code generated from templates/typescript/runtime/metrics.ts by generator/; DO NOT EDIT.
/** Counters of one client since it was created. */
export interface ClientMetrics {
  /** Requests sent (every attempt). */
  messagesSent: number;
  /** Responses received (every status). */
  messagesReceived: number;
  /** Request body bytes sent. */
  bytesSent: number;
  /** Response body bytes received. */
  bytesReceived: number;
  /** Calls that ended in an error. */
  errorsTotal: number;
  /** Tokens left in the client's retry budget (its capacity when the budget is off). */
  retryTokens: number;
}

/** A fresh set of counters. */
export function newMetrics(): ClientMetrics {
  return {
    messagesSent: 0,
    messagesReceived: 0,
    bytesSent: 0,
    bytesReceived: 0,
    errorsTotal: 0,
    retryTokens: 0,
  };
}

/** UTF-8 length of a string without encoding it. */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff) {
      // A surrogate pair is one 4-byte character: count it once, skip its second half.
      i++;
      bytes += 2;
    } else bytes += 2;
  }
  return bytes;
}
