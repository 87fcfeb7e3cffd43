// Slack's text formats treat three characters as markup: `<…>` makes mentions, links and
// broadcasts (<!channel>), `&` starts the entities that stand for them. Nothing else needs escaping
// (https://api.slack.com/reference/surfaces/formatting#escaping), and escaping more would show.

/** Makes text from a document or a user safe to put in mrkdwn or plain_text: `&` first, then `<`, `>`. */
export function escapeSlackText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Undoes the escaping Slack applies to incoming message and command text; `&amp;` last so `&amp;lt;` stays `&lt;`. */
export function decodeSlackText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

// User mentions come as <@U123>, <@W123> (Enterprise Grid) or the older <@U123|name>.
const USER_MENTION = /<@[UW][A-Z0-9]+(?:\|[^>]*)?>/g;

/**
 * The question a Slack message asks: mentions removed (they are how the bot is addressed, not
 * part of the question), entities decoded, whitespace collapsed.
 */
export function questionFromSlackText(text: string): string {
  // Mentions go before decoding: a user who typed "&lt;@U1&gt;" literally meant those characters.
  return decodeSlackText(text.replace(USER_MENTION, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when the raw message text mentions the given user (the bot). */
export function mentionsUser(text: string, userId: string): boolean {
  return text.includes(`<@${userId}>`) || text.includes(`<@${userId}|`);
}
