// Block Kit messages built from the engine's records. Pure: records in, message out, so every
// shape the bot can post is testable without Slack. Text from documents and users is escaped here
// and nowhere else; the only markup added is ours (bold, quotes, our buttons).
import type { types } from '@slack/bolt';
import { z } from 'zod';
import type { Answer, Citation, Comparison, Figure, Target, Verdict } from '../model.ts';
import { VERDICT_WORDS as CHECK_VERDICT_WORDS } from '../qa/compare.ts';
import type { ClaimCheck, Coverage } from '../qa/types.ts';
import { targetSource, viewAnswer, type AnswerView, type SourceView, type TargetSourceView } from '../qa/view.ts';
import { coverageWords, describeSource, figureWords, NEAREST_WORDS, placeYearsWords, targetHeadline, whenWords } from '../qa/wording.ts';
import { escapeSlackText } from './escape.ts';
import type { FeedbackTarget } from './feedback.ts';

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
/** action_id of the 👍 under an answer; its value is a FeedbackTarget as JSON. */
export const FEEDBACK_UP_ACTION = 'feedback_up';
/** action_id of the 👎 under an answer, which opens the feedback form; its value is a FeedbackTarget as JSON. */
export const FEEDBACK_DOWN_ACTION = 'feedback_down';
/**
 * action_id of the CSV button under an answer across documents and under a /target list; its
 * value is a CsvRequest as JSON.
 */
export const EXPORT_CSV_ACTION = 'export_csv';
/** Button values may hold 2000 characters. */
export const BUTTON_VALUE_LIMIT = 2000;
// The question a feedback button carries is cut to this; the rest of the value is the citation.
const FEEDBACK_QUESTION_LENGTH = 500;
// A source link longer than this is left out: the label alone still says where the passage is.
const LINK_LIMIT = 1000;

/** The source URL of a document by its file, when it has one (see library.ts). */
export type LinkOf = (doc: string) => string | null;
const NO_LINKS: LinkOf = () => null;

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

export function section(mrkdwn: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: mrkdwn } };
}

export function context(mrkdwn: string): ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: mrkdwn }] };
}

/**
 * A link in mrkdwn: <url|label>. The URL is escaped like any text (Slack decodes &amp; in it) and a
 * `|` in it is percent-encoded, since Slack would read it as the label's start.
 */
export function linkMrkdwn(url: string, escapedLabel: string): string {
  return `<${escapeSlackText(url.replace(/\|/g, '%7C'))}|${escapedLabel}>`;
}

/** The label as a link to the URL, or the label alone when there is none or it is too long. */
export function linkOrLabel(url: string | null, escapedLabel: string): string {
  return url !== null && url.length <= LINK_LIMIT ? linkMrkdwn(url, escapedLabel) : escapedLabel;
}

/** 文件 · 标题 · 第N段, as a link to the document's source when it has one. */
function sourceContext(source: SourceView, linkOf: LinkOf): ContextBlock {
  const url = linkOf(source.citation.doc);
  const label = clipEscaped(source.source, SLACK_LIMITS.sectionText - 30 - (url?.length ?? 0));
  return context(`:page_facing_up: ${linkOrLabel(url, label)}`);
}

/** Headline, figure in bold with year and kind, the quote with the figure marked, the source. */
function sourceBlocks(source: SourceView, linkOf: LinkOf): KnownBlock[] {
  if (source.kind === 'passage') return [section(quoteWithFigureMarked(source.citation, null)), sourceContext(source, linkOf)];
  const headline = clipEscaped(source.headline, 500);
  const figureLine = `*${escapeSlackText(source.figure)}*${source.when ? ` · ${source.when}` : ''}`;
  return [
    section(headline ? `${headline}\n${figureLine}` : figureLine),
    section(quoteWithFigureMarked(source.citation, source.target.figure)),
    sourceContext(source, linkOf),
  ];
}

/**
 * The closest figure a refusal offers, said as such and laid out plainer than an answer (nothing
 * in bold), so that it is never taken for the figure asked about.
 */
function nearestBlocks(nearest: TargetSourceView, linkOf: LinkOf): KnownBlock[] {
  const line = [clipEscaped(nearest.headline, 500), escapeSlackText(nearest.figure), nearest.when].filter((part) => part !== '').join(' · ');
  return [context(`:bulb: ${NEAREST_WORDS}${line}`), section(quoteWithFigureMarked(nearest.citation, null)), sourceContext(nearest, linkOf)];
}

/** What a feedback button says the answer was: its question and the citation it showed first. */
function feedbackTarget(answer: Answer, view: AnswerView): FeedbackTarget {
  const citation = view.shown[0]?.citation ?? null;
  return {
    q: answer.question.slice(0, FEEDBACK_QUESTION_LENGTH),
    c: citation && { doc: citation.doc, article: citation.article, paragraph: citation.paragraph },
  };
}

/** What a CSV button exports: the table of an answer to a question, or the /target list of some words. */
export const CsvRequestSchema = z.union([z.object({ q: z.string().min(1) }).strict(), z.object({ t: z.string().min(1) }).strict()]);
export type CsvRequest = z.infer<typeof CsvRequestSchema>;

function csvButton(value: string): types.Button {
  return { type: 'button', action_id: EXPORT_CSV_ACTION, text: { type: 'plain_text', text: 'CSV' }, value };
}

/** The buttons under an answer: 更多来源 when there are further sources, 👍 / 👎 when asked for. */
function answerActions(answer: Answer, view: AnswerView, feedback: boolean): ActionsBlock | null {
  const elements: ActionsBlock['elements'] = [];
  const more = JSON.stringify({ q: answer.question });
  // A comparison's rows are its sources; it has none further.
  if (answer.comparison === undefined && view.further.length > 0 && more.length <= BUTTON_VALUE_LIMIT) {
    elements.push({ type: 'button', action_id: MORE_SOURCES_ACTION, text: { type: 'plain_text', text: `更多来源（${view.further.length}）` }, value: more });
  }
  const csv = JSON.stringify({ q: answer.question } satisfies CsvRequest);
  if (answer.comparison !== undefined && answer.comparison.rows.length + answer.comparison.missing.length > 0 && csv.length <= BUTTON_VALUE_LIMIT) {
    elements.push(csvButton(csv));
  }
  if (feedback) {
    const target = feedbackTarget(answer, view);
    let value = JSON.stringify(target);
    if (value.length > BUTTON_VALUE_LIMIT) value = JSON.stringify({ ...target, c: null });
    elements.push(
      { type: 'button', action_id: FEEDBACK_UP_ACTION, text: { type: 'plain_text', text: '👍', emoji: true }, value },
      { type: 'button', action_id: FEEDBACK_DOWN_ACTION, text: { type: 'plain_text', text: '👎', emoji: true }, value },
    );
  }
  return elements.length > 0 ? { type: 'actions', elements } : null;
}

export interface AnswerOptions {
  /** How a follow-up was read (按“北京 · 汽车产业集群规模”理解), shown first. */
  reading?: string | null;
  /** What the library covers, said when the answer gives no figure. */
  coverage?: Coverage;
  /** Source links of the documents. */
  linkOf?: LinkOf;
  /** Adds the 👍 / 👎 buttons. */
  feedback?: boolean;
}

/** The reply to a question. */
export function renderAnswer(answer: Answer, options: AnswerOptions = {}): SlackMessage {
  const view = viewAnswer(answer);
  const linkOf = options.linkOf ?? NO_LINKS;
  const question = context(`问：${clipEscaped(answer.question, 500)}`);
  const reading: KnownBlock[] = options.reading ? [context(`:leftwards_arrow_with_hook: ${clipEscaped(options.reading, 500)}`)] : [];
  const actions = answerActions(answer, view, options.feedback ?? false);
  const tail = actions ? [actions] : [];
  if (answer.comparison !== undefined) return renderComparison(answer, answer.comparison, { reading, question, tail, linkOf });
  if (view.status !== 'answered') {
    // A refusal helps on: the closest figure the documents do state, and what the library covers.
    const help: KnownBlock[][] = [];
    if (view.nearest !== null) help.push(nearestBlocks(view.nearest, linkOf));
    if (options.coverage !== undefined) help.push([context(escapeSlackText(coverageWords(options.coverage)))]);
    if (view.status === 'not_found') {
      return { text: view.notice!, blocks: fitGroups([...reading, section(`:mag: ${view.notice!}`)], [...help, [question]], tail, (n) => `另有 ${n} 条未显示`) };
    }
    const head = [...reading, section(`:mag: ${view.notice!}${view.shown.length ? '相关段落：' : ''}`)];
    const passages = view.shown.map((source) => sourceBlocks(source, linkOf));
    return { text: view.notice!, blocks: fitGroups(head, [...passages, ...help], tail, (n) => `另有 ${n} 段未显示`) };
  }
  const head: KnownBlock[] = [...reading, ...(view.notice !== null ? [section(`:warning: ${view.notice}`)] : [])];
  const groups = view.shown.length > 0 ? view.shown.map((source) => sourceBlocks(source, linkOf)) : [[section(clipEscaped(view.line, 2900))]];
  return { text: escapeSlackText(view.line), blocks: fitGroups(head, groups, tail, (n) => `另有 ${n} 条未显示`) };
}

const VERDICT_ICONS: Record<Verdict, string> = { met: ':white_check_mark:', not_met: ':x:', unknown: ':grey_question:' };

/** Said under a comparison's table when rows were left out. */
export const MORE_ROWS_WORDS = (count: number) => `… 另有 ${count} 行未显示（完整的表格见 CSV）`;

/** A row's source: 文件 · 标题 · 第N段, a link to the document when it has one. */
function sourceMrkdwn(citation: Citation, linkOf: LinkOf, maxLength: number): string {
  const url = linkOf(citation.doc);
  const label = clipEscaped(describeSource(citation), maxLength);
  return linkOrLabel(url, label);
}

/** One row of a comparison's table: • *江西*  *1035个* · 实际 · 建设数字化车间及智能工厂 — source. */
function comparisonRowLine(row: Comparison['rows'][number], linkOf: LinkOf): string {
  const { target } = row;
  const when = whenWords(target);
  const figure = `*${clipEscaped(figureWords(target), 100)}*`;
  return `• *${clipEscaped(row.label, 60)}*  ${figure}${when ? ` · ${when}` : ''} · ${clipEscaped(target.metric, 120)} — :page_facing_up: ${sourceMrkdwn(target.citation, linkOf, 300)}`;
}

/** What the documents give no figure for, one line a reason: 没有数字：北京、上海（why）. */
function missingLines(comparison: Comparison): string[] {
  const byWhy = new Map<string, string[]>();
  for (const m of comparison.missing) byWhy.set(m.why, [...(byWhy.get(m.why) ?? []), m.label]);
  return [...byWhy].map(([why, labels]) => clipEscaped(`没有数字：${labels.join('、')}（${why}）`, 1000));
}

interface ComparisonParts {
  reading: KnownBlock[];
  question: ContextBlock;
  tail: KnownBlock[];
  linkOf: LinkOf;
}

/**
 * An answer across documents: its line, then places or years as a table (a line a row with its
 * figure, year and kind, the metric and the source; rows beyond the limits counted), what has no
 * figure and the notes; or for a check the verdict with the target and the result, each quoted
 * and cited.
 */
function renderComparison(answer: Answer, comparison: Comparison, parts: ComparisonParts): SlackMessage {
  const { reading, question, tail, linkOf } = parts;
  const text = clipEscaped(answer.answer || comparison.label, 2900);
  const after: KnownBlock[] = [
    ...missingLines(comparison).map((line) => context(`:grey_question: ${line}`)),
    ...comparison.notes.map((note) => context(`:warning: 注意：${clipEscaped(note, 1000)}`)),
    question,
  ];
  if (comparison.kind === 'check') {
    const verdict = answer.verdict ?? 'unknown';
    const head = [...reading, section(`${VERDICT_ICONS[verdict]} *${CHECK_VERDICT_WORDS[verdict]}*  ${text}`)];
    const sides = comparison.rows.map((row): KnownBlock[] => {
      const source = targetSource(row.target);
      return [
        section(`*${clipEscaped(row.label, 60)}*  *${escapeSlackText(source.figure)}*${source.when ? ` · ${source.when}` : ''} · ${clipEscaped(source.headline, 300)}`),
        section(quoteWithFigureMarked(row.target.citation, row.target.figure)),
        sourceContext(source, linkOf),
      ];
    });
    return { text, blocks: fitGroups(head, [...sides, after], tail, (n) => `另有 ${n} 项未显示`) };
  }
  const head = [...reading, section(`:bar_chart: *${text}*`)];
  const lines = comparison.rows.map((row) => comparisonRowLine(row, linkOf));
  const table = packLines(head, lines, [...after, ...tail], MORE_ROWS_WORDS);
  return { text, blocks: table };
}

/** The reply to the 更多来源 button: the further sources, in the thread of the answer. */
export function renderFurtherSources(answer: Answer, linkOf: LinkOf = NO_LINKS): SlackMessage {
  const further = viewAnswer(answer).further;
  if (further.length === 0) return { text: '没有更多来源了。', blocks: [section('没有更多来源了。')] };
  const head = [context(`更多来源 · 问：${clipEscaped(answer.question, 500)}`)];
  return { text: `更多来源（${further.length}）`, blocks: fitGroups(head, further.map((source) => sourceBlocks(source, linkOf)), [], (n) => `另有 ${n} 条未显示`) };
}

/** Said when a mention or DM holds no question, with a question this library answers when it has one. */
export function renderAskUsage(exampleQuestion?: string): SlackMessage {
  const text = exampleQuestion !== undefined ? `请直接提问，例如：${exampleQuestion}` : '请直接提问，问文件里的某个指标是多少。';
  return { text, blocks: [section(`${text}\n在频道里 @我 提问，我会在该消息的讨论串里回答；也可以私信我。列出指标用 \`/target 关键词\`。`)] };
}

export const APOLOGY_TEXT = '抱歉，处理这个问题时出错了，请稍后再试。';

/** Said when answering failed; the cause goes to the log, not to the user. */
export function renderApology(): SlackMessage {
  return { text: APOLOGY_TEXT, blocks: [section(`:warning: ${APOLOGY_TEXT}`)] };
}

/**
 * `/target` and `/target help`, with examples that list something in this library (see
 * LibraryFacts): a library that offers none gets the usage alone.
 */
export function renderTargetUsage(command: string, examples: readonly string[], exampleQuestion?: string): SlackMessage {
  const text = `用法：${command} 关键词 — 列出文件中与关键词相关的指标`;
  const listed = examples.map((words) => `• \`${escapeSlackText(command)} ${escapeSlackText(words)}\``).join('\n');
  const ask = exampleQuestion !== undefined ? `，例如“${escapeSlackText(exampleQuestion)}”` : '';
  return {
    text,
    blocks: [
      section(`*${command} 关键词* — 列出文件中与关键词（地区、行业、指标、年份）相关的指标。结果只有你能看到，可以一键发到频道。`),
      ...(listed !== '' ? [section(`例如：\n${listed}`)] : []),
      context(`问具体数字：在频道里 @我 提问，或私信我${ask}`),
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
  /** For an empty list: what the library does cover, so the next try can do better. */
  covered?: {
    coverage: Coverage;
    /** The place the words name, with the years its figures are for. */
    place?: { name: string; years: readonly number[] };
    examples: readonly string[];
  };
}

/** The compact list that /target answers with. */
export function renderTargetList(targets: readonly Target[], words: string, options: TargetListOptions = {}): SlackMessage {
  const command = options.command ?? '/target';
  const shownWords = clipEscaped(words, 200);
  if (targets.length === 0) {
    const text = `没有找到与“${shownWords}”相关的指标。`;
    const covered = options.covered;
    if (covered === undefined) return { text, blocks: [section(`${text}换个说法，或去掉一些词再试。`)] };
    const place = covered.place !== undefined ? escapeSlackText(placeYearsWords(covered.place.name, covered.place.years)) : '';
    const examples = covered.examples.map((words) => `\`${escapeSlackText(command)} ${escapeSlackText(words)}\``).join('、');
    return {
      text,
      blocks: [
        section(`${text}${place}换个说法，或去掉一些词再试。`),
        context(escapeSlackText(coverageWords(covered.coverage))),
        ...(examples ? [context(`可以试试：${examples}`)] : []),
      ],
    };
  }
  const text = `与“${shownWords}”相关的指标：共 ${targets.length} 条`;
  const head: KnownBlock[] = [section(`*${text}*`)];
  if (options.sharedBy !== undefined && /^[UW][A-Z0-9]+$/.test(options.sharedBy)) {
    head.push(context(`<@${options.sharedBy}> 用 \`${escapeSlackText(command)} ${shownWords}\` 查到`));
  }
  const tail: KnownBlock[] = [];
  if (options.shareButton && words.length <= BUTTON_VALUE_LIMIT) {
    const csv = JSON.stringify({ t: words } satisfies CsvRequest);
    tail.push({
      type: 'actions',
      elements: [
        { type: 'button', action_id: POST_TARGET_LIST_ACTION, text: { type: 'plain_text', text: '发到频道' }, value: words },
        ...(csv.length <= BUTTON_VALUE_LIMIT ? [csvButton(csv)] : []),
      ],
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

/**
 * How many checked figures one reply shows: a check is up to three blocks (what the message says,
 * the quote, the source) below the summary, with room for the note of what was left out.
 */
export const MAX_CLAIM_CHECKS_SHOWN = Math.floor((SLACK_LIMITS.blocks - 2) / 3);

export interface ClaimChecksOptions {
  /** How many figures the message states, when more than were checked. */
  figuresInMessage?: number;
  linkOf?: LinkOf;
}

/** The reply to the 核对来源 shortcut: each figure of the message against the documents. */
export function renderClaimChecks(checks: readonly ClaimCheck[], options: ClaimChecksOptions = {}): SlackMessage {
  if (checks.length === 0) {
    const text = '这条消息里没有可以核对的数字。';
    return { text, blocks: [section(text)] };
  }
  const linkOf = options.linkOf ?? NO_LINKS;
  const count = (verdict: ClaimCheck['verdict']) => checks.filter((check) => check.verdict === verdict).length;
  const total = options.figuresInMessage ?? checks.length;
  const checked = total > checks.length ? `核对了前 ${checks.length} 处数字（消息里共 ${total} 处）` : `核对了 ${checks.length} 处数字`;
  const summary = `${checked}：${count('agrees')} 处一致，${count('differs')} 处不一致，${count('unknown')} 处文件未提及。`;
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
      sourceContext(source, linkOf),
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
