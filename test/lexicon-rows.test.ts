// A new unit or a new place is one row in src/lexicon: here each table gets one row more (through
// vitest's module mock, as an edit of the file would), and every stage that reads words reads it.
import { describe, expect, it, vi } from 'vitest';

vi.mock('../src/lexicon/units.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/lexicon/units.ts')>();
  return { ...actual, UNITS: { ...actual.UNITS, 标准间: { kind: 'count', base: '标准间' } } };
});
vi.mock('../src/lexicon/places.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/lexicon/places.ts')>();
  return { ...actual, PLACES: [...actual.PLACES, { name: '星海', level: 'prefecture', latin: ['xinghai'] }] };
});

const { findFigures, parseFigure } = await import('../src/text/figures.ts');
const { findRegionMentions, normalizeRegion } = await import('../src/targets/regions.ts');
const { extractTargets } = await import('../src/targets/extract.ts');
const { readDocument } = await import('../src/corpus/load.ts');
const { createQuestionReader } = await import('../src/qa/question.ts');
const { createSegmenter } = await import('../src/text/segmenter.ts');

describe('a unit added as one row', () => {
  it('is read by the figure parser with its kind, in a span and in running text', () => {
    expect(parseFigure('300标准间')).toMatchObject({ value: 300, unit: '标准间', baseUnit: '标准间', kind: 'count' });
    expect(findFigures('全年新增客房1.2万标准间以上').map((f) => [f.text, f.kind])).toEqual([['1.2万标准间以上', 'count']]);
  });
  it('is kept with its number by the segmenter', () => {
    expect(createSegmenter([]).cut('新增300标准间')).not.toContain('300');
  });
});

describe('a place added as one row', () => {
  it('is found in text with its suffixes, and normalised', () => {
    expect(findRegionMentions('星海市和安徽省').map((m) => m.region)).toEqual(['星海', '安徽']);
    expect(normalizeRegion('星海市')).toBe('星海');
  });
  it('takes the figures of which it is the subject', () => {
    const text = '星海市政府工作报告\n——2025年1月10日在星海市人民代表大会上\n一、今年工作安排\n星海市地区生产总值增长6%左右。\n';
    const targets = extractTargets(readDocument('xinghai.txt', Buffer.from(text)));
    expect(targets.map((t) => [t.region, t.figure?.text])).toContainEqual(['星海', '6%左右']);
  });
  it('is read in questions, by its Latin spelling too', () => {
    const read = createQuestionReader({ segmenter: createSegmenter([]), latestYear: 2025 });
    expect(read('星海GDP增长目标').region).toBe('星海');
    expect(read('xinghai GDP growth target').region).toBe('星海');
  });
});
