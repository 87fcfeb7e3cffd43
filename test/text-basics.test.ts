import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { foldForMatching, foldWidth } from '../src/text/fold.ts';
import { clauseAround, splitSentences } from '../src/text/sentences.ts';
import { corpusLexicon } from '../src/text/corpusLexicon.ts';
import { createSegmenter } from '../src/text/segmenter.ts';

const segmenter = createSegmenter(corpusLexicon([]).terms);
const cutWords = (text: string) => segmenter.cut(text);
const searchTokens = (text: string) => segmenter.searchTokens(text);

describe('folding', () => {
  it('folds full-width forms to half-width, keeping every offset', () => {
    const text = '占比达７０％（预计）？';
    expect(foldWidth(text)).toBe('占比达70%(预计)?');
    expect(foldWidth(text).length).toBe(text.length);
  });
  it('reads traditional characters as simplified', () => {
    expect(foldForMatching('廣州汽車集群規模目標')).toBe('广州汽车集群规模目标');
  });
});

describe('sentences and clauses', () => {
  const paragraph =
    '“安徽明年将推动制造模式智能化。制定《深入推进智能制造五年行动计划》，深入开展机器换人，全年推广应用机器人6000台以上，认定智能工厂、数字化车间200个。”安徽省经信厅厅长牛弩韬在接受记者采访时表示。';
  it('splits at sentence ends and keeps a closing quote with its sentence', () => {
    const sentences = splitSentences(paragraph);
    expect(sentences.map((s) => s.text)).toEqual([
      '“安徽明年将推动制造模式智能化。',
      '制定《深入推进智能制造五年行动计划》，深入开展机器换人，全年推广应用机器人6000台以上，认定智能工厂、数字化车间200个。”',
      '安徽省经信厅厅长牛弩韬在接受记者采访时表示。',
    ]);
    for (const s of sentences) expect(paragraph.slice(s.start, s.end)).toBe(s.text);
  });
  it('finds the clause around a position, between commas', () => {
    const at = paragraph.indexOf('6000');
    expect(clauseAround(paragraph, at).text).toBe('全年推广应用机器人6000台以上');
  });
});

describe('segmentation', () => {
  it('keeps numbers whole with their units (jieba needs useHMM for that)', () => {
    expect(cutWords('先进制造业增加值达3000亿元以上，1.4万亿元')).toEqual([
      '先进制造业', '增加值', '达', '3000亿元', '以上', '1.4万亿元',
    ]);
  });
  it('folds full-width digits before cutting', () => {
    expect(cutWords('规模达到６０００亿元')).toContain('6000亿元');
  });
  it('adds the shorter words inside long ones, for prefix matching', () => {
    const tokens = searchTokens('依托工业互联网创新发展工程');
    expect(tokens).toContain('工业互联网');
    expect(tokens).toContain('互联网');
    expect(new Set(tokens).size).toBe(tokens.length);
  });
  it('keeps the field’s terms whole that the stock dictionary splits', () => {
    expect(cutWords('加快建设产业集群')).toContain('产业集群');
    expect(cutWords('城镇调查失业率5.5%左右')).toContain('调查失业率');
  });
  it('keeps a corpus’s own terms whole, in its segmenter only', () => {
    const own = createSegmenter(corpusLexicon(['推进“超高清视频”产业发展']).terms);
    expect(own.cut('推进超高清视频节目')).toContain('超高清视频');
    expect(segmenter.cut('推进超高清视频节目')).not.toContain('超高清视频');
  });
  it('cuts a text of several lines, terms in each, as it cuts each line alone', () => {
    // The seed's paragraphs through a segmenter whose terms are the seed's own (“” names and the
    // field's terms): the pieces of text between terms are cut in one call to jieba and dealt back.
    const paragraphs = readFileSync('seeds/000_b75a479856194727.txt', 'utf8').split('\n').filter((line) => line.length > 20);
    const own = createSegmenter(corpusLexicon(paragraphs).terms);
    let termsCut = 0;
    for (const paragraph of paragraphs) {
      const lines = paragraph.split(/(?<=。)/);
      const words = own.cut(lines.join('\n'));
      expect(words).toEqual(lines.flatMap((line) => own.cut(line)));
      termsCut += words.filter((word) => own.terms.includes(word)).length;
    }
    expect(termsCut).toBeGreaterThan(10);
  });
});
