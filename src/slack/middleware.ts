// Listener middleware, in the style of Bolt's own (middleware/builtin.ts): each filters one thing
// and calls next() for what passes, so a listener reads as the chain of what it answers.
import type { Logger, Middleware, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { RecentKeys } from './dedupe.ts';
import { mentionsUser } from './escape.ts';

type PostArgs = SlackEventMiddlewareArgs<'app_mention' | 'message'>;

// Message subtypes that still carry a person's question; the rest are edits, joins, bot posts …
const QUESTION_SUBTYPES = new Set([undefined, 'file_share', 'thread_broadcast']);

/** The posted event, message or mention, as a plain record (Bolt types the two apart). */
function postOf(args: PostArgs): { channel: string; ts: string; subtype?: string; botId?: string } {
  const event = args.event as { channel: string; ts: string; subtype?: string; bot_id?: string };
  return { channel: event.channel, ts: event.ts, ...(event.subtype !== undefined && { subtype: event.subtype }), ...(event.bot_id !== undefined && { botId: event.bot_id }) };
}

/** Passes posts by people only: no bots (ours included), no edits, deletions or joins. */
export function onlyPeoplesPosts(logger: Logger): Middleware<PostArgs> {
  return async (args) => {
    const post = postOf(args);
    if (post.botId !== undefined || !QUESTION_SUBTYPES.has(post.subtype)) {
      logger.debug(`Ignored post ${post.channel}/${post.ts} (${post.subtype ?? `by bot ${post.botId}`})`);
      return;
    }
    await args.next();
  };
}

/**
 * Passes direct messages only. A channel message is left to app_mention when it mentions the bot
 * (Slack sends a mention both ways), and is chatter otherwise.
 */
export function onlyDirectMessages(logger: Logger): Middleware<SlackEventMiddlewareArgs<'message'>> {
  return async ({ message, context, next }) => {
    if (message.channel_type === 'im') {
      await next();
      return;
    }
    const text = 'text' in message ? (message.text ?? '') : '';
    if (context.botUserId !== undefined && mentionsUser(text, context.botUserId)) {
      logger.debug(`Left the message copy of mention ${message.channel}/${message.ts} to app_mention`);
    }
  };
}

/**
 * Passes each post once: a retry has the same event id, the second event for one post (mention
 * and message) the same channel and ts.
 */
export function oncePerPost(recent: RecentKeys, logger: Logger): Middleware<PostArgs> {
  return async (args) => {
    const { channel, ts } = postOf(args);
    const eventId = (args.body as { event_id?: string }).event_id;
    if (!recent.firstSighting(eventId && `event:${eventId}`, `post:${channel}:${ts}`)) {
      logger.info(`Skipped a repeated delivery of message ${channel}/${ts} (event ${eventId ?? 'without id'}, retry ${args.context.retryNum ?? 0})`);
      return;
    }
    await args.next();
  };
}
