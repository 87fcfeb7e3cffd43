// What the bot does for each kind of request, one handler each, after the middleware in app.ts
// has let it through (and, for anything but an event, acknowledged it). Replies are worded by the
// answer view and laid out by blocks.ts, home.ts and feedback.ts.
import type {
  AllMiddlewareArgs,
  BlockAction,
  Logger,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackShortcutMiddlewareArgs,
  SlackViewMiddlewareArgs,
  webApi,
} from '@slack/bolt';
import type { Answer, Target } from '../model.ts';
import { answerCsv, targetsCsv } from '../qa/csv.ts';
import { chartOf } from '../qa/chart.ts';
import { readFollowUp, readingParts } from '../qa/followup.ts';
import type { Engine } from '../qa/types.ts';
import { readingWords } from '../qa/wording.ts';
import type { Store } from '../store/store.ts';
import { findRegionMentions } from '../targets/regions.ts';
import {
  context,
  CsvRequestSchema,
  MAX_CLAIM_CHECKS_SHOWN,
  renderAnswer,
  renderApology,
  renderAskUsage,
  renderClaimChecks,
  renderFurtherSources,
  renderTargetList,
  renderTargetUsage,
  type SlackMessage,
} from './blocks.ts';
import type { ChartDrawer } from './charts.ts';
import { checkMessageClaims, type SliceScheduler } from './claimChecks.ts';
import { describeError, slackErrorCode } from './errors.ts';
import { decodeSlackText, questionFromSlackText } from './escape.ts';
import { renderDocumentOutcomes, renderNoDocumentIntake, renderNotAnUploader } from './documentReplies.ts';
import { addSharedDocuments, mayAddDocuments, SharedFileSchema, type DocumentIntake } from './documents.ts';
import { safeFileName } from './fileNames.ts';
import { postFile, uploadFailureWords } from './files.ts';
import { parseFeedbackTarget, readFeedbackForm, renderFeedbackForm, renderFeedbackThanks } from './feedback.ts';
import { renderHome } from './home.ts';
import type { LibraryFacts } from './library.ts';

export interface HandlerDeps {
  engine: Engine;
  logger: Logger;
  /** How long an answer may take before the question is marked 👀 (0 marks every question at once). */
  reactAfterMs: number;
  store: Store;
  /** What the library holds now: worked out again after each update of a live index. */
  library: () => LibraryFacts;
  /** Where heavy work (checking a message's figures) takes its turns. */
  slices: SliceScheduler;
  /** Draws the charts of answers across documents. */
  charts: ChartDrawer;
  /** Takes documents sent in a DM into the library; null when the index does not follow a seeds folder. */
  documents: DocumentIntake | null;
}

/** The slash command the manifest declares. */
export const TARGET_COMMAND = '/target';
const HELP_WORDS = /^(help|帮助|-h|--help|\?|？)$/i;
// A bare year among /target's words (2019, 2022年) filters by year.
const YEAR_WORD = /^((?:19|20)\d{2})年?$/;


/** A message that asks the bot something: a mention in a channel or a direct message. */
interface IncomingPost {
  channel: string;
  ts: string;
  /** Where the reply goes: the thread of a mention; undefined for a DM answered in the DM itself. */
  replyThreadTs: string | undefined;
  text: string;
  user: string | undefined;
  /** The thread or DM the post belongs to, whose last question a follow-up leans on. */
  conversation: string;
}

/** The question to ask for a post: the post itself, or written out in full when it is a follow-up. */
function questionFor(deps: HandlerDeps, post: IncomingPost, typed: string) {
  const previous = deps.store.conversations.recall(post.conversation);
  const followUp = previous !== null ? readFollowUp(previous, typed) : null;
  if (followUp !== null) deps.logger.debug(`Read ${JSON.stringify(typed)} in ${post.conversation} as ${JSON.stringify(followUp.question)}`);
  return { question: followUp?.question ?? typed, followUp };
}

async function answerPost(deps: HandlerDeps, client: webApi.WebClient, post: IncomingPost): Promise<void> {
  const { engine, logger, reactAfterMs, store } = deps;
  const { channel, ts } = post;
  const reply = (message: SlackMessage) =>
    client.chat.postMessage({
      channel,
      ...(post.replyThreadTs !== undefined && { thread_ts: post.replyThreadTs }),
      text: message.text,
      blocks: message.blocks,
      unfurl_links: false,
      unfurl_media: false,
    });

  const typed = questionFromSlackText(post.text);
  if (typed === '') {
    await reply(renderAskUsage(deps.library().exampleQuestions[0])).catch((error: unknown) => logger.error(`Posting the usage hint to ${channel} failed:`, error));
    return;
  }

  const markWorking = (): Promise<boolean> =>
    client.reactions.add({ channel, timestamp: ts, name: 'eyes' }).then(
      () => true,
      (error: unknown) => {
        logger.warn(`Could not add the 👀 reaction to ${channel}/${ts}: ${describeError(error)}`);
        return false;
      },
    );
  let reaction: Promise<boolean> | null = reactAfterMs <= 0 ? Promise.resolve(await markWorking()) : null;
  const slowAnswer = reaction === null ? setTimeout(() => (reaction = markWorking()), reactAfterMs) : undefined;
  // An answer across documents posted as a table gets its chart after it.
  let charted: Answer | null = null;
  try {
    let message: SlackMessage;
    let answer: Answer | null = null;
    try {
      const { question, followUp } = questionFor(deps, post, typed);
      answer = engine.ask(question);
      const first = answer.status === 'answered' ? answer.targets[0] : undefined;
      const answeredAs = first !== undefined ? { region: first.region, metric: first.metric } : null;
      const library = deps.library();
      message = renderAnswer(answer, {
        reading: followUp !== null ? readingWords(readingParts(followUp, answeredAs)) : null,
        coverage: library.coverage,
        linkOf: library.linkOf,
        feedback: true,
      });
      try {
        store.conversations.remember(post.conversation, { question, metric: answeredAs?.metric ?? followUp?.thing ?? null });
        if (post.user !== undefined) store.recentQuestions.add(post.user, question);
      } catch (error) {
        // Forgetting the question costs a follow-up its context, not the answer.
        logger.warn(`Could not remember the question in ${post.conversation}: ${describeError(error)}`);
      }
    } catch (error) {
      logger.error(`Answering ${JSON.stringify(typed)} failed:`, error);
      message = renderApology();
      answer = null;
    }
    try {
      await reply(message);
      if (answer?.comparison !== undefined) charted = answer;
    } catch (error) {
      logger.error(`Posting the answer to ${channel}/${ts} failed:`, error);
      await reply(renderApology()).catch((second: unknown) => logger.error('Posting the apology failed too:', second));
    }
  } finally {
    clearTimeout(slowAnswer);
    if (reaction !== null && (await reaction)) {
      await client.reactions
        .remove({ channel, timestamp: ts, name: 'eyes' })
        .catch((error: unknown) => logger.debug(`Could not remove the 👀 reaction: ${describeError(error)}`));
    }
  }
  if (charted !== null) await postChart(deps, client, { channel, threadTs: post.replyThreadTs }, charted);
}

/**
 * The chart of an answer across documents, uploaded where the answer was posted. The answer
 * stands without it: a chart that cannot be drawn is logged, one that cannot be posted is logged
 * and said in the thread.
 */
async function postChart(deps: HandlerDeps, client: webApi.WebClient, where: { channel: string; threadTs: string | undefined }, answer: Answer): Promise<void> {
  const { logger } = deps;
  const spec = chartOf(answer);
  if (spec === null) return;
  let png: Buffer;
  try {
    png = await deps.charts.draw(spec);
  } catch (error) {
    logger.error(`Drawing the chart of ${JSON.stringify(answer.question)} failed: ${describeError(error)}`);
    return;
  }
  const threadTs = where.threadTs;
  try {
    await postFile(client, { channel: where.channel, ...(threadTs !== undefined && { threadTs }), bytes: png, filename: 'chart.png', title: spec.title, altText: answer.answer });
  } catch (error) {
    logger.warn(`Could not post the chart to ${where.channel}/${threadTs ?? '-'}: ${describeError(error)}`);
    const text = `图表没能发出：${uploadFailureWords(error)}（表格见上。）`;
    await client.chat
      .postMessage({ channel: where.channel, ...(threadTs !== undefined && { thread_ts: threadTs }), text, blocks: [context(`:warning: ${text}`)], unfurl_links: false })
      .catch((second: unknown) => logger.warn(`Could not say so either: ${describeError(second)}`));
  }
}

/** A mention in a channel: answered in the mention's thread. */
export function answerMention(deps: HandlerDeps) {
  return async ({ event, client }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> => {
    const thread = event.thread_ts ?? event.ts;
    await answerPost(deps, client, { channel: event.channel, ts: event.ts, replyThreadTs: thread, text: event.text, user: event.user, conversation: `${event.channel}:${thread}` });
  };
}

/**
 * Files sent in a DM: taken into the library when the sender may add documents, and the reply
 * says what was read from each (or why not).
 */
async function receiveDocuments(deps: HandlerDeps, client: webApi.WebClient, post: { channel: string; ts: string; threadTs: string | undefined; user: string | undefined }, files: readonly unknown[]): Promise<void> {
  const { logger, documents } = deps;
  const { channel, threadTs, user } = post;
  const reply = (message: SlackMessage) =>
    client.chat
      .postMessage({ channel, ...(threadTs !== undefined && { thread_ts: threadTs }), text: message.text, blocks: message.blocks, unfurl_links: false })
      .catch((error: unknown) => logger.error(`Replying about documents in ${channel} failed:`, error));
  if (documents === null) {
    await reply(renderNoDocumentIntake());
    return;
  }
  if (!mayAddDocuments(documents.uploaders, user)) {
    logger.info(`Did not take ${files.length} file(s) from ${user ?? '?'} in ${channel}: not one of SLACK_UPLOADERS`);
    await reply(renderNotAnUploader());
    return;
  }
  const shared = files.flatMap((file) => {
    const parsed = SharedFileSchema.safeParse(file);
    return parsed.success ? [parsed.data] : [];
  });
  // Reading a document (and the reader's start, the first time) takes seconds: show that it is under way.
  const marked = await client.reactions.add({ channel, timestamp: post.ts, name: 'eyes' }).then(
    () => true,
    () => false,
  );
  try {
    const outcomes = await addSharedDocuments(documents, shared);
    for (const outcome of outcomes) {
      logger.info(
        outcome.kind === 'added'
          ? `Took ${outcome.name} from ${user ?? '?'} as ${outcome.file}${outcome.alreadyThere ? ' (there already)' : ''}: ${outcome.document.targets} targets`
          : `Did not take ${outcome.name} from ${user ?? '?'}: ${outcome.refusal.reason}${'detail' in outcome.refusal && outcome.refusal.detail ? ` (${outcome.refusal.detail})` : ''}`,
      );
    }
    await reply(renderDocumentOutcomes(outcomes));
  } catch (error) {
    logger.error(`Taking documents from ${user ?? '?'} failed:`, error);
    await reply(renderApology());
  } finally {
    if (marked) await client.reactions.remove({ channel, timestamp: post.ts, name: 'eyes' }).catch(() => undefined);
  }
}

/** A direct message: answered in the DM, in its thread when it was asked in one; files sent are documents to add. */
export function answerDirectMessage(deps: HandlerDeps) {
  return async ({ message, client }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    const files: unknown = 'files' in message ? message.files : undefined;
    if (Array.isArray(files) && files.length > 0) {
      const user = 'user' in message && typeof message.user === 'string' ? message.user : undefined;
      const threadTs = 'thread_ts' in message && typeof message.thread_ts === 'string' ? message.thread_ts : undefined;
      await receiveDocuments(deps, client, { channel: message.channel, ts: message.ts, threadTs, user }, files);
      return;
    }
    if (!('text' in message) || !('user' in message)) return;
    const thread = 'thread_ts' in message ? message.thread_ts : undefined;
    await answerPost(deps, client, {
      channel: message.channel,
      ts: message.ts,
      replyThreadTs: thread,
      text: message.text ?? '',
      user: message.user,
      conversation: thread !== undefined ? `${message.channel}:${thread}` : message.channel,
    });
  };
}

/** The 更多来源 button: the further sources of the answer, in its thread. */
export function showMoreSources({ engine, logger, library }: HandlerDeps) {
  return async ({ body, action, client, respond }: SlackActionMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    if (body.type !== 'block_actions' || action.type !== 'button') return;
    let message: SlackMessage;
    try {
      const { q } = JSON.parse(action.value ?? '{}') as { q?: unknown };
      if (typeof q !== 'string' || q === '') throw new Error(`button value without a question: ${action.value}`);
      message = renderFurtherSources(engine.ask(q), library().linkOf);
    } catch (error) {
      logger.error('Finding further sources failed:', error);
      message = renderApology();
    }
    const thread = clickedThread(body);
    try {
      if (thread === null) {
        // An ephemeral message has no thread to answer in; only its reader sees the sources too.
        await respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks });
      } else {
        await client.chat.postMessage({ channel: thread.channel, thread_ts: thread.threadTs, text: message.text, blocks: message.blocks, unfurl_links: false });
      }
    } catch (error) {
      logger.error('Posting further sources failed:', error);
      await respond({ response_type: 'ephemeral', replace_original: false, ...renderApology() }).catch(() => undefined);
    }
  };
}

/** /target's words: a bare year among them filters by year, the rest are matched. */
export function readTargetWords(text: string): { words: string; year: number | null } {
  let year: number | null = null;
  const rest: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const match = YEAR_WORD.exec(word);
    if (match) year = Number(match[1]);
    else rest.push(word);
  }
  return { words: rest.join(' '), year };
}

/** The targets /target lists for its words, read by readTargetWords. */
function matchingTargets(engine: Engine, { words, year }: { words: string; year: number | null }): Target[] {
  return engine.targets({ ...(words !== '' && { words }), ...(year !== null && { year }) });
}

/** The /target list for its words, and for an empty one what the library does cover. */
function targetList(deps: HandlerDeps, text: string, options: { shareButton?: boolean; sharedBy?: string; command: string }): SlackMessage {
  const library = deps.library();
  const read = readTargetWords(text);
  const { words } = read;
  const targets = matchingTargets(deps.engine, read);
  if (targets.length > 0) return renderTargetList(targets, text, options);
  const place = findRegionMentions(words)[0]?.region;
  return renderTargetList(targets, text, {
    ...options,
    covered: {
      coverage: library.coverage,
      ...(place !== undefined && { place: { name: place, years: library.yearsOf(place) } }),
      examples: library.exampleTargetWords,
    },
  });
}

/** /target WORDS: the matching targets, for the asker only, with a button to share them. */
export function listTargets(deps: HandlerDeps) {
  const { logger, library } = deps;
  return async ({ command, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const words = decodeSlackText(command.text ?? '').trim();
    const name = command.command || TARGET_COMMAND;
    let message: SlackMessage;
    if (words === '' || HELP_WORDS.test(words)) {
      const { exampleTargetWords, exampleQuestions } = library();
      message = renderTargetUsage(name, exampleTargetWords, exampleQuestions[0]);
    } else {
      try {
        message = targetList(deps, words, { shareButton: true, command: name });
      } catch (error) {
        logger.error(`Listing targets for ${JSON.stringify(words)} failed:`, error);
        message = renderApology();
      }
    }
    await respond({ response_type: 'ephemeral', text: message.text, blocks: message.blocks }).catch((error: unknown) =>
      logger.error('Answering /target failed:', error),
    );
  };
}

/**
 * The 发到频道 button under a /target list: the list, posted to the channel. With
 * chat:write.public it can post in any public channel; a private one needs the bot in it.
 */
export function shareTargetList(deps: HandlerDeps) {
  const { logger } = deps;
  return async ({ body, action, client, respond }: SlackActionMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    if (body.type !== 'block_actions' || action.type !== 'button') return;
    const words = action.value ?? '';
    const channel = body.channel?.id ?? body.container.channel_id;
    try {
      if (typeof channel !== 'string') throw new Error('block_actions payload without a channel');
      const message = targetList(deps, words, { sharedBy: body.user.id, command: TARGET_COMMAND });
      await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks, unfurl_links: false });
      await respond({ delete_original: true });
    } catch (error) {
      const code = slackErrorCode(error);
      logger.error(`Posting the /target list to ${String(channel)} failed:`, error);
      const text =
        code === 'not_in_channel' || code === 'channel_not_found'
          ? '这是私有频道，我不在里面，发不了。先把我加进频道（/invite @我），再点一次。'
          : renderApology().text;
      await respond({ response_type: 'ephemeral', replace_original: false, text }).catch(() => undefined);
    }
  };
}

// A byte order mark, so that spreadsheet programs (Excel) read the CSV's Chinese as UTF-8.
const UTF8_BOM = '\uFEFF';
const CSV_TITLE_LENGTH = 60;

/** The CSV a button asks for: an answer's table, or a /target list. */
function csvFor(deps: HandlerDeps, value: string | undefined): { csv: string; title: string } {
  const request = CsvRequestSchema.parse(JSON.parse(value ?? 'null'));
  const { linkOf } = deps.library();
  if ('q' in request) {
    const answer = deps.engine.ask(request.q);
    return { csv: answerCsv(answer, linkOf), title: answer.comparison?.label ? `${answer.comparison.label} · ${request.q}` : request.q };
  }
  return { csv: targetsCsv(matchingTargets(deps.engine, readTargetWords(request.t)), linkOf), title: `${TARGET_COMMAND} ${request.t}` };
}

/**
 * The CSV button: the table as a file. Under an answer in a conversation it goes into the
 * answer's thread, for everyone there; under a /target list, which only its asker sees, into the
 * asker's DM with the bot (conversations.open, im:write), so that the list stays theirs.
 */
export function exportCsv(deps: HandlerDeps) {
  const { logger } = deps;
  return async ({ body, action, client, respond }: SlackActionMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    if (body.type !== 'block_actions' || action.type !== 'button') return;
    const thread = clickedThread(body);
    try {
      const { csv, title } = csvFor(deps, action.value);
      const shownTitle = title.slice(0, CSV_TITLE_LENGTH);
      const file = { bytes: Buffer.from(UTF8_BOM + csv, 'utf8'), filename: safeFileName(`${shownTitle}.csv`, 'zhibiao.csv'), title: shownTitle };
      if (thread === null) {
        const opened = await client.conversations.open({ users: body.user.id });
        const dm = opened.channel?.id;
        if (dm === undefined) throw new Error('conversations.open named no channel');
        await postFile(client, { channel: dm, ...file });
        await respond({ response_type: 'ephemeral', replace_original: false, text: `CSV 已私信发给你：${file.filename}` });
      } else {
        await postFile(client, { channel: thread.channel, threadTs: thread.threadTs, ...file });
      }
    } catch (error) {
      logger.warn(`Could not post the CSV for ${action.value ?? '?'} to ${thread?.channel ?? `the DM of ${body.user.id}`}: ${describeError(error)}`);
      await respond({ response_type: 'ephemeral', replace_original: false, text: `CSV 没能发出：${uploadFailureWords(error)}` }).catch(() => undefined);
    }
  };
}

/** The 核对来源 message shortcut: the figures of the message against the documents, in its thread. */
export function checkSources({ engine, logger, library, slices }: HandlerDeps) {
  return async ({ shortcut, client, respond }: SlackShortcutMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    if (shortcut.type !== 'message_action') return;
    let message: SlackMessage;
    try {
      const { checks, figuresInMessage } = await checkMessageClaims(engine, questionFromSlackText(shortcut.message.text ?? ''), MAX_CLAIM_CHECKS_SHOWN, slices);
      message = renderClaimChecks(checks, { figuresInMessage, linkOf: library().linkOf });
    } catch (error) {
      logger.error('Checking the claims of a message failed:', error);
      message = renderApology();
    }
    const threadTs = (shortcut.message.thread_ts as string | undefined) ?? shortcut.message.ts;
    try {
      await client.chat.postMessage({ channel: shortcut.channel.id, thread_ts: threadTs, text: message.text, blocks: message.blocks, unfurl_links: false });
    } catch (error) {
      // Private channels the bot is not in (and DMs between people) cannot take its post: tell just the user.
      logger.info(`Could not reply in the thread of ${shortcut.channel.id}/${threadTs} (${describeError(error)}); answering ephemerally`);
      await respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks }).catch((second: unknown) =>
        logger.error('Answering the 核对来源 shortcut failed:', second),
      );
    }
  };
}

/** Opening the app's Home tab: the library, how to ask, and the person's recent questions. */
export function showHome({ engine, logger, store, library }: HandlerDeps) {
  return async ({ event, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== undefined && event.tab !== 'home') return;
    try {
      const view = renderHome({ library: library(), summary: engine.summary(), recent: store.recentQuestions.list(event.user), command: TARGET_COMMAND });
      await client.views.publish({ user_id: event.user, view });
    } catch (error) {
      logger.error(`Publishing the Home tab of ${event.user} failed:`, error);
    }
  };
}

/**
 * The conversation and thread of the message a button is on (the message's own thread, or the
 * message itself when it starts none); null for an ephemeral message, which has no thread.
 */
function clickedThread(body: BlockAction): { channel: string; threadTs: string } | null {
  const channel = body.channel?.id ?? body.container.channel_id;
  const threadTs: unknown = body.message?.thread_ts ?? body.container.thread_ts ?? body.message?.ts ?? body.container.message_ts;
  if (body.container.is_ephemeral === true || typeof channel !== 'string' || typeof threadTs !== 'string') return null;
  return { channel, threadTs };
}

/** Where a feedback button was clicked: the answer message and who clicked. */
function clickedAnswer(body: SlackActionMiddlewareArgs['body']): { user: string; channel: string; ts: string; answer: string } | null {
  if (body.type !== 'block_actions') return null;
  const channel = body.channel?.id ?? body.container.channel_id;
  const ts = body.message?.ts ?? body.container.message_ts;
  if (typeof channel !== 'string' || typeof ts !== 'string') return null;
  return { user: body.user.id, channel, ts, answer: decodeSlackText(String(body.message?.text ?? '')) };
}

/** 👍 under an answer: kept with the question, the answer and its citation. */
export function recordThumbsUp({ logger, store }: HandlerDeps) {
  return async ({ body, action, respond }: SlackActionMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const target = action.type === 'button' ? parseFeedbackTarget(action.value) : null;
    const clicked = clickedAnswer(body);
    if (target === null || clicked === null) {
      logger.warn(`Ignored a 👍 without its answer (${action.type === 'button' ? action.value : action.type})`);
      return;
    }
    try {
      store.feedback.record({ user: clicked.user, channel: clicked.channel, messageTs: clicked.ts, verdict: 'up', reason: null, note: null, question: target.q, answer: clicked.answer, citation: target.c });
      await respond({ response_type: 'ephemeral', replace_original: false, text: '谢谢反馈！' });
    } catch (error) {
      logger.error('Keeping a 👍 failed:', error);
    }
  };
}

/**
 * 👎 under an answer: kept at once (closing the form keeps it as it is), and the form that asks
 * what was wrong opened.
 */
export function openFeedbackForm({ logger, store }: HandlerDeps) {
  return async ({ body, action, client }: SlackActionMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const target = action.type === 'button' ? parseFeedbackTarget(action.value) : null;
    const clicked = clickedAnswer(body);
    if (target === null || clicked === null || body.type !== 'block_actions') {
      logger.warn(`Ignored a 👎 without its answer (${action.type === 'button' ? action.value : action.type})`);
      return;
    }
    try {
      store.feedback.record({ user: clicked.user, channel: clicked.channel, messageTs: clicked.ts, verdict: 'down', reason: null, note: null, question: target.q, answer: clicked.answer, citation: target.c });
      await client.views.open({ trigger_id: body.trigger_id, view: renderFeedbackForm({ ...target, a: clicked.answer, channel: clicked.channel, ts: clicked.ts }) });
    } catch (error) {
      logger.error('Opening the feedback form failed:', error);
    }
  };
}

/** The feedback form submitted: checked, acknowledged with a thank-you (or its errors), then kept. */
export function saveFeedbackForm({ logger, store }: HandlerDeps) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    if (body.type !== 'view_submission') {
      await ack();
      return;
    }
    const reading = readFeedbackForm(view);
    if (!reading.ok) {
      await ack({ response_action: 'errors', errors: reading.errors });
      return;
    }
    await ack({ response_action: 'update', view: renderFeedbackThanks() });
    const { state, reason, note } = reading;
    try {
      store.feedback.record({ user: body.user.id, channel: state.channel, messageTs: state.ts, verdict: 'down', reason, note, question: state.q, answer: state.a, citation: state.c });
    } catch (error) {
      logger.error('Keeping the feedback form failed:', error);
    }
  };
}
