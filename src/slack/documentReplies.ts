// The reply to documents sent in a DM: for each file, what was read (its title, year, place and
// how many figures) or why it was not taken. Pure: outcomes in, a message out.
import { DOCUMENT_EXTENSIONS } from '../corpus/formats.ts';
import { clipEscaped, context, section, type SlackMessage } from './blocks.ts';
import type { DocumentOutcome, Refusal } from './documents.ts';
import { escapeSlackText } from './escape.ts';

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;

/** Why a file was not taken, for the person who sent it. */
export function refusalWords(refusal: Refusal): string {
  switch (refusal.reason) {
    case 'unsupported':
      return `不是我能读的文件（${refusal.detail ?? '格式不支持'}）。我读 ${DOCUMENT_EXTENSIONS.join(' ')} 文件。`;
    case 'too_big':
      return `文件太大（${megabytes(refusal.bytes)}，上限 ${megabytes(refusal.limit)}）。`;
    case 'download_failed':
      return `没能从 Slack 下载这个文件（${refusal.detail}）。`;
    case 'no_text':
      return '没有从里面读到文字：可能是扫描件（没有文字层）或空文件，也可能文件库里已有同一份文件。';
    case 'index_failed':
      return `文件已保存，但更新索引时出错（${refusal.detail}），稍后会再试。`;
  }
}

export const NOT_AN_UPLOADER_TEXT = '抱歉，往文件库里添加文件需要维护文件库的人开通。你仍然可以直接问我问题。';

/** Said to someone who may not add documents; nothing was downloaded. */
export function renderNotAnUploader(): SlackMessage {
  return { text: NOT_AN_UPLOADER_TEXT, blocks: [section(`:lock: ${NOT_AN_UPLOADER_TEXT}`)] };
}

/** Said when this bot takes no documents in Slack (its index does not follow a seeds folder). */
export function renderNoDocumentIntake(): SlackMessage {
  const text = '这里不能通过 Slack 添加文件：请把文件放进机器人的文件夹。';
  return { text, blocks: [section(text)] };
}

function outcomeLine(outcome: DocumentOutcome): string {
  const name = clipEscaped(outcome.name, 200);
  if (outcome.kind === 'refused') return `:x: *${name}*：${escapeSlackText(refusalWords(outcome.refusal))}`;
  const { document } = outcome;
  const title = document.title !== null ? `《${clipEscaped(document.title, 300)}》` : '';
  const facts = [document.year !== null ? `${document.year}年` : '年份不明', document.place ?? '地区不明', `${document.targets} 条指标`].join(' · ');
  const said = outcome.alreadyThere ? '文件库里已有这份文件' : '已读入';
  return `:white_check_mark: *${name}* ${said}${title}：${escapeSlackText(facts)}\n\`${clipEscaped(outcome.file, 300)}\``;
}

/** The reply: a line a file, and how to ask about what was added. */
export function renderDocumentOutcomes(outcomes: readonly DocumentOutcome[]): SlackMessage {
  const added = outcomes.filter((o) => o.kind === 'added');
  const text =
    added.length === outcomes.length
      ? `已读入 ${added.length} 份文件。`
      : added.length === 0
        ? '没有读入文件。'
        : `已读入 ${added.length} 份文件，${outcomes.length - added.length} 份没有读入。`;
  const lines = outcomes.slice(0, 20).map(outcomeLine);
  const blocks: SlackMessage['blocks'] = [section(`*${text}*`), ...lines.map((line) => section(line))];
  if (outcomes.length > lines.length) blocks.push(context(`另有 ${outcomes.length - lines.length} 份未列出。`));
  if (added.some((o) => o.kind === 'added' && o.document.targets > 0)) blocks.push(context('现在就可以问其中的数字了。'));
  return { text, blocks };
}
