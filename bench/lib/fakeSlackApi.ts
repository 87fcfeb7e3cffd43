// A stand-in for Slack's Web API on loopback for the Slack rows of the benchmark: answers the
// methods the bot calls while answering mentions, records every chat.postMessage attempt with the
// time it arrived, and can answer chosen attempts badly (429 with Retry-After, 500, or late).
// (test/support/fakeSlack.ts is the tests' richer fake; this one adds faults and timing.)
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { readBody } from '../../test/support/fakeSlack.ts';

export type Fault = 'rate-limited' | 'server-error' | 'slow';

export interface PostAttempt {
  channel: string;
  threadTs: string;
  text: string;
  /** performance.now() when the request arrived. */
  at: number;
  /** How it was answered: ok, or the fault served. */
  outcome: 'ok' | Fault;
}

export interface FakeSlackApiOptions {
  botUserId: string;
  /** The fault for attempt `attempt` (1, 2 …) of chat.postMessage in a thread, or null for ok. */
  fault?: (threadTs: string, attempt: number) => Fault | null;
  /** How long a slow answer waits. */
  slowMs?: number;
  /** Called once a chat.postMessage has been answered ok (a slow one after its wait). */
  onPosted?: (post: PostAttempt) => void;
}

export interface FakeSlackApi {
  readonly apiUrl: string;
  readonly posts: PostAttempt[];
  /** Calls by method name. */
  readonly calls: Map<string, number>;
  close(): Promise<void>;
}

function fields(contentType: string, body: string): Record<string, unknown> {
  if (body === '') return {};
  if (contentType.startsWith('application/json')) return JSON.parse(body) as Record<string, unknown>;
  return Object.fromEntries(new URLSearchParams(body));
}

export async function startFakeSlackApi(options: FakeSlackApiOptions): Promise<FakeSlackApi> {
  const posts: PostAttempt[] = [];
  const calls = new Map<string, number>();
  const attempts = new Map<string, number>();
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let counter = 0;

  const send = (res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(value));
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = performance.now();
    const body = await readBody(req);
    const method = new URL(req.url ?? '/', 'http://127.0.0.1').pathname.replace(/^\/api\//, '');
    calls.set(method, (calls.get(method) ?? 0) + 1);
    const args = fields(req.headers['content-type'] ?? '', body);
    switch (method) {
      case 'auth.test':
        return send(res, 200, { ok: true, team_id: 'T0BENCH', user_id: options.botUserId, bot_id: 'B0BENCH', user: 'zhibiao', team: 'Bench', url: 'https://bench.invalid/' });
      case 'chat.postMessage': {
        const channel = String(args.channel ?? '');
        const threadTs = String(args.thread_ts ?? '');
        const key = `${channel}/${threadTs}`;
        const attempt = (attempts.get(key) ?? 0) + 1;
        attempts.set(key, attempt);
        const fault = options.fault?.(threadTs, attempt) ?? null;
        const post: PostAttempt = { channel, threadTs, text: String(args.text ?? ''), at, outcome: fault ?? 'ok' };
        posts.push(post);
        const ok = () => {
          counter += 1;
          const ts = `1800000000.${String(counter).padStart(6, '0')}`;
          send(res, 200, { ok: true, channel, ts, message: { ts, text: args.text } });
          options.onPosted?.(post);
        };
        if (fault === 'rate-limited') return send(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': '1' });
        if (fault === 'server-error') return send(res, 500, { ok: false, error: 'internal_error' });
        if (fault === 'slow') {
          const timer = setTimeout(() => {
            timers.delete(timer);
            ok();
          }, options.slowMs ?? 2000);
          timers.add(timer);
          return;
        }
        return ok();
      }
      default:
        return send(res, 200, { ok: true });
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { ok: false, error: String(error) }));
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    posts,
    calls,
    async close() {
      for (const timer of timers) clearTimeout(timer);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
