// Documents people send the bot in a DM: each file shared is checked (who sent it, its name, its
// size), downloaded from Slack with the bot token, checked again by its content, saved in the seeds
// folder's uploads/ folder, and the live index brought up to date; then each is found among the
// library's documents for the reply. This is the I/O edge of it; the reply's words are in
// documentReplies.ts.
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { z } from 'zod';
import { chooseFormat, isDocumentName } from '../corpus/formats.ts';
import type { LiveEngine } from '../qa/live.ts';
import type { Coverage } from '../qa/types.ts';
import type { Uploaders } from './config.ts';
import { numberedFileName, safeFileName } from './fileNames.ts';

/** The folder of the seeds folder that documents sent in Slack are saved in. */
export const UPLOADS_FOLDER = 'uploads';
// Names tried for one file before giving up: name.docx, name (2).docx … name (99).docx.
const MAX_NUMBERED_NAMES = 99;

/** A file as a file_share message (or files.info) describes it; only what is used is checked. */
export const SharedFileSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  title: z.string().optional(),
  size: z.number().optional(),
  mimetype: z.string().optional(),
  url_private: z.string().optional(),
  url_private_download: z.string().optional(),
  /** `check_file_info` for a file whose details the event leaves out (Slack Connect): ask files.info. */
  file_access: z.string().optional(),
});
export type SharedFile = z.infer<typeof SharedFileSchema>;

export type CoverageDocument = Coverage['documents'][number];

export type Refusal =
  | { reason: 'unsupported'; detail: string | null }
  | { reason: 'too_big'; bytes: number; limit: number }
  | { reason: 'download_failed'; detail: string }
  | { reason: 'no_text' }
  | { reason: 'index_failed'; detail: string };

export type DocumentOutcome =
  | { kind: 'added'; name: string; file: string; document: CoverageDocument; alreadyThere: boolean }
  | { kind: 'refused'; name: string; refusal: Refusal };

export interface DocumentIntake {
  engine: LiveEngine;
  seedsDir: string;
  uploaders: Uploaders;
  maxBytes: number;
  botToken: string;
  /** Whether the bot token may be sent to a file URL: Slack's own hosts (and the configured API's). */
  isSlackFileUrl(url: URL): boolean;
  /** Asks Slack for a file's details (files.info) when the event leaves them out. */
  fileInfo(id: string): Promise<unknown>;
  fetch?: typeof fetch;
}

export function mayAddDocuments(uploaders: Uploaders, user: string | undefined): boolean {
  return uploaders === 'everyone' || (user !== undefined && uploaders.includes(user));
}

/** Slack's file hosts (files.slack.com, GovSlack's), and the host of a Web API given instead (a test's). */
export function slackFileHosts(apiUrl: string | undefined): (url: URL) => boolean {
  const apiHost = apiUrl !== undefined ? new URL(apiUrl).host : null;
  return (url) =>
    (url.protocol === 'https:' && (url.hostname === 'files.slack.com' || url.hostname.endsWith('.slack.com') || url.hostname.endsWith('.slack-gov.com'))) ||
    (apiHost !== null && url.host === apiHost);
}

class DownloadError extends Error {}

/** The file's bytes, at most `maxBytes` of them (a larger file is refused as it streams in). */
async function download(intake: DocumentIntake, url: string, expectedMime: string | undefined): Promise<Buffer | Refusal> {
  const parsed = new URL(url);
  if (!intake.isSlackFileUrl(parsed)) throw new DownloadError(`not a Slack file URL: ${parsed.host}`);
  const response = await (intake.fetch ?? fetch)(parsed, { headers: { authorization: `Bearer ${intake.botToken}` }, redirect: 'error' });
  if (!response.ok || response.body === null) throw new DownloadError(`HTTP ${response.status}`);
  // Without files:read (or with a token Slack does not take for files) Slack answers with its sign-in page.
  const type = response.headers.get('content-type') ?? '';
  if (type.startsWith('text/html') && !(expectedMime ?? '').startsWith('text/html')) throw new DownloadError('Slack answered with a sign-in page (is files:read granted?)');
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > intake.maxBytes) {
    await response.body.cancel();
    return { reason: 'too_big', bytes: declared, limit: intake.maxBytes };
  }
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    length += chunk.length;
    if (length > intake.maxBytes) return { reason: 'too_big', bytes: length, limit: intake.maxBytes };
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Saves the bytes as `name` in the uploads folder, or as `name (2)` … when another file has that
 * name: a different file is never overwritten, the same one is not saved twice. Returns the name
 * it stands under and whether it was there already.
 */
async function save(folder: string, name: string, bytes: Buffer): Promise<{ name: string; alreadyThere: boolean }> {
  await mkdir(folder, { recursive: true });
  const digest = sha256(bytes);
  for (let n = 1; n <= MAX_NUMBERED_NAMES; n += 1) {
    const candidate = n === 1 ? name : numberedFileName(name, n);
    const path = resolve(folder, candidate);
    // safeFileName leaves no separator; this holds it to the folder all the same.
    if (!path.startsWith(resolve(folder) + sep)) throw new Error(`${candidate} is not a name in ${folder}`);
    try {
      await writeFile(path, bytes, { flag: 'wx' });
      return { name: candidate, alreadyThere: false };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (sha256(await readFile(path)) === digest) return { name: candidate, alreadyThere: true };
    }
  }
  throw new Error(`${MAX_NUMBERED_NAMES} files named like ${name} already`);
}

function errorLine(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

type Fetched = { kind: 'saved'; name: string; file: string; alreadyThere: boolean } | Extract<DocumentOutcome, { kind: 'refused' }>;

async function fetchAndSave(intake: DocumentIntake, shared: SharedFile): Promise<Fetched> {
  const name = safeFileName(shared.name ?? shared.title ?? shared.id, shared.id);
  const refused = (refusal: Refusal): Fetched => ({ kind: 'refused', name, refusal });
  if (!isDocumentName(name)) return refused({ reason: 'unsupported', detail: null });
  if (shared.size !== undefined && shared.size > intake.maxBytes) return refused({ reason: 'too_big', bytes: shared.size, limit: intake.maxBytes });
  let file = shared;
  if (file.file_access === 'check_file_info' || (file.url_private_download ?? file.url_private) === undefined) {
    const info = z.object({ file: SharedFileSchema }).safeParse(await intake.fileInfo(shared.id));
    if (!info.success) return refused({ reason: 'download_failed', detail: 'files.info gave no file' });
    file = info.data.file;
  }
  const url = file.url_private_download ?? file.url_private;
  if (url === undefined) return refused({ reason: 'download_failed', detail: 'Slack gave no download URL' });
  let bytes: Buffer | Refusal;
  try {
    bytes = await download(intake, url, file.mimetype);
  } catch (error) {
    return refused({ reason: 'download_failed', detail: errorLine(error) });
  }
  if (!Buffer.isBuffer(bytes)) return refused(bytes);
  const format = await chooseFormat(name, bytes);
  if ('refused' in format) return refused({ reason: 'unsupported', detail: format.refused });
  const folder = join(intake.seedsDir, UPLOADS_FOLDER);
  const saved = await save(folder, name, bytes);
  return { kind: 'saved', name, file: `${UPLOADS_FOLDER}/${saved.name}`, alreadyThere: saved.alreadyThere };
}

/**
 * Takes the files of one message into the library: each saved (or refused with why), then one
 * update of the index, then each found among the library's documents.
 */
export async function addSharedDocuments(intake: DocumentIntake, files: readonly SharedFile[]): Promise<DocumentOutcome[]> {
  const fetched: Fetched[] = [];
  for (const file of files) {
    try {
      fetched.push(await fetchAndSave(intake, file));
    } catch (error) {
      fetched.push({ kind: 'refused', name: file.name ?? file.id, refusal: { reason: 'download_failed', detail: errorLine(error) } });
    }
  }
  if (!fetched.some((f) => f.kind === 'saved')) return fetched as DocumentOutcome[];
  const outcome = await intake.engine.refresh();
  const documents = new Map(intake.engine.coverage().documents.map((d) => [d.file, d]));
  return fetched.map((f): DocumentOutcome => {
    if (f.kind === 'refused') return f;
    if (outcome.kind === 'failed') return { kind: 'refused', name: f.name, refusal: { reason: 'index_failed', detail: outcome.reason } };
    const document = documents.get(f.file);
    return document === undefined
      ? { kind: 'refused', name: f.name, refusal: { reason: 'no_text' } }
      : { kind: 'added', name: f.name, file: f.file, document, alreadyThere: f.alreadyThere };
  });
}
