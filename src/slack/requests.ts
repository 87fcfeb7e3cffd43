// What an HTTP request must be before Bolt reads it: dated within five minutes of now, either way
// (Bolt refuses only the stale ones, so a validly signed request dated an hour ahead would pass),
// and no larger than any request Slack sends, refused on its declared length before a byte of the
// body is read. Bolt's own bodyLimit (set to the same bound) stops a body that declares no length.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from '@slack/bolt';

/**
 * The largest request the bot accepts. Slack documents no limit; its largest payloads are message
 * shortcuts on a long message, which carry the text (at most 40,000 characters) twice, as text and
 * as rich-text blocks, form-encoded at up to 9 bytes a Chinese character: about 720 kB.
 */
export const MAX_REQUEST_BYTES = 1024 * 1024;
/** How far a request's timestamp may be from now, in either direction (Slack's rule: five minutes). */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export interface RequestGuardOptions {
  /** The paths Slack posts to; other requests pass untouched. */
  paths: readonly string[];
  logger: Logger;
  now?: () => number;
  maxBytes?: number;
}

function refuse(res: ServerResponse, status: number): void {
  // Closing the connection: the rest of a refused body is never read.
  res.writeHead(status, { connection: 'close' }).end();
}

/** Wraps Bolt's request listener with the checks above. */
export function guardRequests(listener: RequestListener, options: RequestGuardOptions): RequestListener {
  const now = options.now ?? Date.now;
  const maxBytes = options.maxBytes ?? MAX_REQUEST_BYTES;
  return (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'POST' || !options.paths.includes(path)) return listener(req, res);
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      options.logger.warn(`Refused a request of ${declared} bytes (at most ${maxBytes})`);
      return refuse(res, 413);
    }
    const stamp = req.headers['x-slack-request-timestamp'];
    const seconds = typeof stamp === 'string' ? Number(stamp) : Number.NaN;
    // A missing or malformed timestamp is left to Bolt, which refuses it with the signature.
    if (Number.isFinite(seconds) && seconds - now() / 1000 > MAX_CLOCK_SKEW_SECONDS) {
      options.logger.warn(`Refused a request dated ${Math.round(seconds - now() / 1000)} s ahead (at most ${MAX_CLOCK_SKEW_SECONDS} s either way)`);
      return refuse(res, 401);
    }
    return listener(req, res);
  };
}
