// What the bot does for each kind of request, one handler each, after the middleware in app.ts
// has let it through. Replies are worded by the answer view and laid out by blocks.ts.
import type {
  AllMiddlewareArgs,
  Logger,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackShortcutMiddlewareArgs,
  webApi,
} from '@slack/bolt';
import type { Engine } from '../qa/types.ts';
import {
  renderAnswer,
  renderApology,
  renderAskUsage,
  renderClaimChecks,
  renderFurtherSources,
  renderTargetList,
  renderTargetUsage,
  type SlackMessage,
} from './blocks.ts';
import { decodeSlackText, questionFromSlackText } from './escape.ts';

export interface HandlerDeps {
  engine: Engine;
  logger: Logger;
  /** How long an answer may take before the question is marked 👀 (0 marks every question at once). */
  reactAfterMs: number;
}

/** The slash command the manifest declares. */
export const TARGET_COMMAND = '/target';
const HELP_WORDS = /^(help|帮助|-h|--help|\?|？)$/i;

export function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

export function describeError(error: unknown): string {
  return slackErrorCode(error) ?? (error instanceof Error ? error.message : String(error));
}

/** A message that asks the bot something: a mention in a channel or a direct message. */
interface IncomingPost {
  channel: string;
  ts: string;
  /** Where the reply goes: the thread of a mention; undefined for a DM answered in the DM itself. */
  replyThreadTs: string | undefined;
  text: string;
}

async function answerPost(deps: HandlerDeps, client: webApi.WebClient, post: IncomingPost): Promise<void> {
  const { engine, logger, reactAfterMs } = deps;
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

  const question = questionFromSlackText(post.text);
  if (question === '') {
    await reply(renderAskUsage()).catch((error: unknown) => logger.error(`Posting the usage hint to ${channel} failed:`, error));
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
  try {
    let message: SlackMessage;
    try {
      message = renderAnswer(engine.ask(question));
    } catch (error) {
      logger.error(`Answering ${JSON.stringify(question)} failed:`, error);
      message = renderApology();
    }
    try {
      await reply(message);
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
}

/** A mention in a channel: answered in the mention's thread. */
export function answerMention(deps: HandlerDeps) {
  return async ({ event, client }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> => {
    await answerPost(deps, client, { channel: event.channel, ts: event.ts, replyThreadTs: event.thread_ts ?? event.ts, text: event.text });
  };
}

/** A direct message: answered in the DM, in its thread when it was asked in one. */
export function answerDirectMessage(deps: HandlerDeps) {
  return async ({ message, client }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    if (!('text' in message) || !('user' in message)) return;
    await answerPost(deps, client, {
      channel: message.channel,
      ts: message.ts,
      replyThreadTs: 'thread_ts' in message ? message.thread_ts : undefined,
      text: message.text ?? '',
    });
  };
}

/** The 更多来源 button: the further sources of the answer, in its thread. */
export function showMoreSources({ engine, logger }: HandlerDeps) {
  return async ({ body, action, client, respond }: SlackActionMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    if (body.type !== 'block_actions' || action.type !== 'button') return;
    let message: SlackMessage;
    try {
      const { q } = JSON.parse(action.value ?? '{}') as { q?: unknown };
      if (typeof q !== 'string' || q === '') throw new Error(`button value without a question: ${action.value}`);
      message = renderFurtherSources(engine.ask(q));
    } catch (error) {
      logger.error('Finding further sources failed:', error);
      message = renderApology();
    }
    const channel = body.channel?.id ?? body.container.channel_id;
    const threadTs: unknown = body.message?.thread_ts ?? body.container.thread_ts ?? body.message?.ts ?? body.container.message_ts;
    try {
      if (body.container.is_ephemeral || typeof channel !== 'string' || typeof threadTs !== 'string') {
        // An ephemeral message has no thread to answer in; only its reader sees the sources too.
        await respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks });
      } else {
        await client.chat.postMessage({ channel, thread_ts: threadTs, text: message.text, blocks: message.blocks, unfurl_links: false });
      }
    } catch (error) {
      logger.error('Posting further sources failed:', error);
      await respond({ response_type: 'ephemeral', replace_original: false, ...renderApology() }).catch(() => undefined);
    }
  };
}

/** /target WORDS: the matching targets, for the asker only, with a button to share them. */
export function listTargets({ engine, logger }: HandlerDeps) {
  return async ({ command, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const words = decodeSlackText(command.text ?? '').trim();
    const name = command.command || TARGET_COMMAND;
    let message: SlackMessage;
    if (words === '' || HELP_WORDS.test(words)) {
      message = renderTargetUsage(name);
    } else {
      try {
        message = renderTargetList(engine.targets({ words }), words, { shareButton: true, command: name });
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

/** The 发到频道 button under a /target list: the list, posted to the channel. */
export function shareTargetList({ engine, logger }: HandlerDeps) {
  return async ({ body, action, client, respond }: SlackActionMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    if (body.type !== 'block_actions' || action.type !== 'button') return;
    const words = action.value ?? '';
    const channel = body.channel?.id ?? body.container.channel_id;
    try {
      if (typeof channel !== 'string') throw new Error('block_actions payload without a channel');
      const message = renderTargetList(engine.targets({ words }), words, { sharedBy: body.user.id });
      await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks, unfurl_links: false });
      await respond({ delete_original: true });
    } catch (error) {
      const code = slackErrorCode(error);
      logger.error(`Posting the /target list to ${String(channel)} failed:`, error);
      const text =
        code === 'not_in_channel' || code === 'channel_not_found'
          ? '我还不在这个频道里，发不了。先把我加进频道（/invite @我），再点一次。'
          : renderApology().text;
      await respond({ response_type: 'ephemeral', replace_original: false, text }).catch(() => undefined);
    }
  };
}

/** The 核对来源 message shortcut: each figure of the message against the documents, in its thread. */
export function checkSources({ engine, logger }: HandlerDeps) {
  return async ({ shortcut, client, respond }: SlackShortcutMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    if (shortcut.type !== 'message_action') return;
    let message: SlackMessage;
    try {
      message = renderClaimChecks(engine.checkClaims(questionFromSlackText(shortcut.message.text ?? '')));
    } catch (error) {
      logger.error('Checking the claims of a message failed:', error);
      message = renderApology();
    }
    const threadTs = (shortcut.message.thread_ts as string | undefined) ?? shortcut.message.ts;
    try {
      await client.chat.postMessage({ channel: shortcut.channel.id, thread_ts: threadTs, text: message.text, blocks: message.blocks, unfurl_links: false });
    } catch (error) {
      // Channels the bot is not in (and DMs between people) cannot take its post: tell just the user.
      logger.info(`Could not reply in the thread of ${shortcut.channel.id}/${threadTs} (${describeError(error)}); answering ephemerally`);
      await respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks }).catch((second: unknown) =>
        logger.error('Answering the 核对来源 shortcut failed:', second),
      );
    }
  };
}
