// Listener middleware, in the style of Bolt's own (middleware/builtin.ts): each filters one thing
// and calls next() for what passes, so a listener reads as the chain of what it answers.
import type { AnyMiddlewareArgs, Logger, Middleware, SlackActionMiddlewareArgs, SlackEventMiddlewareArgs, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import type { DeliveryLog } from '../store/deliveries.ts';
import { mentionsUser } from './escape.ts';

type PostArgs = SlackEventMiddlewareArgs<'app_mention' | 'message'>;

// Message subtypes that still carry a person's question; the rest are edits, joins, bot posts …
const QUESTION_SUBTYPES = new Set([undefined, 'file_share', 'thread_broadcast']);

/** Who this app is, from auth.test: requests for another app or workspace are not ours to answer. */
export interface AppIdentity {
  teamId: string;
  /** Set for a workspace of an Enterprise Grid org; a request from another workspace of the org is ours too. */
  enterpriseId?: string;
  /** Set when auth.test names it; without it only the workspace is compared. */
  appId?: string;
}

/** The posted event, message or mention, as a plain record (Bolt types the two apart). */
function postOf(args: PostArgs): { channel: string; ts: string; subtype?: string; botId?: string } {
  const event = args.event as { channel: string; ts: string; subtype?: string; bot_id?: string };
  return { channel: event.channel, ts: event.ts, ...(event.subtype !== undefined && { subtype: event.subtype }), ...(event.bot_id !== undefined && { botId: event.bot_id }) };
}

/**
 * Passes requests for this app in its workspace (or its Enterprise Grid org) only. Any other is
 * acknowledged, so that Slack does not repeat it, and dropped.
 */
export function onlyThisApp(identity: AppIdentity, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const appId = (args.body as { api_app_id?: unknown }).api_app_id;
    const { teamId, enterpriseId } = args.context;
    const otherApp = identity.appId !== undefined && typeof appId === 'string' && appId !== identity.appId;
    const otherTeam = teamId !== undefined && teamId !== identity.teamId && (identity.enterpriseId === undefined || enterpriseId !== identity.enterpriseId);
    if (otherApp || otherTeam) {
      logger.warn(
        `Refused a request for app ${typeof appId === 'string' ? appId : '?'} in ${teamId ?? '?'}${enterpriseId ? `/${enterpriseId}` : ''}: ` +
          `this is app ${identity.appId ?? '?'} in ${identity.teamId}${identity.enterpriseId ? `/${identity.enterpriseId}` : ''}`,
      );
      const ack = (args as { ack?: () => Promise<void> }).ack;
      if (ack !== undefined) await ack();
      return;
    }
    await args.next();
  };
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
export function oncePerPost(deliveries: DeliveryLog, logger: Logger): Middleware<PostArgs> {
  return async (args) => {
    const { channel, ts } = postOf(args);
    const eventId = (args.body as { event_id?: string }).event_id;
    if (!deliveries.firstSighting(eventId && `event:${eventId}`, `post:${channel}:${ts}`)) {
      logger.info(`Skipped a repeated delivery of message ${channel}/${ts} (event ${eventId ?? 'without id'}, retry ${args.context.retryNum ?? 0})`);
      return;
    }
    await args.next();
  };
}

interface TriggeredBody {
  type?: string;
  trigger_id?: string;
  action_ts?: string;
  actions?: { action_ts?: string }[];
  user?: { id?: string };
  user_id?: string;
}

/**
 * Passes each click, shortcut or command once: Slack gives each a trigger_id (and a click or a
 * shortcut an action_ts), which a replay of the same request repeats. Goes after the
 * acknowledgement, which a repeat gets too.
 */
export function oncePerTrigger(deliveries: DeliveryLog, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const body = args.body as TriggeredBody;
    const user = body.user?.id ?? body.user_id ?? '';
    const actionTs = body.actions?.[0]?.action_ts ?? body.action_ts;
    const keys = [body.trigger_id && `trigger:${body.trigger_id}`, actionTs && `action:${user}:${actionTs}`];
    if (!deliveries.firstSighting(...keys)) {
      logger.info(`Skipped a repeated ${body.type ?? 'request'} (trigger ${body.trigger_id ?? '?'}, action_ts ${actionTs ?? '?'})`);
      return;
    }
    await args.next();
  };
}

/** Passes the first of the requests that `keysOf` names alike; calls onRepeat for the others. */
function oncePer<Args extends AnyMiddlewareArgs>(
  deliveries: DeliveryLog,
  logger: Logger,
  what: string,
  keysOf: (args: Args) => (string | undefined)[],
  onRepeat?: (args: Args) => Promise<void>,
): Middleware<Args> {
  return async (args) => {
    const keys = keysOf(args);
    if (keys.some((key) => key !== undefined && key !== '') && !deliveries.firstSighting(...keys)) {
      logger.info(`Skipped a repeated ${what} (${keys.filter(Boolean).join(', ')})`);
      await onRepeat?.(args);
      return;
    }
    await args.next();
  };
}

/**
 * Passes the first click of a button on one message: two quick clicks are two triggers but one
 * request (the sources are in the thread, the list is in the channel). Goes after the acknowledgement.
 */
export function oncePerClickedMessage(deliveries: DeliveryLog, logger: Logger, what: string): Middleware<SlackActionMiddlewareArgs> {
  return oncePer(deliveries, logger, `${what} click`, ({ body }) => {
    if (body.type !== 'block_actions') return [];
    const channel = body.channel?.id ?? body.container.channel_id;
    const ts = body.container.message_ts ?? body.message?.ts;
    return [typeof channel === 'string' && typeof ts === 'string' ? `${what}:${channel}:${ts}` : undefined];
  });
}

/**
 * Passes one 核对来源 of a message by a person while Slack's retries last: the reply is in its thread
 * already, which the person is told. Goes after the acknowledgement.
 */
export function oncePerCheckedMessage(deliveries: DeliveryLog, logger: Logger, repeatNote: string): Middleware<SlackShortcutMiddlewareArgs> {
  return oncePer<SlackShortcutMiddlewareArgs>(
    deliveries,
    logger,
    '核对来源 of one message',
    ({ shortcut }) => (shortcut.type === 'message_action' ? [`check:${shortcut.channel.id}:${shortcut.message.ts}:${shortcut.user.id}`] : []),
    async (args) => {
      if (args.shortcut.type !== 'message_action') return;
      await args.respond({ response_type: 'ephemeral', text: repeatNote }).catch(() => undefined);
    },
  );
}
