// Synthetic seed files for the benchmark's large sizes, made of the real documents' paragraphs.
//
// Every synthetic paragraph is a run of sentences of one real paragraph (the seed's and the four
// fixture reports'), topped up with the sentences of another when short; its places are replaced
// by the place of its article, its years shifted together (2019-2022年 stays a period) and its
// other numbers redrawn at the same precision (4200 → 3700, 18% → 23%, 1.4 → 2.1). Articles get
// headlines of the seed's shape, 杭州：力争2023年先进制造业增加值超3900亿元, so the real pipeline
// (layout, extractTargets) finds in them the same kinds of targets it finds in the seed.
//
// Deterministic: the same count and seed give the same bytes.
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDocument } from '../../src/corpus/load.ts';
import { classifyLine, isHeadlineShape } from '../../src/corpus/layout.ts';
import { REGION_NAMES } from '../../src/targets/regions.ts';
import { seededRandom, type Random } from '../../src/random.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SEEDS_DIR = join(ROOT, 'seeds');
export const CORPUS_DIR = join(ROOT, 'test/fixtures/corpus');

/** The real documents the synthetic ones are made from: the seed and the fixture reports. */
export function sourceFiles(): string[] {
  const list = (dir: string) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => join(dir, f));
  return [...list(SEEDS_DIR), ...list(CORPUS_DIR)];
}

// Province-level names of the gazetteer (src/targets/regions.ts) and the suffix each takes; the
// other names are cities (…市). Places that would read oddly as a policy author are left out.
const SUFFIX: Record<string, string> = {
  北京: '市', 天津: '市', 上海: '市', 重庆: '市',
  内蒙古: '自治区', 广西: '自治区', 西藏: '自治区', 宁夏: '自治区', 新疆: '自治区',
};
const PROVINCES = new Set([
  '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南', '湖北',
  '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海',
]);
const LEFT_OUT = new Set(['台湾', '香港', '澳门', '雄安']);
export const SYNTHETIC_REGIONS: readonly string[] = REGION_NAMES.filter((r) => !LEFT_OUT.has(r)).sort();

function suffixOf(region: string): string {
  return SUFFIX[region] ?? (PROVINCES.has(region) ? '省' : '市');
}

const REGION_MENTION = new RegExp(`(${REGION_NAMES.join('|')})(省|市|自治区|特别行政区|地区)?`, 'g');
const NUMBER = /(?<![A-Za-z\d.])\d+(?:\.\d+)?(?![\dA-Za-z])/g;
const SENTENCE = /[^。！？；]*[。！？；]+[”’」』）)]*/g;

interface Material {
  /** Each usable real paragraph as its sentences. */
  paragraphs: string[][];
  /** Headline-shaped phrases: the seed's headlines after 地名：, and short first clauses. */
  headlines: string[];
}

function collectMaterial(): Material {
  const paragraphs: string[][] = [];
  const headlines = new Set<string>();
  for (const path of sourceFiles()) {
    const doc = readDocument(path.slice(path.lastIndexOf('/') + 1), readFileSync(path));
    for (const article of doc.articles) {
      const colon = article.headline.indexOf('：');
      if (colon > 0 && colon <= 4) headlines.add(article.headline.slice(colon + 1));
      for (const p of article.paragraphs) {
        if (classifyLine(p.text) !== 'text' || p.text.length < 30) continue;
        const sentences = p.text.match(SENTENCE)?.filter((s) => s.length >= 8) ?? [];
        if (sentences.length === 0) continue;
        paragraphs.push(sentences);
        const clause = sentences[0]!.split(/[，。；：]/)[0]!;
        if (clause.length >= 8 && clause.length <= 22 && isHeadlineShape(clause) && /\d/.test(clause)) {
          headlines.add(clause);
        }
      }
    }
  }
  return { paragraphs, headlines: [...headlines].sort() };
}

/** Redraws a number at the precision it is written with; years move by `yearShift`. */
function redraw(rand: Random, text: string, after: string, before: string, yearShift: number): string {
  const value = Number(text);
  const isYear = /^(?:19|20)\d\d$/.test(text) && (/^(?:\s*年|\s*[-—–~～至到])/.test(after) || /[-—–~～至到]\s*$/.test(before));
  if (isYear) return String(Math.min(2039, Math.max(1990, value + yearShift)));
  const dot = text.indexOf('.');
  if (dot >= 0) {
    const decimals = text.length - dot - 1;
    const drawn = (value * (0.5 + rand.next() * 1.5)).toFixed(decimals);
    return Number(drawn) > 0 ? drawn : text;
  }
  if (value < 10) return String(rand.int(1, 9));
  const digits = text.length;
  const significant = Math.max(1, digits - (/0*$/.exec(text)?.[0].length ?? 0));
  const scale = 10 ** (digits - significant);
  const drawn = Math.max(1, Math.round((value / scale) * (0.5 + rand.next() * 1.5))) * scale;
  return String(drawn);
}

function vary(rand: Random, text: string, region: string, yearShift: number): string {
  const placed = text.replace(REGION_MENTION, (_m, _name: string, suffix: string | undefined) =>
    suffix === undefined ? region : region + suffixOf(region),
  );
  return placed.replace(NUMBER, (m: string, offset: number, whole: string) =>
    redraw(rand, m, whole.slice(offset + m.length, offset + m.length + 2), whole.slice(Math.max(0, offset - 2), offset), yearShift),
  );
}

function paragraphText(rand: Random, material: Material): string {
  const base = rand.pick(material.paragraphs);
  let at = rand.int(0, Math.max(0, base.length - 2));
  let text = '';
  while (at < base.length && text.length < 300) text += base[at++]!;
  while (text.length < 160) {
    const more = rand.pick(material.paragraphs);
    text += more.slice(0, rand.int(1, Math.min(3, more.length))).join('');
  }
  return text;
}

function headlineText(rand: Random, material: Material, region: string, yearShift: number): string {
  for (let tries = 0; tries < 20; tries++) {
    const headline = `${region}：${vary(rand, rand.pick(material.headlines), region, yearShift)}`;
    if (isHeadlineShape(headline)) return headline;
  }
  return `${region}：加快建设先进制造业强市`;
}

export interface SyntheticCorpus {
  files: number;
  paragraphs: number;
  bytes: number;
}

const PARAGRAPHS_PER_FILE = 400;

/**
 * Writes seed files holding `count` paragraphs into `dir` (created): 400 paragraphs a file, articles
 * of 4 to 24 paragraphs, each under a headline 地名：…. Returns what it wrote.
 */
export async function writeSyntheticSeeds(dir: string, count: number, seed = 20250301): Promise<SyntheticCorpus> {
  const rand = seededRandom(seed ^ count);
  const material = collectMaterial();
  await mkdir(dir, { recursive: true });
  let made = 0;
  let files = 0;
  let bytes = 0;
  while (made < count) {
    const year = rand.int(2019, 2026);
    const name = `${year}_synthetic_${String(files).padStart(4, '0')}.txt`;
    const lines: string[] = [];
    const inFile = Math.min(PARAGRAPHS_PER_FILE, count - made);
    let written = 0;
    while (written < inFile) {
      const region = rand.pick(SYNTHETIC_REGIONS);
      const yearShift = rand.int(-2, 5);
      lines.push(headlineText(rand, material, region, yearShift));
      const size = Math.min(inFile - written, rand.int(4, 24));
      for (let i = 0; i < size; i++) lines.push(`\u3000\u3000${vary(rand, paragraphText(rand, material), region, yearShift)}`);
      written += size;
    }
    const body = `${lines.join('\n\n')}\n`;
    await writeFile(join(dir, name), body);
    bytes += Buffer.byteLength(body);
    made += written;
    files++;
  }
  return { files, paragraphs: made, bytes };
}
