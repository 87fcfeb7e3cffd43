// Incoming Slack text to a question, and outgoing text made inert.
import { describe, expect, it } from 'vitest';
import { decodeSlackText, escapeSlackText, mentionsUser, questionFromSlackText } from '../src/slack/escape.ts';

describe('escaping', () => {
  it('escapes & first, then < and >, and nothing else', () => {
    expect(escapeSlackText('<!channel> & <@U1> *b* _i_ ~s~ `c`')).toBe('&lt;!channel&gt; &amp; &lt;@U1&gt; *b* _i_ ~s~ `c`');
    expect(escapeSlackText('&lt;')).toBe('&amp;lt;');
  });

  it('decodes what Slack escaped, &amp; last', () => {
    expect(decodeSlackText('&lt;b&gt; &amp; &amp;lt;')).toBe('<b> & &lt;');
    expect(decodeSlackText(escapeSlackText('a<b>&c&amp;'))).toBe('a<b>&c&amp;');
  });
});

describe('questionFromSlackText', () => {
  it('strips mentions, decodes entities and tidies spaces', () => {
    expect(questionFromSlackText('<@U0LAN0Z89> 广州汽车集群规模目标?')).toBe('广州汽车集群规模目标?');
    expect(questionFromSlackText('<@W0ENT|zhibiao>   R&amp;D 投入 &lt;5%?')).toBe('R&D 投入 <5%?');
    expect(questionFromSlackText('问 <@U1> 和 <@U2>')).toBe('问 和');
    expect(questionFromSlackText('<@U0BOT>')).toBe('');
  });

  it('keeps a mention the user typed out literally', () => {
    expect(questionFromSlackText('&lt;@U1&gt; 是什么')).toBe('<@U1> 是什么');
  });

  it('recognises a mention of a given user', () => {
    expect(mentionsUser('<@U111> Hi here!', 'U111')).toBe(true);
    expect(mentionsUser('<@U111|bot> Hi', 'U111')).toBe(true);
    expect(mentionsUser('<@U1111> Hi', 'U111')).toBe(false);
  });
});
