// The App Home tab: what the library holds (each document with its place, year, source link and
// count of figures), how to ask with examples this library answers, and the person's recent
// questions. Pure: facts in, a home view out, within Slack's limits for views.
import type { types } from '@slack/bolt';
import type { IndexSummary } from '../qa/types.ts';
import { yearsWords } from '../qa/wording.ts';
import { clipEscaped, context, linkOrLabel, section } from './blocks.ts';
import { escapeSlackText } from './escape.ts';
import type { LibraryFacts } from './library.ts';

/** A home view holds at most 100 blocks. */
export const HOME_BLOCK_LIMIT = 100;
const RECENT_SHOWN = 5;

export interface HomeFacts {
  library: LibraryFacts;
  summary: IndexSummary;
  /** The person's recent questions, newest first. */
  recent: readonly string[];
  command: string;
}

function header(text: string): types.HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text: text.slice(0, 150) } };
}

const divider: types.DividerBlock = { type: 'divider' };

function documentLine(document: LibraryFacts['coverage']['documents'][number], url: string | null): string {
  const title = clipEscaped(document.title ?? document.file, 300);
  const named = linkOrLabel(url, title);
  const facts = [document.place, document.year !== null ? `${document.year}年` : null, `${document.targets} 条指标`].filter(Boolean).join(' · ');
  return `*${named}*\n${escapeSlackText(facts)}${document.title !== null ? ` · \`${clipEscaped(document.file, 300)}\`` : ''}`;
}

export function renderHome(facts: HomeFacts): types.HomeView {
  const { library, summary, recent, command } = facts;
  const questions = library.exampleQuestions.map((q) => `• ${escapeSlackText(q)}`);
  const lists = library.exampleTargetWords.map((words) => `• \`${escapeSlackText(command)} ${escapeSlackText(words)}\``);
  const blocks: types.KnownBlock[] = [
    header('指标 · 政策文件里的数字'),
    section('我回答政策文件里的指标问题：给出确切的数字和写着它的原文。文件里没有写明的，我会直说，不会编一个数字。'),
    divider,
    header('怎么问'),
    section(
      [
        '• 在频道里 *@我* 提问，我在讨论串里回答；也可以在上方的“消息”标签页私信我。',
        '• 在同一个讨论串或私信里接着问“那北京呢？”“2024年呢？”“比重呢？”，我按上一个问题来理解，并说明是怎么理解的。',
        `• \`${escapeSlackText(command)} 关键词\` 列出与关键词相关的指标（只有你能看到，可以发到频道）。`,
        '• 任何消息的菜单（⋮）→ *核对来源*：逐个核对消息里的数字。',
        '• 回答下面的 👍 / 👎 告诉维护文件库的人答得对不对。',
      ].join('\n'),
    ),
  ];
  if (questions.length + lists.length > 0) blocks.push(section(`例如：\n${[...questions, ...lists].join('\n')}`));
  blocks.push(divider, header('你最近问过'));
  const shownRecent = recent.slice(0, RECENT_SHOWN);
  blocks.push(shownRecent.length > 0 ? section(shownRecent.map((q) => `• ${clipEscaped(q, 300)}`).join('\n')) : context('还没有问过问题。'));

  const { coverage } = library;
  const places = coverage.places.slice(0, 12).map((p) => `${p.place}（${p.targets}）`).join('、');
  const years = yearsWords(coverage.years.map((y) => y.year));
  blocks.push(
    divider,
    header('文件库'),
    context(
      escapeSlackText(
        `${summary.documents} 份文件，${summary.paragraphs} 个段落，${summary.targets} 条指标` +
          (places ? `；地区：${places}${coverage.places.length > 12 ? ` 等 ${coverage.places.length} 个` : ''}` : '') +
          (years ? `；年份：${years}` : ''),
      ),
    ),
  );
  // The documents, as many as the view holds, with room for the note of what was left out.
  const room = HOME_BLOCK_LIMIT - blocks.length - 1;
  const documents = coverage.documents.slice(0, room);
  for (const document of documents) blocks.push(section(documentLine(document, library.linkOf(document.file))));
  if (coverage.documents.length > documents.length) blocks.push(context(`另有 ${coverage.documents.length - documents.length} 份文件未列出。`));
  return { type: 'home', blocks };
}
