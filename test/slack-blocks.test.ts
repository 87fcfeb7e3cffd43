// Rendering is pure (records in, Block Kit out), so its rules are checked here on records built by
// hand: wording of figures, what each answer status may show, escaping, and Slack's size limits.
import { describe, expect, it } from 'vitest';
import type { Target } from '../src/model.ts';
import type { ClaimCheck } from '../src/qa/types.ts';
import {
  blockTextLength,
  BUTTON_VALUE_LIMIT,
  CsvRequestSchema,
  EXPORT_CSV_ACTION,
  FEEDBACK_DOWN_ACTION,
  FEEDBACK_UP_ACTION,
  MAX_CLAIM_CHECKS_SHOWN,
  MORE_SOURCES_ACTION,
  quoteWithFigureMarked,
  renderAnswer,
  renderClaimChecks,
  renderFurtherSources,
  renderTargetList,
  renderTargetUsage,
  SLACK_LIMITS,
  type SlackMessage,
} from '../src/slack/blocks.ts';
import { viewAnswer } from '../src/qa/view.ts';
import { CONFLICT_WORDS, NEAREST_WORDS, STATUS_WORDS } from '../src/qa/wording.ts';
import { renderDocumentOutcomes } from '../src/slack/documentReplies.ts';
import type { DocumentOutcome } from '../src/slack/documents.ts';
import { readFeedbackForm, renderFeedbackForm } from '../src/slack/feedback.ts';
import { HOME_BLOCK_LIMIT, renderHome } from '../src/slack/home.ts';
import { openableUrl } from '../src/slack/library.ts';
import { answer, figure, guangzhouCars, target } from './support/fakeEngine.ts';
import { textsIn } from './support/slackText.ts';

/** Every text a message's blocks show, in order. */
function texts(message: SlackMessage): string[] {
  return textsIn(message.blocks);
}

function expectWithinLimits(message: SlackMessage): void {
  expect(message.text.length).toBeGreaterThan(0);
  expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
  for (const block of message.blocks) {
    if (block.type === 'section' && block.text) expect(block.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
  }
  expect(blockTextLength(message.blocks)).toBeLessThanOrEqual(13_000);
}

describe('renderAnswer', () => {
  it('shows the figure in bold with year and kind, the quote with the figure marked, and the source line', () => {
    const message = renderAnswer(answer({ question: '广州汽车集群规模目标?' }));
    const shown = texts(message);
    expect(shown[0]).toBe('广州 · 汽车产业集群规模\n*6000亿元* · 2021年 · 目标');
    expect(shown[1]).toBe('>打造汽车、超高清视频及新型显示两大世界级先进制造业集群，规模分别达到\u200B*6000亿元*\u200B、2300亿元；');
    expect(shown[2]).toBe(':page_facing_up: 000_b75a479856194727.txt · 广州：力争2021年先进制造业增加值超3000亿元 · 第2段');
    expect(message.text).toBe('广州：汽车产业集群规模 6000亿元（到2021年，目标）');
    expectWithinLimits(message);
  });

  it('says the documents do not state it for not_found, with no figure and no passage', () => {
    const message = renderAnswer(answer({ question: '火星人口目标?', status: 'not_found', answer: '', targets: [guangzhouCars], citations: [] }));
    expect(message.text).toBe(STATUS_WORDS.not_found);
    expect(JSON.stringify(message.blocks)).not.toContain('6000');
    expect(JSON.stringify(message.blocks)).not.toContain(MORE_SOURCES_ACTION);
  });

  it('says no figure is stated for no_figure and shows the passages, never a figure in bold', () => {
    const citations = [1, 2].map((n) => ({ ...guangzhouCars.citation, quote: `第${n}段讲到推进汽车产业发展，没有数字。`, paragraph: n, paragraphId: `doc#1.${n}` }));
    const message = renderAnswer(answer({ question: '广州汽车产业怎么发展?', status: 'no_figure', answer: '', targets: [guangzhouCars], citations }));
    expect(message.text).toBe(STATUS_WORDS.no_figure);
    const shown = texts(message).join('\n');
    expect(shown).toContain('第1段讲到推进汽车产业发展');
    expect(shown).toContain('第2段讲到推进汽车产业发展');
    expect(shown).not.toMatch(/\*[^*]*\d[^*]*\*/);
    expect(shown).not.toContain('6000亿元');
  });

  it('says the documents differ when they conflict and shows both figures', () => {
    const other = target({ quote: '到2021年汽车产业集群规模达到5000亿元。', figureText: '5000亿元', figure: figure('5000亿元', 5000, '亿元', 'eq', '元', 14) });
    const message = renderAnswer(answer({ question: '广州汽车集群规模目标?', targets: [guangzhouCars, other], citations: [guangzhouCars.citation, other.citation], conflict: true }));
    const shown = texts(message).join('\n');
    expect(shown).toContain(CONFLICT_WORDS);
    expect(shown).toContain('*6000亿元*');
    expect(shown).toContain('*5000亿元*');
    expect(message.text).toContain('不一致');
  });

  it('keeps up to three further targets behind a 更多来源 button that carries the question', () => {
    const more = [1, 2, 3, 4].map((n) =>
      target({ quote: `第${n}个集群规模达到${n}000亿元。`, figureText: `${n}000亿元`, figure: figure(`${n}000亿元`, n * 1000, '亿元', 'eq', '元', 8), metric: `集群${n}` }),
    );
    const full = answer({ question: '广州集群规模?', targets: [guangzhouCars, ...more], citations: [guangzhouCars.citation, ...more.map((t) => t.citation)] });
    const message = renderAnswer(full);
    const actions = message.blocks.find((block) => block.type === 'actions');
    expect(actions).toMatchObject({ elements: [{ action_id: MORE_SOURCES_ACTION, value: JSON.stringify({ q: '广州集群规模?' }), text: { text: '更多来源（3）' } }] });
    expect(viewAnswer(full).further).toHaveLength(3);

    const further = renderFurtherSources(full);
    const shown = texts(further).join('\n');
    expect(shown).toContain('*1000亿元*');
    expect(shown).toContain('*3000亿元*');
    expect(shown).not.toContain('*4000亿元*');
    expect(shown).not.toContain('*6000亿元*');
  });

  it('has no button when there is nothing further', () => {
    expect(JSON.stringify(renderAnswer(answer({ question: 'q' })).blocks)).not.toContain(MORE_SOURCES_ACTION);
    expect(renderFurtherSources(answer({ question: 'q' })).text).toBe('没有更多来源了。');
  });

  it('escapes what comes from documents and users: & first, then < and >, nothing else', () => {
    const hostile = target({
      quote: '<!channel> R&D投入 <@U123> 达到6000亿元 *加粗* _斜体_',
      figureText: '6000亿元',
      region: '<!here>',
      metric: 'A&B<规模>',
      citation: { ...guangzhouCars.citation, doc: '<http://evil|doc>.txt', article: '&lt;标题&gt;', quote: '<!channel> R&D投入 <@U123> 达到6000亿元 *加粗* _斜体_', start: 0, end: 40 },
    });
    const message = renderAnswer(answer({ question: '<!channel> 问', answer: '<!everyone> & 6000亿元', targets: [hostile], citations: [hostile.citation] }));
    const all = [message.text, ...texts(message)].join('\n');
    expect(all).not.toMatch(/<[!@#]/);
    expect(all).toContain('&lt;!channel&gt; R&amp;D投入 &lt;@U123&gt; 达到\u200B*6000亿元*\u200B *加粗* _斜体_');
    expect(all).toContain('&lt;!here&gt; · A&amp;B&lt;规模&gt;');
    expect(all).toContain('&lt;http://evil|doc&gt;.txt · &amp;lt;标题&amp;gt; · 第2段');
    expect(message.text).toBe('&lt;!everyone&gt; &amp; 6000亿元');
  });

  it('cuts a very long quote to the section limit and keeps the figure in view', () => {
    const long = `${'前文很长。'.repeat(800)}规模达到6000亿元。${'后文也很长。'.repeat(800)}`;
    const quoted = quoteWithFigureMarked({ ...guangzhouCars.citation, quote: long, start: 0, end: long.length }, figure('6000亿元', 6000, '亿元', 'eq', '元', long.indexOf('6000亿元')));
    expect(quoted.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(quoted).toContain('*6000亿元*');
    expect(quoted.startsWith('>…')).toBe(true);
    expect(quoted.endsWith('…')).toBe(true);
  });
});

describe('renderTargetList', () => {
  it('lists the targets compactly with a button to post them to the channel', () => {
    const message = renderTargetList([guangzhouCars], '广州 汽车', { shareButton: true });
    expect(message.text).toBe('与“广州 汽车”相关的指标：共 1 条');
    const shown = texts(message).join('\n');
    expect(shown).toContain('• 广州 · 汽车产业集群规模 *6000亿元* · 2021年 · 目标 — 广州：力争2021年先进制造业增加值超3000亿元 第2段');
    expect(message.blocks.at(-1)).toMatchObject({
      type: 'actions',
      elements: [
        { action_id: 'post_target_list', value: '广州 汽车' },
        { action_id: EXPORT_CSV_ACTION, text: { text: 'CSV' }, value: JSON.stringify({ t: '广州 汽车' }) },
      ],
    });
    expect(CsvRequestSchema.parse(JSON.parse((message.blocks.at(-1) as { elements: { value: string }[] }).elements[1]!.value))).toEqual({ t: '广州 汽车' });
  });

  it('puts a CSV button only under an answer across documents', () => {
    expect(JSON.stringify(renderAnswer(answer({ question: '广州汽车集群规模目标?' })).blocks)).not.toContain(EXPORT_CSV_ACTION);
  });

  it('names who shared it and has no button once in the channel', () => {
    const message = renderTargetList([guangzhouCars], '广州', { sharedBy: 'W111' });
    expect(texts(message).join('\n')).toContain('<@W111> 用 `/target 广州` 查到');
    expect(message.blocks.some((block) => block.type === 'actions')).toBe(false);
  });

  it('says when nothing matches, escaping the words', () => {
    const message = renderTargetList([], '<!channel>');
    expect(message.text).toBe('没有找到与“&lt;!channel&gt;”相关的指标。');
  });

  it('cuts a big list to Slack’s limits and counts what was left out', () => {
    const many: Target[] = Array.from({ length: 1000 }, (_, n) =>
      target({
        quote: `第${n}项指标规模达到${n}亿元。`,
        figureText: `${n}亿元`,
        figure: figure(`${n}亿元`, n, '亿元', 'eq', '元', 0),
        metric: `很长很长的指标名称${'字'.repeat(60)}${n}`,
        citation: { ...guangzhouCars.citation, article: `很长的标题${'题'.repeat(40)}`, quote: `第${n}项指标规模达到${n}亿元。`, start: 0, end: 10 },
      }),
    );
    const message = renderTargetList(many, '指标', { shareButton: true });
    expectWithinLimits(message);
    const lines = texts(message).join('\n').split('\n').filter((line) => line.startsWith('• '));
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.length).toBeLessThan(1000);
    expect(texts(message).join('\n')).toContain(`另有 ${1000 - lines.length} 条未列出`);
    expect(message.blocks.at(-1)).toMatchObject({ type: 'actions' });
  });
});

describe('renderClaimChecks', () => {
  const beijing = target({
    region: '北京',
    metric: '信息消费相关产业规模',
    subject: '信息消费',
    year: 2022,
    quote: '信息消费相关产业规模达到1.4万亿元，年均增长达18%以上。',
    figureText: '1.4万亿元',
    figure: figure('1.4万亿元', 1.4, '万亿元', 'eq', '元', 10),
  });
  const check = (verdict: ClaimCheck['verdict'], claimText: string): ClaimCheck => ({
    claim: figure(claimText, 2, '万亿', 'eq', ''),
    sentence: `北京2022年信息消费规模要到${claimText}`,
    verdict,
    target: verdict === 'unknown' ? null : beijing,
  });

  it('says whether the documents agree and quotes them', () => {
    const message = renderClaimChecks([check('differs', '2万亿')]);
    const shown = texts(message).join('\n');
    expect(message.text).toBe('核对了 1 处数字：0 处一致，1 处不一致，0 处文件未提及。');
    expect(shown).toContain('*与文件不一致*');
    expect(shown).toContain('消息说 *2万亿*，文件所载为 *1.4万亿元* · 2022年 · 目标');
    expect(shown).toContain('>信息消费相关产业规模达到\u200B*1.4万亿元*\u200B，年均增长达18%以上。');
    expect(shown).toContain('第2段');
    expect(texts(renderClaimChecks([check('agrees', '1.4万亿元')])).join('\n')).toContain('*与文件一致*');
    expect(texts(renderClaimChecks([check('unknown', '3万亿')])).join('\n')).toContain('文件中没有找到出处');
  });

  it('says when a message has no figure to check', () => {
    expect(renderClaimChecks([]).text).toBe('这条消息里没有可以核对的数字。');
  });

  it('stays within the limits for a message with very many figures', () => {
    const message = renderClaimChecks(Array.from({ length: 300 }, () => check('differs', '2万亿')));
    expectWithinLimits(message);
    expect(texts(message).join('\n')).toMatch(/另有 \d+ 处未显示/);
  });
});

describe('renderTargetUsage', () => {
  it('explains /target with examples', () => {
    const shown = texts(renderTargetUsage('/target', ['广州 汽车', '北京 2022'], '广州汽车集群规模目标？')).join('\n');
    expect(shown).toContain('`/target 广州 汽车`');
    expect(shown).toContain('`/target 北京 2022`');
  });
});

describe('refusals that help on', () => {
  const coverage = { places: [{ place: '北京', targets: 12 }, { place: '广州', targets: 10 }], years: [{ year: 2022, targets: 6 }, { year: 2021, targets: 8 }, { year: 2020, targets: 4 }], documents: [] };

  it('not_found offers the closest figure, marked as such and nothing in bold, and says what the library covers', () => {
    const message = renderAnswer(answer({ question: '广州信息消费规模?', status: 'not_found', answer: '', targets: [], citations: [], nearest: guangzhouCars }), { coverage });
    const shown = texts(message).join('\n');
    expect(message.text).toBe(STATUS_WORDS.not_found);
    expect(shown).toContain(`:bulb: ${NEAREST_WORDS}广州 · 汽车产业集群规模 · 6000亿元 · 2021年 · 目标`);
    expect(shown).toContain('>打造汽车、超高清视频及新型显示两大世界级先进制造业集群，规模分别达到6000亿元、2300亿元；');
    expect(shown).not.toMatch(/\*[^*\n]*\d[^*\n]*\*/);
    expect(shown).toContain('文件库涵盖的地区：北京、广州；年份：2020—2022年。');
    expectWithinLimits(message);
  });

  it('no_figure shows its passages, then the closest figure and the coverage', () => {
    const citations = [{ ...guangzhouCars.citation, quote: '推进汽车产业发展，没有数字。', paragraphId: 'doc#1.9' }];
    const message = renderAnswer(answer({ question: '广州汽车产业怎么发展?', status: 'no_figure', answer: '', targets: [], citations, nearest: guangzhouCars }), { coverage });
    const shown = texts(message).join('\n');
    expect(shown.indexOf('推进汽车产业发展')).toBeLessThan(shown.indexOf(NEAREST_WORDS));
    expect(shown).not.toMatch(/\*[^*\n]*\d[^*\n]*\*/);
    expect(shown).toContain('文件库涵盖的地区');
  });

  it('says how a follow-up was read before the answer', () => {
    const message = renderAnswer(answer({ question: '北京汽车集群规模目标?' }), { reading: '按“北京 · 汽车产业集群规模”理解' });
    expect(texts(message)[0]).toBe(':leftwards_arrow_with_hook: 按“北京 · 汽车产业集群规模”理解');
  });
});

describe('feedback buttons and the feedback form', () => {
  it('puts 👍 and 👎 after 更多来源, each carrying the question and the citation within the value limit', () => {
    const long = answer({ question: '问'.repeat(5000), citations: [{ ...guangzhouCars.citation, doc: `${'很长的路径/'.repeat(300)}a.txt` }] });
    for (const message of [renderAnswer(answer({ question: '广州汽车集群规模目标?' }), { feedback: true }), renderAnswer(long, { feedback: true })]) {
      const actions = message.blocks.filter((block) => block.type === 'actions');
      expect(actions).toHaveLength(1);
      const elements = (actions[0] as { elements: Array<{ action_id: string; value: string }> }).elements;
      expect(elements.map((e) => e.action_id).slice(-2)).toEqual([FEEDBACK_UP_ACTION, FEEDBACK_DOWN_ACTION]);
      for (const element of elements) expect(element.value.length).toBeLessThanOrEqual(BUTTON_VALUE_LIMIT);
      expectWithinLimits(message);
    }
  });

  it('keeps the form’s state within Slack’s 3000 characters of private_metadata and reads it back', () => {
    const form = renderFeedbackForm({ q: '问'.repeat(500), c: { doc: 'a.txt', article: '标题', paragraph: 2 }, a: '"答"'.repeat(3000), channel: 'C1', ts: '1.2' });
    expect(form.private_metadata!.length).toBeLessThanOrEqual(3000);
    const values = { reason: { reason: { selected_option: { value: 'should_be_found' } } }, note: { note: { value: '  在第3段  ' } } };
    expect(readFeedbackForm({ private_metadata: form.private_metadata!, state: { values } })).toMatchObject({ ok: true, reason: 'should_be_found', note: '在第3段', state: { channel: 'C1', ts: '1.2' } });
    expect(readFeedbackForm({ private_metadata: 'not json', state: { values } })).toMatchObject({ ok: false });
  });
});

describe('source links', () => {
  it('links a source to its document’s URL, escaped, with a | in it percent-encoded', () => {
    const linkOf = (doc: string) => (doc === guangzhouCars.citation.doc ? 'https://example.gov.cn/a?x=1&y=<2>|3' : null);
    const message = renderAnswer(answer({ question: 'q' }), { linkOf });
    expect(texts(message)).toContain(':page_facing_up: <https://example.gov.cn/a?x=1&amp;y=&lt;2&gt;%7C3|000_b75a479856194727.txt · 广州：力争2021年先进制造业增加值超3000亿元 · 第2段>');
  });

  it('links only http and https URLs', () => {
    expect(openableUrl('javascript:alert(1)')).toBeNull();
    expect(openableUrl('file:///etc/passwd')).toBeNull();
    expect(openableUrl('not a url')).toBeNull();
    expect(openableUrl(' https://example.org/a b ')).toBe('https://example.org/a%20b');
  });
});

describe('核对来源 replies', () => {
  it('say how many figures were checked of how many the message states, within the limits', () => {
    const many = Array.from({ length: MAX_CLAIM_CHECKS_SHOWN }, (): ClaimCheck => ({
      claim: figure('2万亿', 2, '万亿', 'eq', ''),
      sentence: `北京2022年信息消费规模要到2万亿${'，'.repeat(10)}`,
      verdict: 'differs',
      target: guangzhouCars,
    }));
    const message = renderClaimChecks(many, { figuresInMessage: 300 });
    expect(message.text).toBe(`核对了前 ${MAX_CLAIM_CHECKS_SHOWN} 处数字（消息里共 300 处）：0 处一致，${MAX_CLAIM_CHECKS_SHOWN} 处不一致，0 处文件未提及。`);
    expect(texts(message).join('\n')).not.toMatch(/另有 \d+ 处未显示/);
    expectWithinLimits(message);
  });
});

describe('an empty /target list', () => {
  it('says what the library covers, the years of the place asked about, and examples', () => {
    const coverage = { places: [{ place: '北京', targets: 12 }], years: [{ year: 2022, targets: 6 }], documents: [] };
    const message = renderTargetList([], '北京 2019', { covered: { coverage, place: { name: '北京', years: [2022] }, examples: ['北京 2022', '广州 <汽车>'] } });
    expect(message.text).toBe('没有找到与“北京 2019”相关的指标。');
    const shown = texts(message).join('\n');
    expect(shown).toContain('北京的指标在这些年份：2022年。');
    expect(shown).toContain('文件库涵盖的地区：北京；年份：2022年。');
    expect(shown).toContain('可以试试：`/target 北京 2022`、`/target 广州 &lt;汽车&gt;`');
  });
});

describe('the App Home view', () => {
  it('stays within a view’s 100 blocks and Slack’s section limit with a very large library', () => {
    const documents = Array.from({ length: 500 }, (_, n) => ({
      file: `provinces/${'长'.repeat(200)}${n}.docx`,
      title: n % 2 === 0 ? `${'标题'.repeat(400)}${n}` : null,
      year: 2025,
      place: '广东',
      url: n % 3 === 0 ? `https://example.org/${'p'.repeat(n)}?a=1&b=2` : null,
      targets: n,
    }));
    const coverage = { places: Array.from({ length: 40 }, (_, n) => ({ place: `地${n}`, targets: 40 - n })), years: [{ year: 2025, targets: 10 }], documents };
    const library = { coverage, linkOf: (doc: string) => documents.find((d) => d.file === doc)?.url ?? null, exampleQuestions: ['广州汽车集群规模目标？'], exampleTargetWords: ['广州 汽车'], yearsOf: () => [] };
    const view = renderHome({ library, summary: { documents: 500, paragraphs: 9000, targets: 12000 }, recent: Array.from({ length: 20 }, (_, n) => `问题${n}${'<!channel>'.repeat(50)}`), command: '/target' });
    expect(view.blocks.length).toBeLessThanOrEqual(HOME_BLOCK_LIMIT);
    for (const block of view.blocks as Array<{ type: string; text?: { text: string } }>) {
      if (block.type === 'section') expect(block.text!.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      if (block.type === 'header') expect(block.text!.text.length).toBeLessThanOrEqual(150);
    }
    const shown = textsIn(view.blocks).join('\n');
    expect(shown).toMatch(/另有 \d+ 份文件未列出。/);
    expect(shown).not.toContain('<!channel>');
  });
});

describe('the reply to documents sent in a DM', () => {
  it('says what was read from each file or why not, within the limits, counting what it leaves out', () => {
    const document = { file: 'uploads/report.docx', title: '2025年西藏政府工作报告'.repeat(40), year: 2025, place: '西藏', url: null, targets: 109 };
    const outcomes: DocumentOutcome[] = Array.from({ length: 30 }, (_, i) =>
      i % 2 === 0
        ? { kind: 'added', name: `<${'报告'.repeat(200)}${i}>.docx`, file: `uploads/${'报告'.repeat(200)}${i}.docx`, document, alreadyThere: false }
        : { kind: 'refused', name: `${i}.png`, refusal: { reason: 'too_big', bytes: 30 * 1024 * 1024, limit: 20 * 1024 * 1024 } },
    );
    const message = renderDocumentOutcomes(outcomes);
    expectWithinLimits(message);
    const shown = texts(message).join('\n');
    expect(message.text).toBe('已读入 15 份文件，15 份没有读入。');
    expect(shown).toContain('文件太大（30 MB，上限 20 MB）');
    expect(shown).toContain('2025年 · 西藏 · 109 条指标');
    expect(shown).toContain('&lt;报告');
    expect(shown).toContain('另有 10 份未列出。');
  });
});
