// Answers across documents in Slack: the table in the thread (a line a row with its figure, year,
// kind and source; the rows beyond Slack's limits counted; a check's verdict with both quotes), and
// the chart uploaded after it as a PNG through files.uploadV2, end to end over HTTP against the
// fake Web API. A failed upload leaves the answer standing and says so.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Answer } from '../src/model.ts';
import { openEngine, type OpenedEngine } from '../src/qa/engine.ts';
import { parse } from 'csv-parse/sync';
import { blockTextLength, EXPORT_CSV_ACTION, MORE_ROWS_WORDS, renderAnswer, SLACK_LIMITS, type SlackMessage } from '../src/slack/blocks.ts';
import type { FakeSlack, FakeUpload } from './support/fakeSlack.ts';
import {
  BOT_USER,
  clickPayload,
  mentionEvent,
  postEvent,
  postForm,
  sendInteraction,
  settle,
  shownText,
  slashCommand,
  startHarness,
  waitForCall,
  waitForLog,
  waitForResponse,
  type Harness,
} from './support/fakeSlackApp.ts';
import { tempIndexDir } from './support/corpus.ts';
import { textsIn } from './support/slackText.ts';

// Two rows on the seed alone: Jiangxi's 1035 workshops built and Anhui's target of 200.
const PLACES_QUESTION = '安徽和江西智能工厂、数字化车间对比';
// One row on the seed: Beijing has the figure, Shanghai has none. Nothing to chart.
const ONE_ROW_QUESTION = '北京和上海信息消费产业规模';
const LIBRARY = 'test/fixtures/library';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function expectWithinLimits(message: SlackMessage): void {
  expect(message.text.length).toBeGreaterThan(0);
  expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
  for (const block of message.blocks) {
    if (block.type === 'section' && block.text) expect(block.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    if (block.type === 'context') for (const element of block.elements) if ('text' in element) expect(element.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
  }
  expect(blockTextLength(message.blocks)).toBeLessThanOrEqual(13_000);
}

/** The pixels of a PNG that are not the background's colour, and how many colours it has. */
function inkOf(bytes: Buffer): { width: number; inked: number; colours: number } {
  const png = PNG.sync.read(bytes);
  const background = png.data.readUInt32BE(0);
  const colours = new Set<number>();
  let inked = 0;
  for (let at = 0; at < png.data.length; at += 4) {
    const pixel = png.data.readUInt32BE(at);
    colours.add(pixel);
    if (pixel !== background) inked += 1;
  }
  return { width: png.width, inked, colours: colours.size };
}

let seedEngine: OpenedEngine;
const folders: string[] = [];
beforeAll(async () => {
  const indexDir = tempIndexDir();
  folders.push(indexDir);
  seedEngine = await openEngine({ seedsDir: 'seeds', indexDir });
});
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe('a question across places in a channel', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness(seedEngine);
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('gets the table in the thread, then the chart as a PNG uploaded into that thread', async () => {
    const { body, ts } = mentionEvent(`<@${BOT_USER}> ${PLACES_QUESTION}`);
    expect((await postEvent(harness, body)).status).toBe(200);
    const post = await waitForCall(harness.slack, 'chat.postMessage', (call) => call.args.thread_ts === ts);
    const shown = shownText(post.args);
    const rows = shown.split('\n').filter((line) => line.startsWith('• '));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^• \*江西\* {2}\*1035个\* · 实际 · 建设数字化车间及智能工厂 — :page_facing_up: 000_b75a479856194727\.txt · .+ · 第\d+段$/);
    expect(rows[1]).toMatch(/^• \*安徽\* {2}\*200个\* · 2020年 · 目标 · 认定智能工厂、数字化车间 — :page_facing_up: 000_b75a479856194727\.txt/);

    const upload = await vi.waitFor(
      () => {
        const done = harness.slack.uploads.find((u) => u.completed?.threadTs === ts);
        if (done === undefined) throw new Error('no chart uploaded yet');
        return done;
      },
      { timeout: 30_000, interval: 50 },
    );
    expect(upload.completed).toMatchObject({ channel: 'C0TEST', threadTs: ts, title: expect.stringContaining('建设数字化车间及智能工厂') });
    expect(upload.filename).toMatch(/\.png$/);
    expect(upload.altText).toContain('江西 1035个');
    const bytes = upload.bytes!;
    expect(bytes.length).toBe(upload.length);
    expect(bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    const ink = inkOf(bytes);
    expect(ink.width).toBe(1600);
    // Two bars, their labels and the title: far from a blank picture.
    expect(ink.inked).toBeGreaterThan(20_000);
    expect(ink.colours).toBeGreaterThan(10);
    // The chart comes after the table, which was posted first.
    const order = harness.slack.calls.map((call) => call.method);
    expect(order.lastIndexOf('chat.postMessage')).toBeLessThan(order.lastIndexOf('files.completeUploadExternal'));
  });

  it('a comparison with one figure gets its table and no chart', async () => {
    const uploadsBefore = harness.slack.callsTo('files.getUploadURLExternal').length;
    const { body, ts } = mentionEvent(`<@${BOT_USER}> ${ONE_ROW_QUESTION}`);
    await postEvent(harness, body);
    const shown = shownText((await waitForCall(harness.slack, 'chat.postMessage', (call) => call.args.thread_ts === ts)).args);
    expect(shown).toMatch(/• \*北京\* {2}\*1\.4万亿元\* · 2022年 · 目标/);
    expect(shown).toContain('没有数字：上海（文件中没有这个地方的这项数字）');
    await settle();
    expect(harness.slack.callsTo('files.getUploadURLExternal')).toHaveLength(uploadsBefore);
  });
});

/** The value of the CSV button among a message's blocks. */
function csvButtonValue(blocks: unknown): string {
  const button = (blocks as { type: string; elements?: { action_id?: string; value?: string }[] }[])
    .flatMap((block) => (block.type === 'actions' ? (block.elements ?? []) : []))
    .find((element) => element.action_id === EXPORT_CSV_ACTION);
  if (button?.value === undefined) throw new Error('no CSV button');
  return button.value;
}

async function completedUpload(slack: FakeSlack, match: (upload: FakeUpload) => boolean): Promise<FakeUpload> {
  return vi.waitFor(
    () => {
      const found = slack.uploads.find((u) => u.completed !== null && match(u));
      if (found === undefined) throw new Error('no such upload yet');
      return found;
    },
    { timeout: 20_000, interval: 20 },
  );
}

/** A CSV file's records, its byte order mark checked and taken off. */
function csvRecords(bytes: Buffer): Record<string, string>[] {
  const text = bytes.toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return parse(text.slice(1), { columns: true }) as Record<string, string>[];
}

describe('the CSV button', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness(seedEngine);
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('under an answer across places uploads its table into the thread, once for a double click', async () => {
    const { body, ts } = mentionEvent(`<@${BOT_USER}> ${PLACES_QUESTION}`);
    await postEvent(harness, body);
    const answer = await waitForCall(harness.slack, 'chat.postMessage', (call) => call.args.thread_ts === ts);
    const value = csvButtonValue(answer.args.blocks);
    const answerTs = `${ts}9`;
    for (const responseId of ['csv-1', 'csv-2']) {
      await sendInteraction(harness, clickPayload(harness, { actionId: EXPORT_CSV_ACTION, value, responseId, channel: 'C0TEST', messageTs: answerTs, threadTs: ts }));
    }
    const upload = await completedUpload(harness.slack, (u) => u.filename.endsWith('.csv') && u.completed?.threadTs === ts);
    expect(upload.completed?.channel).toBe('C0TEST');
    const records = csvRecords(upload.bytes!);
    expect(records.map((r) => [r.row, r.region, r.figure, r.kind, r.doc])).toEqual([
      ['江西', '江西', '1035个', '实际', '000_b75a479856194727.txt'],
      ['安徽', '安徽', '200个', '目标', '000_b75a479856194727.txt'],
    ]);
    expect(records[1]!.quote).toMatch(/智能工厂.*200个/);
    await settle();
    expect(harness.slack.uploads.filter((u) => u.filename.endsWith('.csv') && u.completed?.threadTs === ts)).toHaveLength(1);
  });

  it('under a /target list, which only its asker sees, sends the list to the asker’s DM and says so', async () => {
    await postForm(harness, slashCommand(harness, '安徽', 'target-csv'));
    const list = (await waitForResponse(harness.slack, 'target-csv')).body;
    const value = csvButtonValue(list.blocks);
    await sendInteraction(harness, clickPayload(harness, { actionId: EXPORT_CSV_ACTION, value, responseId: 'target-csv-click', channel: 'C0LIST', ephemeral: true, user: 'U0LISTER' }));
    const said = (await waitForResponse(harness.slack, 'target-csv-click')).body;
    expect(said).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(said.text)).toContain('私信');
    expect(harness.slack.callsTo('conversations.open').at(-1)?.args.users).toBe('U0LISTER');
    const upload = await completedUpload(harness.slack, (u) => u.completed?.channel === 'D0LISTER');
    expect(upload.completed?.threadTs).toBeUndefined();
    const records = csvRecords(upload.bytes!);
    expect(records.length).toBeGreaterThanOrEqual(2);
    expect(records.every((r) => r.region === '安徽')).toBe(true);
    expect(records.map((r) => `${r.metric} ${r.figure}`)).toContain('推广应用机器人 6000台以上');
  });

  it('says why when the file cannot be sent', async () => {
    harness.slack.failNext('conversations.open', 'missing_scope');
    await postForm(harness, slashCommand(harness, '安徽', 'target-csv-fails'));
    const value = csvButtonValue((await waitForResponse(harness.slack, 'target-csv-fails')).body.blocks);
    await sendInteraction(harness, clickPayload(harness, { actionId: EXPORT_CSV_ACTION, value, responseId: 'target-csv-fails-click', channel: 'C0LIST', ephemeral: true }));
    expect(String((await waitForResponse(harness.slack, 'target-csv-fails-click')).body.text)).toMatch(/^CSV 没能发出：/);
    await waitForLog(harness.logs, 'Could not post the CSV');
  });
});

describe('a chart that cannot be posted', () => {
  let harness: Harness;
  beforeAll(async () => {
    // The manifest's scopes as they were before files:write.
    harness = await startHarness(seedEngine, { fake: { scopes: ['app_mentions:read', 'im:history', 'chat:write', 'chat:write.public', 'commands', 'reactions:write'] } });
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('leaves the table standing, logs one line and says in the thread why the chart is missing', async () => {
    const { body, ts } = mentionEvent(`<@${BOT_USER}> ${PLACES_QUESTION}`);
    await postEvent(harness, body);
    const answer = await waitForCall(harness.slack, 'chat.postMessage', (call) => call.args.thread_ts === ts);
    expect(shownText(answer.args)).toContain('*1035个*');
    await waitForLog(harness.logs, 'Could not post the chart to C0TEST/');
    expect(harness.logs.filter((line) => line.includes('Could not post the chart'))).toHaveLength(1);
    expect(harness.logs.find((line) => line.includes('Could not post the chart'))).toContain('missing_scope');
    const note = await waitForCall(harness.slack, 'chat.postMessage', (call) => call.args.thread_ts === ts && String(call.args.text).includes('图表没能发出'));
    expect(String(note.args.text)).toContain('files:write');
    expect(harness.slack.uploads.filter((u: FakeUpload) => u.completed !== null)).toHaveLength(0);
  });
});

describe('comparison answers as Block Kit, from the library', () => {
  let engine: OpenedEngine;
  beforeAll(async () => {
    const seedsDir = mkdtempSync(join(tmpdir(), 'zhibiao-compare-seeds-'));
    folders.push(seedsDir);
    const indexDir = tempIndexDir();
    folders.push(indexDir);
    for (const year of [2018, 2019]) cpSync(join(LIBRARY, 'national', `${year}_national_government_work_report.txt`), join(seedsDir, `${year}.txt`));
    for (const place of ['tibet', 'hainan', 'anhui', 'hunan']) {
      cpSync(join(LIBRARY, 'provinces-2025-txt', `2025_${place}_government_work_report.txt`), join(seedsDir, `${place}.txt`));
    }
    engine = await openEngine({ seedsDir, indexDir });
  });

  it('a check states its verdict with the target and the result, each quoted with its source', () => {
    const answer = engine.ask('2018年全国GDP增长目标完成了吗');
    expect(answer.verdict).toBe('met');
    const message = renderAnswer(answer, { feedback: true });
    expectWithinLimits(message);
    const shown = textsIn(message.blocks).join('\n');
    expect(shown).toMatch(/^:white_check_mark: \*完成了\*/);
    expect(shown).toContain('*目标*  *6.5%左右* · 2018年 · 目标');
    expect(shown).toContain('*结果*  *6.6%* · 2018年 · 实际');
    expect(shown).toContain('>今年发展主要预期目标是：国内生产总值增长\u200B*6.5%左右*\u200B；');
    expect(shown).toContain('>国内生产总值增长\u200B*6.6%*\u200B，总量突破90万亿元。');
    expect(shown).toMatch(/2018\.txt · 二、2018年经济社会发展总体要求和政策取向 · 第\d+段/);
    expect(shown).toMatch(/2019\.txt · 一、2018年工作回顾 · 第\d+段/);
  });

  it('places side by side list every row with its source, and what has no figure', () => {
    const answer = engine.ask('各省2025年GDP增长目标');
    const message = renderAnswer(answer, { feedback: true });
    expectWithinLimits(message);
    const shown = textsIn(message.blocks).join('\n');
    const rows = shown.split('\n').filter((line) => line.startsWith('• '));
    expect(rows.map((row) => /^• \*(.+?)\*/.exec(row)?.[1])).toEqual(answer.comparison!.rows.map((row) => row.label));
    expect(rows.find((row) => row.startsWith('• *西藏*'))).toMatch(/\*7%以上\* · 2025年 · 目标 · 地区生产总值增长 — :page_facing_up: tibet\.txt/);
    expect(shown).toMatch(/没有数字：北京、.+（文件中没有这个地方的这项数字）/);
  });

  it('a table longer than a message holds is cut with the count of the rows left out', () => {
    const answer = engine.ask('各省2025年GDP增长目标');
    const comparison = answer.comparison!;
    // The library's rows many times over, as a library of every county would give.
    const rows = Array.from({ length: 300 }, (_, i) => {
      const row = comparison.rows[i % comparison.rows.length]!;
      return { ...row, label: `${row.label}${i}` };
    });
    const many: Answer = { ...answer, comparison: { ...comparison, rows }, targets: rows.map((row) => row.target) };
    const message = renderAnswer(many, { feedback: true });
    expectWithinLimits(message);
    const shown = textsIn(message.blocks).join('\n');
    const listed = shown.split('\n').filter((line) => line.startsWith('• ')).length;
    expect(listed).toBeGreaterThan(20);
    expect(listed).toBeLessThan(300);
    expect(shown).toContain(MORE_ROWS_WORDS(300 - listed));
    expect(shown).toContain('没有数字：北京');
  });
});
