// Files the bot posts: a chart under an answer across documents, a CSV of a table. One upload is
// files.uploadV2 (files.getUploadURLExternal, the bytes to the upload URL, files.completeUploadExternal);
// what a failed one means for the person is worded here, once.
import type { webApi } from '@slack/bolt';
import { slackErrorCode } from './errors.ts';

export interface FileToPost {
  /** The conversation to share it in: a channel or a DM. */
  channel: string;
  /** The thread to share it in; the conversation itself when unset. */
  threadTs?: string;
  bytes: Buffer;
  filename: string;
  title: string;
  /** What an image shows, for screen readers (Slack keeps 1000 characters). */
  altText?: string;
  /** A message posted with the file. */
  comment?: string;
}

const ALT_TEXT_LIMIT = 1000;

export async function postFile(client: webApi.WebClient, file: FileToPost): Promise<void> {
  const contents = {
    file: file.bytes,
    filename: file.filename,
    title: file.title,
    ...(file.altText !== undefined && { alt_text: file.altText.slice(0, ALT_TEXT_LIMIT) }),
    ...(file.comment !== undefined && { initial_comment: file.comment }),
  };
  // The Web API's types take a thread only with its channel, and a channel alone otherwise.
  await (file.threadTs !== undefined
    ? client.filesUploadV2({ ...contents, channel_id: file.channel, thread_ts: file.threadTs })
    : client.filesUploadV2({ ...contents, channel_id: file.channel }));
}

// Why an upload failed, in the person's words, for the errors a workspace admin or the person can act on.
const UPLOAD_FAILURE_WORDS: Record<string, string> = {
  missing_scope: '这个应用还没有上传文件的权限（files:write），请工作区管理员重新安装应用。',
  not_in_channel: '我不在这个频道里，发不了文件。先把我加进频道（/invite @我）。',
  channel_not_found: '我不在这个频道里，发不了文件。先把我加进频道（/invite @我）。',
  not_allowed_token_type: '这个应用的令牌不能上传文件。',
};

/** What to tell the person when a file could not be posted. */
export function uploadFailureWords(error: unknown): string {
  const code = slackErrorCode(error);
  // missing_scope names the scope it needed: files:write to upload, im:write to open a DM.
  const needed = (error as { data?: { needed?: unknown } } | null)?.data?.needed;
  if (code === 'missing_scope' && typeof needed === 'string') return `这个应用还没有所需的权限（${needed}），请工作区管理员重新安装应用。`;
  return (code !== undefined ? UPLOAD_FAILURE_WORDS[code] : undefined) ?? '上传时出错了，请稍后再试。';
}
