// Block Kit messages built from the engine's records. Pure: records in, message out, so every
// shape the bot can post is testable without Slack. Text from documents and users is escaped here
// and nowhere else; the only markup added is ours (bold, quotes, our buttons).
import type { types } from '@slack/bolt';
import type { Answer, Citation, Figure, Target } from '../model.ts';
import type { ClaimCheck } from '../qa/types.ts';
import { MAX_FURTHER_SOURCES, targetSource, viewAnswer, type SourceView } from '../qa/view.ts';
import { figureWords, targetHeadline, whenWords } from '../qa/wording.ts';
import { escapeSlackText } from './escape.ts';

type KnownBlock = types.KnownBlock;
type SectionBlock = types.SectionBlock;
type ContextBlock = types.ContextBlock;
type ActionsBlock = types.ActionsBlock;

/** A message for chat.postMessage, chat.postEphemeral or respond(): notification text plus blocks. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/**
 * Slack rejects a section over 3000 characters and a message over 50 blocks, and cuts messages
 * whose blocks hold more than about 13,000 characters; the last limit is kept with some room.
 */
export const SLACK_LIMITS = { sectionText: 3000, blocks: 50, blockText: 12_000 } as const;

/** action_id of the 更多来源 button; its value is {"q": question}. */
export const MORE_SOURCES_ACTION = 'more_sources';
/** action_id of the button under a /target list that posts the list to the channel; its value is the words. */
export const POST_TARGET_LIST_ACTION = 'post_target_list';
/** callback_id of the 核对来源 message shortcut (also in manifest.yaml). */
export const CHECK_SOURCES_CALLBACK_ID = 'check_sources';
/** Button values may hold 2000 characters. */
const BUTTON_VALUE_LIMIT = 2000;

// Slack only starts bold at a word boundary, and CJK text has no spaces: a zero-width space on
// either side lets *6000亿元* inside a sentence render bold.
const ZWSP = '\u200B';

/**
 * The quote as mrkdwn with the figure's span in bold. The span is found by the figure's offsets
 * when they fall inside the quote, else by its text; a figure the quote does not contain is not marked.
 */
export function quoteWithFigureMarked(citation: Citation, figure: Figure | null, maxLength: number = SLACK_LIMITS.sectionText - 10): string {
  const quote = citation.quote;
  let at = -1;
  if (figure !== null && figure.text !== '') {
    const byOffset = figure.start - citation.start;
    at = quote.slice(byOffset, byOffset + figure.text.length) === figure.text ? byOffset : quote.indexOf(figure.text);
  }
  if (figure === null || at < 0) return blockQuote(clipEscaped(quote, maxLength - 2));
  const spanEnd = at + figure.text.length;
  const room = maxLength - 2 - escapeSlackText(figure.text).length - 6;
  // Keep the figure in view when the quote must be cut: spend the room on both sides of it.
  const before = clipEscapedFromEnd(quote.slice(0, at), Math.floor(room / 2));
  const after = clipEscaped(quote.slice(spanEnd), room - before.length);
  return blockQuote(`${before}${ZWSP}*${escapeSlackText(figure.text)}*${ZWSP}${after}`);
}

function blockQuote(mrkdwn: string): string {
  return mrkdwn
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');
}

/** Escapes text and cuts it to maxLength characters (ellipsis included), never inside an entity. */
export function clipEscaped(text: string, maxLength: number): string {
  const escaped = escapeSlackText(text);
  if (escaped.length <= maxLength) return escaped;
  // The longest prefix whose escaped form fits beside the ellipsis.
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (escapeSlackText(text.slice(0, mid)).length <= maxLength - 1) low = mid;
    else high = mid - 1;
  }
  return `${escapeSlackText(text.slice(0, withoutHalfSurrogate(text, low)))}…`;
}

/** Like clipEscaped, but keeps the end of the text. */
function clipEscapedFromEnd(text: string, maxLength: number): string {
  const escaped = escapeSlackText(text);
  if (escaped.length <= maxLength) return escaped;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (escapeSlackText(text.slice(mid)).length <= maxLength - 1) high = mid;
    else low = mid + 1;
  }
  const start = isLowSurrogate(text.charCodeAt(low)) ? low + 1 : low;
  return `…${escapeSlackText(text.slice(start))}`;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

function withoutHalfSurrogate(text: string, end: number): number {
  return end > 0 && isHighSurrogate(text.charCodeAt(end - 1)) ? end - 1 : end;
}

function section(mrkdwn: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: mrkdwn } };
}

function context(mrkdwn: string): ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: mrkdwn }] };
}

function sourceContext(source: SourceView): ContextBlock {
  return context(`:page_facing_up: ${clipEscaped(source.source, SLACK_LIMITS.sectionText - 30)}`);
}

/** Headline, figure in bold with year and kind, the quote with the figure marked, the source. */
function sourceBlocks(source: SourceView): KnownBlock[] {
  if (source.kind === 'passage') return [section(quoteWithFigureMarked(source.citation, null)), sourceContext(source)];
  const headline = clipEscaped(source.headline, 500);
  const figureLine = `*${escapeSlackText(source.figure)}*${source.when ? ` · ${source.when}` : ''}`;
  return [
    section(headline ? `${headline}\n${figureLine}` : figureLine),
    section(quoteWithFigureMarked(source.citation, source.target.figure)),
    sourceContext(source),
  ];
}

function moreSourcesButton(answer: Answer, count: number): ActionsBlock | null {
  const value = JSON.stringify({ q: answer.question });
  if (count === 0 || value.length > BUTTON_VALUE_LIMIT) return null;
  return {
    type: 'actions',
    elements: [{ type: 'button', action_id: MORE_SOURCES_ACTION, text: { type: 'plain_text', text: `更多来源（${count}）` }, value }],
  };
}

/** The reply to a question. */
export function renderAnswer(answer: Answer): SlackMessage {
  const view = viewAnswer(answer);
  const question = context(`问：${clipEscaped(answer.question, 500)}`);
  if (view.status === 'not_found') {
    return { text: view.notice!, blocks: [section(`:mag: ${view.notice!}`), question] };
  }
  const button = moreSourcesButton(answer, view.further.length);
  const tail = button ? [button] : [];
  if (view.status === 'no_figure') {
    const head = [section(`:mag: ${view.notice!}${view.shown.length ? '相关段落：' : ''}`)];
    return { text: view.notice!, blocks: fitGroups(head, view.shown.map(sourceBlocks), tail, (n) => `另有 ${n} 段未显示`) };
  }
  const head: KnownBlock[] = view.notice !== null ? [section(`:warning: ${view.notice}`)] : [];
  const groups = view.shown.length > 0 ? view.shown.map(sourceBlocks) : [[section(clipEscaped(view.line, 2900))]];
  return { text: escapeSlackText(view.line), blocks: fitGroups(head, groups, tail, (n) => `另有 ${n} 条未显示`) };
}

/** The reply to the 更多来源 button: the further sources, in the thread of the answer. */
export function renderFurtherSources(answer: Answer): SlackMessage {
  const further = viewAnswer(answer).further;
  if (further.length === 0) return { text: '没有更多来源了。', blocks: [section('没有更多来源了。')] };
  const head = [context(`更多来源 · 问：${clipEscaped(answer.question, 500)}`)];
  return { text: `更多来源（${further.length}）`, blocks: fitGroups(head, further.map(sourceBlocks), [], (n) => `另有 ${n} 条未显示`) };
}

/** Said when a mention or DM holds no question. */
export function renderAskUsage(): SlackMessage {
  const text = '请直接提问，例如：广州汽车集群规模目标？';
  return { text, blocks: [section(`${text}\n在频道里 @我 提问，我会在该消息的讨论串里回答；也可以私信我。列出指标用 \`/target 关键词\`。`)] };
}

export const APOLOGY_TEXT = '抱歉，处理这个问题时出错了，请稍后再试。';

/** Said when answering failed; the cause goes to the log, not to the user. */
export function renderApology(): SlackMessage {
  return { text: APOLOGY_TEXT, blocks: [section(`:warning: ${APOLOGY_TEXT}`)] };
}

/** `/target` and `/target help`. */
export function renderTargetUsage(command = '/target'): SlackMessage {
  const text = `用法：${command} 关键词 — 列出文件中与关键词相关的指标`;
  return {
    text,
    blocks: [
      section(`*${command} 关键词* — 列出文件中与关键词（地区、行业、指标、年份）相关的指标。结果只有你能看到，可以一键发到频道。`),
      section(`例如：\n• \`${command} 广州 汽车\`\n• \`${command} 北京 2022\`\n• \`${command} 信息消费\``),
      context('问具体数字：在频道里 @我 提问，或私信我，例如“广州汽车集群规模目标？”'),
    ],
  };
}

/** One line of a /target list: 广州 · 汽车产业集群规模 *6000亿元* · 2021年 · 目标 — 标题 第2段 */
function targetListLine(target: Target): string {
  const headline = escapeSlackText(targetHeadline(target));
  const figure = target.figure !== null ? ` *${escapeSlackText(figureWords(target))}*` : '';
  const when = whenWords(target);
  const where = [target.citation.article, `第${target.citation.paragraph}段`].filter((part) => part !== '').join(' ');
  return clipLine(`• ${headline}${figure}${when ? ` · ${when}` : ''} — ${escapeSlackText(where)}`, 600);
}

function clipLine(mrkdwn: string, maxLength: number): string {
  // Only reached by absurdly long headlines; cutting mrkdwn may split an entity, so back off to before any '&'.
  if (mrkdwn.length <= maxLength) return mrkdwn;
  let cut = mrkdwn.slice(0, maxLength - 1);
  const amp = cut.lastIndexOf('&');
  if (amp > cut.length - 6) cut = cut.slice(0, amp);
  return `${cut}…`;
}

export interface TargetListOptions {
  /** Adds the button that posts the list to the channel (for the ephemeral version). */
  shareButton?: boolean;
  /** Slack user id of whoever shared the list to the channel. */
  sharedBy?: string;
  command?: string;
}

/** The compact list that /target answers with. */
export function renderTargetList(targets: readonly Target[], words: string, options: TargetListOptions = {}): SlackMessage {
  const command = options.command ?? '/target';
  const shownWords = clipEscaped(words, 200);
  if (targets.length === 0) {
    const text = `没有找到与“${shownWords}”相关的指标。`;
    return { text, blocks: [section(`${text}换个说法，或去掉一些词再试。`)] };
  }
  const text = `与“${shownWords}”相关的指标：共 ${targets.length} 条`;
  const head: KnownBlock[] = [section(`*${text}*`)];
  if (options.sharedBy !== undefined && /^[UW][A-Z0-9]+$/.test(options.sharedBy)) {
    head.push(context(`<@${options.sharedBy}> 用 \`${escapeSlackText(command)} ${shownWords}\` 查到`));
  }
  const tail: KnownBlock[] = [];
  if (options.shareButton && words.length <= BUTTON_VALUE_LIMIT) {
    tail.push({
      type: 'actions',
      elements: [{ type: 'button', action_id: POST_TARGET_LIST_ACTION, text: { type: 'plain_text', text: '发到频道' }, value: words }],
    });
  }
  const blocks = packLines(head, targets.map(targetListLine), tail, (n) => `另有 ${n} 条未列出 — 加上地区、年份或行业词可以缩小范围。`);
  return { text, blocks };
}

const VERDICT_WORDS: Record<ClaimCheck['verdict'], { icon: string; words: string }> = {
  agrees: { icon: ':white_check_mark:', words: '与文件一致' },
  differs: { icon: ':x:', words: '与文件不一致' },
  unknown: { icon: ':grey_question:', words: '文件中没有找到出处' },
};

/** The reply to the 核对来源 shortcut: each figure of the message against the documents. */
export function renderClaimChecks(checks: readonly ClaimCheck[]): SlackMessage {
  if (checks.length === 0) {
    const text = '这条消息里没有可以核对的数字。';
    return { text, blocks: [section(text)] };
  }
  const count = (verdict: ClaimCheck['verdict']) => checks.filter((check) => check.verdict === verdict).length;
  const summary = `核对了 ${checks.length} 处数字：${count('agrees')} 处一致，${count('differs')} 处不一致，${count('unknown')} 处文件未提及。`;
  const groups = checks.map((check): KnownBlock[] => {
    const { icon, words } = VERDICT_WORDS[check.verdict];
    const said = `${icon} *${words}*　“${clipEscaped(check.sentence, 600)}”`;
    const target = check.verdict === 'unknown' ? null : check.target;
    if (target === null) return [section(`${said}\n消息说 *${escapeSlackText(check.claim.text)}*`)];
    const source = targetSource(target);
    const stated = target.figure !== null ? `*${escapeSlackText(source.figure)}*` : '（无具体数字）';
    return [
      section(`${said}\n消息说 *${escapeSlackText(check.claim.text)}*，文件所载为 ${stated}${source.when ? ` · ${source.when}` : ''}`),
      section(quoteWithFigureMarked(target.citation, target.figure)),
      sourceContext(source),
    ];
  });
  return { text: summary, blocks: fitGroups([section(summary)], groups, [], (n) => `另有 ${n} 处未显示`) };
}

/** The characters of a block's text, the measure Slack's size limit counts. */
export function blockTextLength(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + blockTextLength(item), 0);
  if (value === null || typeof value !== 'object') return 0;
  let sum = 0;
  for (const [key, item] of Object.entries(value)) sum += key === 'text' && typeof item === 'string' ? item.length : blockTextLength(item);
  return sum;
}

const NOTE_ROOM = 120;

/**
 * head, as many whole groups as the limits allow, a note counting the groups left out, tail.
 * Groups are kept whole so a quote is never separated from its source line.
 */
function fitGroups(head: KnownBlock[], groups: KnownBlock[][], tail: KnownBlock[], omitted: (count: number) => string): KnownBlock[] {
  const blocks = [...head];
  let used = blockTextLength(head) + blockTextLength(tail);
  let taken = 0;
  for (const group of groups) {
    const size = blockTextLength(group);
    if (blocks.length + group.length + tail.length + 1 > SLACK_LIMITS.blocks || used + size + NOTE_ROOM > SLACK_LIMITS.blockText) break;
    blocks.push(...group);
    used += size;
    taken += 1;
  }
  if (taken < groups.length) blocks.push(context(omitted(groups.length - taken)));
  return [...blocks, ...tail];
}

/** Lines packed into sections of at most 3000 characters, within the message limits. */
function packLines(head: KnownBlock[], lines: string[], tail: KnownBlock[], omitted: (count: number) => string): KnownBlock[] {
  const blocks = [...head];
  let used = blockTextLength(head) + blockTextLength(tail);
  let current: string[] = [];
  let currentLength = 0;
  let taken = 0;
  for (const line of lines) {
    const fitsCurrent = current.length > 0 && currentLength + 1 + line.length <= SLACK_LIMITS.sectionText;
    const sections = blocks.length + (current.length > 0 ? 1 : 0) + (fitsCurrent ? 0 : 1);
    if (sections + tail.length + 1 > SLACK_LIMITS.blocks || used + line.length + 1 + NOTE_ROOM > SLACK_LIMITS.blockText) break;
    if (!fitsCurrent && current.length > 0) {
      blocks.push(section(current.join('\n')));
      current = [];
      currentLength = 0;
    }
    currentLength += (current.length > 0 ? 1 : 0) + line.length;
    current.push(line);
    used += line.length + 1;
    taken += 1;
  }
  if (current.length > 0) blocks.push(section(current.join('\n')));
  if (taken < lines.length) blocks.push(context(omitted(lines.length - taken)));
  return [...blocks, ...tail];
}
