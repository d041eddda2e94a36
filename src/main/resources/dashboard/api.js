// The HTTP API as the page uses it (docs/HTTP-API.md). The key travels only in the X-API-Key
// header, never in a URL: even the live stream is read with fetch() rather than EventSource,
// which cannot set headers.

/** An error answer of the API: HTTP status, message, and the offending field when the server named one. */
export class ApiError extends Error {
  constructor(status, message, field) {
    super(message);
    this.status = status;
    this.field = field || null;
  }
}

export class Api {
  constructor(key) {
    this.key = key;
  }

  async get(path) {
    return this.#send('GET', path, undefined);
  }

  /** POSTs a body that is already JSON text (see jsonBody), so numbers reach the server exactly as typed. */
  async post(path, jsonText) {
    return this.#send('POST', path, jsonText);
  }

  async #send(method, path, body) {
    const headers = { 'X-API-Key': this.key, 'Accept': 'application/json' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    let response;
    try {
      response = await fetch(path, { method, headers, body, cache: 'no-store' });
    } catch (e) {
      throw new ApiError(0, 'server unreachable', null);
    }
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch (e) {
      json = null;
    }
    if (!response.ok && response.status !== 202) {
      const message = json && json.error ? json.error : `HTTP ${response.status}`;
      throw new ApiError(response.status, message, json ? json.field : null);
    }
    return { status: response.status, body: json };
  }

  /**
   * Follows /symbols/{symbol}/stream until stopped, reconnecting with back-off whenever the
   * connection ends. handlers: onOpen(), onEvent(type, data), onDown(message), onFatal(apiError).
   * An authentication failure stops the stream (retrying would not help); anything else retries.
   * Returns a function that stops it.
   */
  stream(symbol, handlers) {
    const controller = new AbortController();
    let stopped = false;
    let delay = 250;
    const run = async () => {
      while (!stopped) {
        try {
          const response = await fetch(`symbols/${encodeURIComponent(symbol)}/stream`, {
            headers: { 'X-API-Key': this.key, 'Accept': 'text/event-stream' },
            signal: controller.signal,
            cache: 'no-store',
          });
          if (!response.ok) {
            const text = await response.text();
            let message = `HTTP ${response.status}`;
            try { message = JSON.parse(text).error || message; } catch (e) { /* not JSON */ }
            const error = new ApiError(response.status, message, null);
            if (response.status === 401 || response.status === 403 || response.status === 404) {
              handlers.onFatal(error);
              return;
            }
            throw error;
          }
          let opened = false;
          await readEvents(response.body, (type, data) => {
            if (type === 'error') {
              // The server refused the subscription inside the stream (e.g. an unknown key).
              stopped = true;
              handlers.onFatal(new ApiError(401, data.error || 'stream refused', data.field));
              return;
            }
            if (!opened) {
              opened = true;
              delay = 250;
              handlers.onOpen();
            }
            handlers.onEvent(type, data);
          });
          if (!stopped) {
            handlers.onDown('stream ended');
          }
        } catch (e) {
          if (stopped) {
            return;
          }
          handlers.onDown(e instanceof ApiError ? e.message : 'server unreachable');
        }
        await sleep(delay);
        delay = Math.min(delay * 2, 4000);
      }
    };
    run();
    return () => {
      stopped = true;
      controller.abort();
    };
  }
}

/** Parses a text/event-stream body: blocks of "event:" and "data:" lines separated by a blank line. */
async function readEvents(body, onEvent) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let type = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) {
          type = line.slice(6).trim();
        } else if (line.startsWith('data:')) {
          data.push(line.slice(5).replace(/^ /, ''));
        }
      }
      if (data.length > 0) {
        let parsed;
        try {
          parsed = JSON.parse(data.join('\n'));
        } catch (e) {
          continue;
        }
        onEvent(type, parsed);
      }
    }
  }
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * A JSON object from form fields without reinterpreting numbers: a field that looks like a JSON
 * number is sent as that literal (so 99999999999999999999 reaches the server, which names the
 * overflow), anything else as a string (so "abc" gets the server's "must be an integer"), and an
 * empty field is left out (so the server says it is required).
 */
export function jsonBody(numbers, strings) {
  const parts = [];
  for (const [name, raw] of Object.entries(numbers)) {
    const text = String(raw ?? '').trim();
    if (text === '') {
      continue;
    }
    const literal = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(text) ? text : JSON.stringify(text);
    parts.push(`${JSON.stringify(name)}:${literal}`);
  }
  for (const [name, value] of Object.entries(strings)) {
    if (value !== undefined && value !== null && value !== '') {
      parts.push(`${JSON.stringify(name)}:${JSON.stringify(value)}`);
    }
  }
  return `{${parts.join(',')}}`;
}

/** A request id unique to this page (crypto.randomUUID needs a secure context; getRandomValues does not). */
export function newRequestId() {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return 'ui-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A client order id: milliseconds since the epoch times 1000 plus a counter, exact in a JS number. */
let orderCounter = 0;
export function newOrderId() {
  orderCounter = (orderCounter + 1) % 1000;
  return Date.now() * 1000 + orderCounter;
}
