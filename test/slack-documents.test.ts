// Documents sent to the bot in a DM, end to end over HTTP: the fake Web API serves the file's bytes
// (a real report from the library) at its url_private_download to the bot token, the bot saves it
// in the seeds folder's uploads/ folder, the live index takes it in, and the reply says what was
// read from it; the next question is answered from it. And what it does not take, and why.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openLiveEngine, type LiveEngine } from '../src/qa/live.ts';
import { NOT_AN_UPLOADER_TEXT } from '../src/slack/documentReplies.ts';
import { tempIndexDir } from './support/corpus.ts';
import { directMessageEvent, fileShareEvent, postEvent, shownText, startHarness, waitForCall, type Harness } from './support/fakeSlackApp.ts';

const TIBET_DOCX = readFileSync('test/fixtures/library/provinces-2025/2025年西藏政府工作报告.docx');
const HAINAN_TXT = readFileSync('test/fixtures/library/provinces-2025-txt/2025_hainan_government_work_report.txt');
const UPLOADER = 'U0UPLOADER';

let seedsDir: string;
let indexDir: string;
let engine: LiveEngine;
beforeAll(async () => {
  seedsDir = mkdtempSync(join(tmpdir(), 'zhibiao-upload-seeds-'));
  cpSync('seeds', seedsDir, { recursive: true });
  indexDir = tempIndexDir();
  engine = await openLiveEngine({ seedsDir, indexDir });
});
afterAll(async () => {
  await engine?.close();
  for (const dir of [seedsDir, indexDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

const uploads = () => (existsSync(join(seedsDir, 'uploads')) ? readdirSync(join(seedsDir, 'uploads')).sort() : []);

describe('a document sent in a DM', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness(engine, { seedsDir, config: { maxUploadBytes: 200_000 } });
  });
  afterAll(async () => {
    await harness?.stop();
  });

  /** The bot's next post in a DM after `act`. */
  async function nextReply(channel: string, act: () => Promise<unknown>): Promise<string> {
    const repliesTo = () => harness.slack.callsTo('chat.postMessage').filter((call) => call.args.channel === channel);
    const before = repliesTo().length;
    await act();
    const reply = await vi.waitFor(
      () => {
        const replies = repliesTo();
        if (replies.length <= before) throw new Error('no reply yet');
        return replies[before]!;
      },
      { timeout: 30_000, interval: 20 },
    );
    return shownText(reply.args);
  }

  async function send(files: Record<string, unknown>[], user = UPLOADER) {
    const channel = `D${user}`;
    const shown = await nextReply(channel, async () => {
      const { body } = fileShareEvent(files, { user, channel });
      expect((await postEvent(harness, body)).status).toBe(200);
    });
    return { shown };
  }

  it('is downloaded with the bot token, saved in uploads/, and the reply names the title, year and place read from it; then it answers', async () => {
    const file = harness.slack.shareFile({ id: 'F0TIBET', name: 'xizang-report.docx', bytes: TIBET_DOCX, filetype: 'docx', mimetype: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    const { shown } = await send([file]);
    expect(harness.slack.downloads.at(-1)).toEqual({ path: expect.stringContaining('F0TIBET/download/xizang-report.docx'), token: 'xoxb-test' });
    expect(readFileSync(join(seedsDir, 'uploads', 'xizang-report.docx')).equals(TIBET_DOCX)).toBe(true);
    // The title is the report's own (the file was sent under another name), as are its year and place.
    expect(shown).toContain('《2025年西藏政府工作报告》');
    expect(shown).toMatch(/2025年 · 西藏 · \d+ 条指标/);
    const targets = Number(/(\d+) 条指标/.exec(shown)![1]);
    expect(targets).toBe(engine.current.index.targets.filter((t) => t.citation.doc === 'uploads/xizang-report.docx').length);
    expect(targets).toBeGreaterThan(50);
    expect(shown).toContain('uploads/xizang-report.docx');

    const answered = await nextReply(`D${UPLOADER}`, () => postEvent(harness, directMessageEvent('西藏2025年地区生产总值增长目标', { channel: `D${UPLOADER}`, user: UPLOADER }).body));
    expect(answered).toContain('*7%以上*');
    expect(answered).toContain('uploads/xizang-report.docx');
  });

  it('keeps a different file of the same name beside the first, and takes the same file once', async () => {
    const same = harness.slack.shareFile({ id: 'F0TIBET2', name: 'xizang-report.docx', bytes: TIBET_DOCX });
    const { shown } = await send([same]);
    expect(shown).toContain('文件库里已有这份文件《2025年西藏政府工作报告》');
    expect(uploads()).toEqual(['xizang-report.docx']);
    const renamed = harness.slack.shareFile({ id: 'F0HAINAN', name: 'xizang-report.docx', bytes: readFileSync('test/fixtures/library/provinces-2025/2025年海南省政府工作报告.docx') });
    const second = await send([renamed]);
    expect(uploads()).toEqual(['xizang-report (2).docx', 'xizang-report.docx']);
    expect(readFileSync(join(seedsDir, 'uploads', 'xizang-report.docx')).equals(TIBET_DOCX)).toBe(true);
    expect(second.shown).toContain('uploads/xizang-report (2).docx');
    expect(second.shown).toMatch(/2025年 · 海南 · \d+ 条指标/);
  });

  it('never writes outside uploads/, whatever the file is called', async () => {
    const file = harness.slack.shareFile({ id: 'F0DOTS', name: '../../outside.txt', bytes: Buffer.from('北京：2030年建设信息消费体验馆20个。\n', 'utf8') });
    await send([file]);
    expect(existsSync(join(seedsDir, '..', 'outside.txt'))).toBe(false);
    expect(existsSync(join(seedsDir, 'outside.txt'))).toBe(false);
    expect(uploads()).toContain('outside.txt');
  });

  it('says why it does not take a file: its type, its size, a failed download', async () => {
    const before = uploads();
    const picture = harness.slack.shareFile({ id: 'F0PNG', name: 'chart.png', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) });
    expect((await send([picture])).shown).toContain('不是我能读的文件');
    // Text that is a picture inside: refused by its content.
    const disguised = harness.slack.shareFile({ id: 'F0FAKE', name: 'report.pdf', bytes: readFileSync('docs/chart-places.png') });
    expect((await send([disguised])).shown).toMatch(/不是我能读的文件（an image/);

    const big = harness.slack.shareFile({ id: 'F0BIG', name: 'big.txt', bytes: Buffer.alloc(300_000, '十') });
    const downloadsBefore = harness.slack.downloads.length;
    expect((await send([big])).shown).toContain('文件太大（0.3 MB，上限 0.2 MB）');
    expect(harness.slack.downloads).toHaveLength(downloadsBefore);
    // A size the event does not state is held to the limit as the bytes come in.
    expect((await send([{ ...big, size: undefined }])).shown).toContain('文件太大');

    const missing = { ...harness.slack.shareFile({ id: 'F0GONE', name: 'gone.txt', bytes: Buffer.from('x') }), url_private_download: `${new URL(harness.slack.apiUrl).origin}/files-pri/T111-F0NONE/download/gone.txt` };
    expect((await send([missing])).shown).toContain('没能从 Slack 下载这个文件（Slack answered with a sign-in page');
    expect(uploads()).toEqual(before);
  });
});

describe('who may add documents', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness(engine, { seedsDir, config: { uploaders: ['U0KEEPER'] } });
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('refuses someone not named in SLACK_UPLOADERS politely, without downloading the file', async () => {
    const file = harness.slack.shareFile({ id: 'F0NOPE', name: 'hainan.txt', bytes: HAINAN_TXT });
    const { body } = fileShareEvent([file], { user: 'U0STRANGER', channel: 'D0STRANGER' });
    await postEvent(harness, body);
    const reply = await waitForCall(harness.slack, 'chat.postMessage', (call) => call.args.channel === 'D0STRANGER');
    expect(reply.args.text).toBe(NOT_AN_UPLOADER_TEXT);
    expect(harness.slack.downloads).toHaveLength(0);
    expect(uploads()).not.toContain('hainan.txt');
  });
});
