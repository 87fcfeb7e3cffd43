// The questions the benchmark asks: made from the index's own targets (place + what is measured +
// an asking phrase, sometimes a year, sometimes no place), the dev questions, and questions about
// things no document speaks of. Deterministic for a given target list.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Target } from '../../src/model.ts';
import { seededRandom } from '../../src/random.ts';
import { SYNTHETIC_REGIONS } from './synth.ts';

export interface DevQuestion {
  q: string;
  expect: string[];
  quote?: string;
  none?: boolean;
}

export interface BenchQuestion {
  q: string;
  source: 'target' | 'dev' | 'unanswerable';
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEV_FILES = [join(ROOT, '../shared/eval/dev-questions.jsonl'), join(ROOT, 'test/fixtures/dev-questions.jsonl')];

/** The dev questions (../shared/eval, else the copy in test/fixtures). */
export function devQuestions(): { file: string; questions: DevQuestion[] } {
  for (const file of DEV_FILES) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const questions = text
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as DevQuestion);
    return { file, questions };
  }
  throw new Error(`no dev questions in ${DEV_FILES.join(' or ')}`);
}

const ASKING = ['是多少？', '目标是多少', '要达到多少？', '多少', '目标?', '有多少', '规模', '计划多少？', '预计多少？', '达到了多少', '情况', '？'];
const NOTHING = ['月球基地', '海底隧道', '量子咖啡馆', '冰雪乐园', '空中出租车', '火星探测器', '大熊猫繁育基地', '跨海缆车', '沙漠冲浪', '机器人餐厅', '太空旅游', '深海牧场'];
const MEASURES = ['数量', '规模', '产值', '覆盖率', '个数', '目标'];

/**
 * At least `count` distinct questions: 85% from targets, the dev questions, the rest unanswerable.
 */
export function benchQuestions(targets: readonly Target[], count = 1200, seed = 7): BenchQuestion[] {
  const rand = seededRandom(seed);
  const seen = new Set<string>();
  const out: BenchQuestion[] = [];
  const add = (q: string, source: BenchQuestion['source']) => {
    if (!seen.has(q)) {
      seen.add(q);
      out.push({ q, source });
    }
  };
  for (const d of devQuestions().questions) add(d.q, 'dev');
  const usable = targets.filter((t) => t.metric.length >= 2 && t.metric.length <= 24);
  const fromTargets = Math.round(count * 0.85);
  for (let tries = 0; usable.length > 0 && out.length < fromTargets + 12 && tries < fromTargets * 20; tries++) {
    const t = rand.pick(usable);
    const place = t.region === null || rand.chance(0.15) ? '' : t.region;
    const year = t.year !== null && rand.chance(0.3) ? `${t.year}年` : '';
    const what = rand.chance(0.25) && t.subject.length >= 2 && t.subject !== t.metric ? t.subject + rand.pick(MEASURES) : t.metric;
    add(`${year}${place}${what}${rand.pick(ASKING)}`, 'target');
  }
  for (let tries = 0; out.length < count && tries < count * 20; tries++) {
    add(`${rand.pick(SYNTHETIC_REGIONS)}${rand.pick(NOTHING)}${rand.pick(MEASURES)}${rand.pick(ASKING)}`, 'unanswerable');
  }
  // Fill up with targets again when the places × things ran out (a small corpus).
  for (let tries = 0; usable.length > 0 && out.length < count && tries < count * 50; tries++) {
    const t = rand.pick(usable);
    add(`${rand.int(2019, 2027)}年${t.region ?? ''}${t.metric}${rand.pick(ASKING)}`, 'target');
  }
  return rand.shuffle(out);
}
