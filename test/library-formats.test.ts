// Every format of the real library (test/fixtures/library, a copy of ../shared/library) against the
// plain-text version of the same report: the same paragraphs and the same targets. Each file is
// read once, in beforeAll.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentFromText, readSeedText } from '../src/corpus/load.ts';
import { estimatedJaccard, fingerprint, jaccard, SAME_DOCUMENT } from '../src/corpus/duplicates.ts';
import type { DocumentFormat } from '../src/corpus/reader.ts';
import { DocumentSchema, type Document } from '../src/model.ts';
import { extractTargets } from '../src/targets/extract.ts';

const LIBRARY = new URL('./fixtures/library/', import.meta.url);
const FORMATS = new URL('./fixtures/formats/', import.meta.url);

// The library's file names: the .txt versions are named in pinyin, the others in Chinese.
const REPORTS: Readonly<Record<string, string>> = {
  anhui: '2025年安徽省政府工作报告',
  chongqing: '2025年重庆市政府工作报告',
  gansu: '2025年甘肃省政府工作报告',
  guangxi: '2025年广西政府工作报告',
  guizhou: '2025年贵州省政府工作报告',
  hainan: '2025年海南省政府工作报告',
  hebei: '2025年河北省政府工作报告',
  heilongjiang: '2025年黑龙江省政府工作报告',
  hunan: '2025年湖南省政府工作报告',
  inner_mongolia: '2025年内蒙古自治区政府工作报告',
  jiangxi: '2025年江西省政府工作报告',
  jilin: '2025年吉林省政府工作报告',
  liaoning: '2025年辽宁省政府工作报告',
  ningxia: '2025年宁夏政府工作报告',
  qinghai: '2025年青海省政府工作报告',
  shaanxi: '2025年陕西省政府工作报告',
  shanxi: '2025年山西省政府工作报告',
  tianjin: '2025年天津市政府工作报告',
  tibet: '2025年西藏政府工作报告',
  xinjiang: '2025年新疆政府工作报告',
  yunnan: '2025年云南省政府工作报告',
};

interface Read {
  file: string;
  document: Document;
  format: DocumentFormat;
  text: string;
  ms: number;
}

const reads = new Map<string, Read>();

async function readInto(base: URL, file: string): Promise<void> {
  const bytes = readFileSync(new URL(file, base));
  const started = performance.now();
  const read = await readSeedText(file, bytes);
  if ('skipped' in read) throw new Error(`${file} was not read: ${read.skipped}`);
  const document = documentFromText(file, createHash('sha256').update(bytes).digest('hex'), read.text, read.properties);
  reads.set(file, { file, document, format: read.format, text: read.text, ms: performance.now() - started });
}

const read = (file: string): Read => {
  const r = reads.get(file);
  if (r === undefined) throw new Error(`${file} not read`);
  return r;
};
const txtOf = (key: string): Read => read(`provinces-2025-txt/2025_${key}_government_work_report.txt`);

beforeAll(async () => {
  for (const folder of ['provinces-2025-txt', 'provinces-2025', 'pdf', 'html', 'national']) {
    for (const name of readdirSync(new URL(`${folder}/`, LIBRARY))) await readInto(LIBRARY, `${folder}/${name}`);
  }
  await readInto(FORMATS, '2025年海南省政府工作报告-页眉页码.pdf');
}, 120_000);

/** Paragraphs as the index sees them: headline, section and text. */
const paragraphsOf = (d: Document): string[] =>
  d.articles.flatMap((a) => [`# ${a.headline}`, ...a.paragraphs.map((p) => `${p.section} | ${p.text}`)]);
/** Targets compared by what they say: figure text, region, year, metric. */
const targetsOf = (d: Document): string[] =>
  extractTargets(d).map((t) => [t.figure?.text ?? '', t.region, t.year, t.metric].join(' | '));

/** How many of `expected` appear in `actual`, each used once. */
function agreement(actual: readonly string[], expected: readonly string[]): number {
  const left = new Map<string, number>();
  for (const e of expected) left.set(e, (left.get(e) ?? 0) + 1);
  let agreed = 0;
  for (const a of actual) {
    const n = left.get(a) ?? 0;
    if (n > 0) {
      agreed++;
      left.set(a, n - 1);
    }
  }
  return agreed;
}

function compare(key: string, other: Read) {
  const txt = txtOf(key).document;
  const [p, q] = [paragraphsOf(other.document), paragraphsOf(txt)];
  const [s, t] = [targetsOf(other.document), targetsOf(txt)];
  return { paragraphs: agreement(p, q), of: q.length, count: p.length, targets: agreement(s, t), targetsOf: t.length, targetCount: s.length };
}

describe('.docx: the same text as the plain-text export, paragraph for paragraph', () => {
  it('gives each of the 21 reports exactly the lines of its .txt, hence the same paragraphs and targets', () => {
    for (const [key, name] of Object.entries(REPORTS)) {
      const docx = read(`provinces-2025/${name}.docx`);
      expect(docx.format).toBe('docx');
      expect(docx.text, name).toBe(txtOf(key).text.split('\n').filter((l) => l.trim() !== '').join('\n'));
      expect(paragraphsOf(docx.document), name).toEqual(paragraphsOf(txtOf(key).document));
      expect(targetsOf(docx.document), name).toEqual(targetsOf(txtOf(key).document));
      expect(docx.document.title).toBe(txtOf(key).document.title);
      expect(docx.document.year).toBe(2025);
    }
  });

  it('reads the author and creation date of docProps/core.xml for what the text does not say', () => {
    // 内蒙古 names no 来源: its publisher falls back to the file's creator, its date is the dateline's.
    expect(read(`provinces-2025/${REPORTS['inner_mongolia']}.docx`).document.source).toEqual({
      title: '2025年内蒙古自治区政府工作报告',
      publisher: 'jianye',
      date: '2025-01-14',
      url: null,
    });
  });
});

describe('.pdf: paragraphs rebuilt from the page geometry', () => {
  const PDFS = ['anhui', 'hunan', 'yunnan'] as const;

  it('gives the paragraphs and targets of the text version (measured: 356 of 357 paragraphs, all the targets)', () => {
    let paragraphs = 0;
    let total = 0;
    let targets = 0;
    let totalTargets = 0;
    for (const key of PDFS) {
      const pdf = read(`pdf/${REPORTS[key]}.pdf`);
      expect(pdf.format).toBe('pdf');
      const c = compare(key, pdf);
      expect(c.count, key).toBe(c.of);
      expect(c.targetCount, key).toBe(c.targetsOf);
      paragraphs += c.paragraphs;
      total += c.of;
      targets += c.targets;
      totalTargets += c.targetsOf;
    }
    // The one paragraph that differs: 安徽's dateline has a no-break space (省长 王清宪) that the
    // PDF's text layer gives as a plain space.
    expect({ paragraphs, total }).toEqual({ paragraphs: 356, total: 357 });
    expect(targets).toBe(totalTargets);
    expect(totalTargets).toBeGreaterThan(total);
  });

  it('reads 2025 年 as 2025年 and keeps the space the document wrote between two names', () => {
    const anhui = read(`pdf/${REPORTS['anhui']}.pdf`).text;
    expect(anhui).toContain('2025年1月20日在安徽省第十四届人民代表大会第三次会议上');
    expect(anhui).toContain('全省地区生产总值增长5.8%，经济总量跨上5万亿元台阶。');
    expect(anhui).toContain('省长 王清宪作政府工作报告');
    expect(anhui).not.toMatch(/\p{Script=Han} [0-9%]|[0-9%] \p{Script=Han}/u);
    // A justified line stretched with gaps between its characters (速 回 落 影 响 in the layer).
    expect(read(`pdf/${REPORTS['hunan']}.pdf`).text).toContain('克服二季度增速回落影响，实现三季度增长4.6%、追平全国');
  });

  it('drops page numbers and running headers: the same paragraphs as the text (a print with both)', () => {
    const printed = read('2025年海南省政府工作报告-页眉页码.pdf');
    const c = compare('hainan', printed);
    expect(c).toMatchObject({ paragraphs: c.of, count: c.of, targets: c.targetsOf, targetCount: c.targetsOf });
    expect(printed.text).not.toContain('海南省人民政府 政府工作报告');
    expect(printed.text.split('\n').some((line) => /^\d+$/.test(line))).toBe(false);
  });

  it('takes the source from the text; the PDF Info says only who printed it when', () => {
    expect(read(`pdf/${REPORTS['yunnan']}.pdf`).document.source).toEqual({
      title: '2025年云南省政府工作报告',
      publisher: '北京日报',
      date: '2025-01-18',
      url: null,
    });
  });
});

describe('.html: Office "save as web page"', () => {
  it('joins the runs of each paragraph without spaces: the same paragraphs and targets as the text', () => {
    const html = read(`html/${REPORTS['guizhou']}.html`);
    expect(html.format).toBe('html');
    const c = compare('guizhou', html);
    expect({ paragraphs: c.paragraphs, of: c.of, count: c.count }).toEqual({ paragraphs: 71, of: 71, count: 71 });
    expect(c.targets).toBe(c.targetsOf);
    expect(c.targetCount).toBe(c.targetsOf);
    expect(html.text.split('\n').slice(0, 4)).toEqual([
      '2025年贵州省政府工作报告',
      '来源：贵州日报',
      '——2025年1月19日在贵州省第十四届人民代表大会第三次会议上',
      '省长 李炳军',
    ]);
  });
});

describe('sources stated by the library', () => {
  it('reads 来源 and the dated subtitle of every provincial report; the national ones say what they say', () => {
    const sources = Object.entries(REPORTS).map(([key]) => txtOf(key).document.source!);
    expect(sources.every((s) => s.date !== null && s.date.startsWith('2025-01-'))).toBe(true);
    expect(sources.filter((s) => s.publisher !== null)).toHaveLength(20);
    // 来源：江西省人民政府 runs into the dateline on one line: the name ends where the date begins.
    expect(txtOf('jiangxi').document.source).toMatchObject({ publisher: '江西省人民政府', date: '2025-01-17' });
    // 宁夏's report was printed by another province's paper, and says so.
    expect(txtOf('ningxia').document.source!.publisher).toBe('青海日报');
    expect(read('national/2017_national_government_work_report.txt').document.source).toMatchObject({ date: '2017-03-05' });
  });

  it('validates every document against DocumentSchema', () => {
    for (const r of reads.values()) DocumentSchema.parse(r.document);
  });
});

describe('the same document in two formats, told from two different documents', () => {
  it('scores every same-report pair at 1.0 and every different pair at most 0.05, far either side of the threshold', () => {
    const fingerprints = [...reads.values()].map((r) => ({ file: r.file, print: fingerprint(r.text) }));
    const reportOf = (file: string): string => {
      const key = Object.entries(REPORTS).find(([k, name]) => file.includes(`_${k}_`) || file.includes(name))?.[0];
      return key ?? file;
    };
    let sameMin = 1;
    let differentMax = 0;
    let sketchSameMin = 1;
    let sketchDifferentMax = 0;
    let samePairs = 0;
    let differentPairs = 0;
    for (let i = 0; i < fingerprints.length; i++) {
      for (let j = i + 1; j < fingerprints.length; j++) {
        const [a, b] = [fingerprints[i]!, fingerprints[j]!];
        const similarity = jaccard(a.print, b.print);
        const sketched = estimatedJaccard(a.print, b.print);
        if (reportOf(a.file) === reportOf(b.file)) {
          samePairs++;
          sameMin = Math.min(sameMin, similarity);
          sketchSameMin = Math.min(sketchSameMin, sketched);
        } else {
          differentPairs++;
          differentMax = Math.max(differentMax, similarity);
          sketchDifferentMax = Math.max(sketchDifferentMax, sketched);
        }
      }
    }
    // 16 reports as .txt and .docx (a pair each), 5 with a third copy (3 pairs each): the PDFs of
    // 安徽, 湖南, 云南, the HTML of 贵州, the print of 海南; 54 files make 1431 pairs in all.
    expect({ samePairs, differentPairs }).toEqual({ samePairs: 31, differentPairs: 1400 });
    expect(sameMin).toBeGreaterThanOrEqual(0.99);
    expect(differentMax).toBeLessThan(0.05);
    // The sketch that spares most exact comparisons separates them as well (measured: 1 and 0.0625).
    expect(sketchSameMin).toBe(1);
    expect(sketchDifferentMax).toBeLessThan(SAME_DOCUMENT / 2);
    expect(SAME_DOCUMENT).toBeGreaterThan(differentMax * 5);
    expect(SAME_DOCUMENT).toBeLessThan(sameMin / 1.5);
  });
});

describe('parse time', () => {
  it('reads the library in modest time per format', () => {
    const msBy = new Map<DocumentFormat, number[]>();
    for (const r of reads.values()) msBy.set(r.format, [...(msBy.get(r.format) ?? []), r.ms]);
    const mean = (f: DocumentFormat): number => (msBy.get(f) ?? []).reduce((a, b) => a + b, 0) / (msBy.get(f)?.length ?? 1);
    // Generous bounds for a loaded 2-core machine; measured ≈ 1 ms (txt), 60 ms (docx), 80 ms (html), 1 s (pdf) each.
    expect(mean('text')).toBeLessThan(200);
    expect(mean('docx')).toBeLessThan(1_000);
    expect(mean('html')).toBeLessThan(1_000);
    expect(mean('pdf')).toBeLessThan(5_000);
  });
});
