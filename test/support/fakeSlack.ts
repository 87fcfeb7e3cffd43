// A stand-in for slack.com on loopback: the Web API methods the bot calls (recorded, answered like
// Slack does), response_url endpoints, and a Socket Mode WebSocket endpoint that speaks the
// envelope protocol. The WebSocket side is a small RFC 6455 server written here because the
// project's Socket Mode client (undici) brings no server and `ws` is not a dependency.
import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ApiCall {
  method: string;
  /** Form fields, with JSON fields (blocks …) parsed. */
  args: Record<string, unknown>;
  /** The token from the Authorization header. */
  token: string | undefined;
}

export interface ResponseUrlPost {
  id: string;
  body: Record<string, unknown>;
}

/** A file uploaded the way files.uploadV2 does it: an upload URL, the bytes posted to it, the completion. */
export interface FakeUpload {
  fileId: string;
  filename: string;
  /** The length files.getUploadURLExternal was told. */
  length: number;
  altText: string | undefined;
  /** The bytes posted to the upload URL; null until they arrive. */
  bytes: Buffer | null;
  /** Set by files.completeUploadExternal: where the file was shared. */
  completed: { channel: string | undefined; threadTs: string | undefined; title: string | undefined; initialComment: string | undefined } | null;
}

/** A file people shared with the bot, served at its url_private_download to the bot token only. */
export interface FakeFile {
  id: string;
  name: string;
  bytes: Buffer;
  mimetype?: string;
  filetype?: string;
}

export interface FakeChannel {
  /** A private channel: the bot can post only when it is a member. */
  isPrivate?: boolean;
  /** Whether the bot is in the channel (default true). */
  member?: boolean;
}

export interface FakeSlackOptions {
  botUserId?: string;
  botId?: string;
  /** What auth.test says the bot's workspace and app are (defaults: T111, A111, no org: those of the bolt-python fixtures). */
  teamId?: string;
  appId?: string;
  enterpriseId?: string;
  /**
   * The bot token's scopes. With channels described, chat.postMessage to a channel the bot is not
   * in works only in a public one and only with chat:write.public, as on Slack. When given, the
   * files methods answer missing_scope without files:write (uploads), files:read (files.info,
   * downloads) or im:write (conversations.open); when unset they all work.
   */
  scopes?: readonly string[];
  channels?: Record<string, FakeChannel>;
}

export interface FakeSlack {
  /** Base URL of the Web API, for SLACK_API_URL. */
  readonly apiUrl: string;
  readonly calls: ApiCall[];
  readonly responseUrlPosts: ResponseUrlPost[];
  callsTo(method: string): ApiCall[];
  /** Files uploaded through files.getUploadURLExternal, the upload URL and files.completeUploadExternal, in order. */
  readonly uploads: FakeUpload[];
  /** Serves a file as Slack does for a file shared with the bot; returns its file object as events carry it. */
  shareFile(file: FakeFile): Record<string, unknown>;
  /** Requests for shared files' bytes: the path and the token they came with. */
  readonly downloads: { path: string; token: string | undefined }[];
  /** A response_url that records what is posted to it. */
  responseUrl(id: string): string;
  /** The next `times` calls of `method` answer {ok: false, error}. */
  failNext(method: string, error: string, times?: number): void;
  /** The next call of `method` is answered only after `ms`. */
  delayNext(method: string, ms: number): void;
  readonly socketMode: FakeSocketMode;
  close(): Promise<void>;
}

export interface FakeSocketMode {
  /** Resolves once a client has connected and been sent `hello`. */
  connected(): Promise<void>;
  /** How many WebSocket connections clients have opened so far. */
  readonly connections: number;
  /** Closes every open WebSocket from the server's side, as Slack does when it moves a connection. */
  dropConnections(): void;
  /** Sends an envelope (or any frame) to the connected client as JSON text. */
  send(message: unknown): void;
  /** Every JSON message the client sent (acknowledgements are {envelope_id, payload?}). */
  readonly received: unknown[];
}

const JSON_FIELDS = new Set(['blocks', 'attachments', 'metadata', 'view', 'files']);

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const botUserId = options.botUserId ?? 'U0BOT';
  const botId = options.botId ?? 'B0BOT';
  const teamId = options.teamId ?? 'T111';
  const appId = options.appId ?? 'A111';
  const scopes = new Set(options.scopes ?? []);
  const channels = options.channels ?? {};
  const hasScope = (scope: string) => options.scopes === undefined || scopes.has(scope);
  const uploads: FakeUpload[] = [];
  const shared = new Map<string, FakeFile>();
  const downloads: { path: string; token: string | undefined }[] = [];
  let connections = 0;
  let viewCounter = 0;
  const calls: ApiCall[] = [];
  const responseUrlPosts: ResponseUrlPost[] = [];
  const failures = new Map<string, { error: string; times: number }>();
  const delays = new Map<string, number>();
  const sockets = new Set<Socket>();
  const webSockets = new Set<WebSocketConnection>();
  const received: unknown[] = [];
  let messageCounter = 0;
  let onConnected: (() => void) | undefined;
  let connectedPromise = new Promise<void>((resolve) => (onConnected = resolve));

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('upgrade', (req, socket: Socket, head: Buffer) => {
    if (!req.url?.startsWith('/socket-mode')) {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    const connection = acceptWebSocket(req, socket, head, (text) => {
      try {
        received.push(JSON.parse(text));
      } catch {
        received.push(text);
      }
    });
    webSockets.add(connection);
    connections += 1;
    socket.on('close', () => webSockets.delete(connection));
    connection.sendText(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake-slack' }, connection_info: { app_id: 'A0FAKE' } }));
    onConnected?.();
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBytes(req);
    const body = raw.toString('utf8');
    const url = new URL(req.url ?? '/', origin);
    const authorization = req.headers.authorization;
    if (url.pathname.startsWith('/upload/')) {
      // files.uploadV2 posts the bytes as multipart/form-data, the file in a field of its own.
      const upload = uploads.find((u) => u.fileId === decodeURIComponent(url.pathname.slice('/upload/'.length)));
      const form = await new Response(raw, { headers: { 'content-type': req.headers['content-type'] ?? '' } }).formData();
      const file = [...form.values()].find((value) => typeof value !== 'string');
      if (upload === undefined || file === undefined || typeof file === 'string') {
        res.writeHead(404).end();
        return;
      }
      upload.bytes = Buffer.from(await file.arrayBuffer());
      res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${upload.bytes.length}`);
      return;
    }
    if (url.pathname.startsWith('/files-pri/')) {
      const token = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : undefined;
      downloads.push({ path: url.pathname, token });
      const file = shared.get(url.pathname);
      // Without the bot token (or files:read) Slack answers with its sign-in page, not the file.
      if (file === undefined || token === undefined || !hasScope('files:read')) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!DOCTYPE html><html><body>Sign in to Slack</body></html>');
        return;
      }
      res.writeHead(200, { 'content-type': file.mimetype ?? 'application/octet-stream', 'content-length': file.bytes.length }).end(file.bytes);
      return;
    }
    if (url.pathname.startsWith('/response_url/')) {
      responseUrlPosts.push({ id: decodeURIComponent(url.pathname.slice('/response_url/'.length)), body: JSON.parse(body || '{}') as Record<string, unknown> });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    if (!url.pathname.startsWith('/api/')) {
      res.writeHead(404).end();
      return;
    }
    const method = url.pathname.slice('/api/'.length);
    const args = parseArgs(req.headers['content-type'] ?? '', body);
    const token = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : typeof args.token === 'string' ? args.token : undefined;
    calls.push({ method, args, token });
    const delay = delays.get(method);
    if (delay !== undefined) {
      delays.delete(method);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
    const failure = failures.get(method);
    if (failure !== undefined) {
      failure.times -= 1;
      if (failure.times <= 0) failures.delete(method);
      sendJson(res, { ok: false, error: failure.error });
      return;
    }
    sendJson(res, answer(method, args));
  }

  function answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://fake.slack.test/',
          team: 'Fake',
          user: 'zhibiao',
          team_id: teamId,
          user_id: botUserId,
          bot_id: botId,
          app_id: appId,
          ...(options.enterpriseId !== undefined && { enterprise_id: options.enterpriseId }),
        };
      case 'chat.postMessage': {
        const channel = channels[String(args.channel)];
        if (channel !== undefined && channel.member === false) {
          if (channel.isPrivate) return { ok: false, error: 'channel_not_found' };
          if (!scopes.has('chat:write.public')) return { ok: false, error: 'not_in_channel' };
        }
        messageCounter += 1;
        const ts = `1700000000.${String(messageCounter).padStart(6, '0')}`;
        return { ok: true, channel: args.channel, ts, message: { type: 'message', bot_id: botId, user: botUserId, ts, text: args.text } };
      }
      case 'chat.postEphemeral':
        messageCounter += 1;
        return { ok: true, message_ts: `1700000000.${String(messageCounter).padStart(6, '0')}` };
      case 'files.getUploadURLExternal': {
        if (!hasScope('files:write')) return { ok: false, error: 'missing_scope', needed: 'files:write' };
        const fileId = `F${String(uploads.length + 1).padStart(8, '0')}`;
        uploads.push({ fileId, filename: String(args.filename), length: Number(args.length), altText: args.alt_text as string | undefined, bytes: null, completed: null });
        return { ok: true, upload_url: `${origin}/upload/${fileId}`, file_id: fileId };
      }
      case 'files.completeUploadExternal': {
        if (!hasScope('files:write')) return { ok: false, error: 'missing_scope', needed: 'files:write' };
        const files = args.files as { id: string; title?: string }[];
        const channelId = args.channel_id as string | undefined;
        if (channelId !== undefined && channels[channelId]?.member === false) return { ok: false, error: 'not_in_channel' };
        for (const { id, title } of files) {
          const upload = uploads.find((u) => u.fileId === id);
          if (upload === undefined || upload.bytes === null) return { ok: false, error: 'file_not_found' };
          upload.completed = { channel: channelId, threadTs: args.thread_ts as string | undefined, title, initialComment: args.initial_comment as string | undefined };
        }
        return { ok: true, files: files.map(({ id, title }) => ({ id, title })) };
      }
      case 'files.info': {
        if (!hasScope('files:read')) return { ok: false, error: 'missing_scope', needed: 'files:read' };
        const file = [...shared.values()].find((f) => f.id === args.file);
        return file === undefined ? { ok: false, error: 'file_not_found' } : { ok: true, file: fileObject(file) };
      }
      case 'conversations.open': {
        if (!hasScope('im:write')) return { ok: false, error: 'missing_scope', needed: 'im:write' };
        return { ok: true, channel: { id: `D${String(args.users).replace(/^[UW]/, '')}` } };
      }
      case 'apps.connections.open':
        return { ok: true, url: `ws://127.0.0.1:${port}/socket-mode?ticket=fake` };
      case 'views.publish':
      case 'views.open': {
        viewCounter += 1;
        return { ok: true, view: { id: `V${String(viewCounter).padStart(6, '0')}`, ...(args.view as object) } };
      }
      default:
        return { ok: true };
    }
  }

  function fileObject(file: FakeFile): Record<string, unknown> {
    const path = `/files-pri/${teamId}-${file.id}/download/${encodeURIComponent(file.name)}`;
    return {
      id: file.id,
      created: 1710000000,
      timestamp: 1710000000,
      name: file.name,
      title: file.name,
      mimetype: file.mimetype ?? 'application/octet-stream',
      filetype: file.filetype ?? (file.name.split('.').pop() ?? ''),
      pretty_type: file.filetype ?? '',
      user: 'U0SHARER',
      mode: 'hosted',
      editable: false,
      is_external: false,
      external_type: '',
      is_public: false,
      size: file.bytes.length,
      url_private: `${origin}/files-pri/${teamId}-${file.id}/${encodeURIComponent(file.name)}`,
      url_private_download: `${origin}${path}`,
      permalink: `https://fake.slack.test/files/U0SHARER/${file.id}/${encodeURIComponent(file.name)}`,
    };
  }

  return {
    apiUrl: `${origin}/api/`,
    calls,
    responseUrlPosts,
    uploads,
    downloads,
    shareFile(file) {
      const object = fileObject(file);
      shared.set(new URL(String(object.url_private_download)).pathname, file);
      return object;
    },
    callsTo: (method) => calls.filter((call) => call.method === method),
    responseUrl: (id) => `${origin}/response_url/${encodeURIComponent(id)}`,
    failNext(method, error, times = 1) {
      failures.set(method, { error, times });
    },
    delayNext(method, ms) {
      delays.set(method, ms);
    },
    socketMode: {
      connected: () => connectedPromise,
      get connections() {
        return connections;
      },
      dropConnections() {
        for (const connection of webSockets) connection.close(1001);
      },
      send(message) {
        for (const connection of webSockets) connection.sendText(JSON.stringify(message));
      },
      received,
    },
    async close() {
      for (const connection of webSockets) connection.close(1001);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      for (const socket of sockets) socket.destroy();
      await closed;
      connectedPromise = new Promise<void>((resolve) => (onConnected = resolve));
    },
  };
}

/** The whole body of a request, as text. */
export async function readBody(req: IncomingMessage): Promise<string> {
  return (await readBytes(req)).toString('utf8');
}

function readBytes(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseArgs(contentType: string, body: string): Record<string, unknown> {
  if (body === '') return {};
  if (contentType.startsWith('application/json')) return JSON.parse(body) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    args[key] = JSON_FIELDS.has(key) ? JSON.parse(value) : value;
  }
  return args;
}

function sendJson(res: ServerResponse, value: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(value));
}

// ---- A minimal WebSocket server side (RFC 6455): text frames, ping/pong, close; no extensions.

interface WebSocketConnection {
  sendText(text: string): void;
  close(code: number): void;
}

const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const OPCODE = { continuation: 0x0, text: 0x1, binary: 0x2, close: 0x8, ping: 0x9, pong: 0xa } as const;

function acceptWebSocket(req: IncomingMessage, socket: Socket, head: Buffer, onText: (text: string) => void): WebSocketConnection {
  const key = req.headers['sec-websocket-key'];
  const accept = createHash('sha1').update(`${key}${WEBSOCKET_GUID}`).digest('base64');
  socket.write(['HTTP/1.1 101 Switching Protocols', 'Upgrade: websocket', 'Connection: Upgrade', `Sec-WebSocket-Accept: ${accept}`, '', ''].join('\r\n'));
  socket.setNoDelay(true);

  let buffered = head;
  let fragments: Buffer[] = [];
  let closing = false;

  const writeFrame = (opcode: number, payload: Buffer) => {
    if (socket.destroyed) return;
    const length = payload.length;
    const header = length < 126 ? Buffer.alloc(2) : length < 65536 ? Buffer.alloc(4) : Buffer.alloc(10);
    header[0] = 0x80 | opcode;
    if (length < 126) header[1] = length;
    else if (length < 65536) {
      header[1] = 126;
      header.writeUInt16BE(length, 2);
    } else {
      header[1] = 127;
      header.writeBigUInt64BE(BigInt(length), 2);
    }
    socket.write(Buffer.concat([header, payload]));
  };

  const close = (code: number) => {
    if (closing) return;
    closing = true;
    const payload = Buffer.alloc(2);
    payload.writeUInt16BE(code);
    writeFrame(OPCODE.close, payload);
    socket.end();
  };

  const readFrames = () => {
    for (;;) {
      if (buffered.length < 2) return;
      const first = buffered[0] ?? 0;
      const second = buffered[1] ?? 0;
      const fin = (first & 0x80) !== 0;
      const opcode = first & 0x0f;
      const masked = (second & 0x80) !== 0;
      let length = second & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (buffered.length < 4) return;
        length = buffered.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (buffered.length < 10) return;
        length = Number(buffered.readBigUInt64BE(2));
        offset = 10;
      }
      const maskLength = masked ? 4 : 0;
      if (buffered.length < offset + maskLength + length) return;
      const mask = buffered.subarray(offset, offset + maskLength);
      const payload = Buffer.from(buffered.subarray(offset + maskLength, offset + maskLength + length));
      if (masked) for (let i = 0; i < payload.length; i += 1) payload[i] = (payload[i] ?? 0) ^ (mask[i % 4] ?? 0);
      buffered = buffered.subarray(offset + maskLength + length);

      if (opcode === OPCODE.ping) writeFrame(OPCODE.pong, payload);
      else if (opcode === OPCODE.close) {
        // Answer the client's close so its close handshake completes without a timeout.
        if (!closing) {
          closing = true;
          writeFrame(OPCODE.close, payload.subarray(0, 2));
        }
        socket.end();
        return;
      } else if (opcode === OPCODE.text || opcode === OPCODE.binary || opcode === OPCODE.continuation) {
        fragments.push(payload);
        if (fin) {
          onText(Buffer.concat(fragments).toString('utf8'));
          fragments = [];
        }
      }
    }
  };

  socket.on('data', (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    readFrames();
  });
  socket.on('error', () => socket.destroy());
  readFrames();

  return { sendText: (text) => writeFrame(OPCODE.text, Buffer.from(text, 'utf8')), close };
}

// ---- Requests as Slack sends them: fixtures edited for the test, signed over the exact bytes sent.

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'slack');

export function readFixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** A JSON fixture, parsed, to edit before sending. */
export function jsonFixture<T = Record<string, any>>(name: string): T {
  return JSON.parse(readFixture(name)) as T;
}

/** The interaction payload held in a `payload=` form fixture. */
export function interactionPayload(name: string): Record<string, any> {
  const payload = new URLSearchParams(readFixture(name)).get('payload');
  if (payload === null) throw new Error(`${name} has no payload field`);
  return JSON.parse(payload) as Record<string, any>;
}

export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedRequest {
  url: string;
  body: string;
  contentType: 'application/json' | 'application/x-www-form-urlencoded';
  secret: string;
  /** Seconds; now when unset. */
  timestamp?: number;
  /** Replaces the computed signature. */
  signature?: string;
  headers?: Record<string, string>;
}

export async function sendSigned(request: SignedRequest): Promise<{ status: number; text: string }> {
  const timestamp = request.timestamp ?? Math.floor(Date.now() / 1000);
  const response = await fetch(request.url, {
    method: 'POST',
    headers: {
      // Bolt compares the form content type exactly: no "; charset=utf-8".
      'content-type': request.contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': request.signature ?? slackSignature(request.secret, timestamp, request.body),
      ...request.headers,
    },
    body: request.body,
  });
  return { status: response.status, text: await response.text() };
}

/** Form body of an interaction (block_actions, message_action): one `payload` field holding JSON. */
export function interactionBody(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
