import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeDocumentText } from '../src/corpus/decode.ts';
import { yearFromFileName } from '../src/corpus/docMeta.ts';
import { isHeadlineShape, layoutDocument } from '../src/corpus/layout.ts';
import { readDocument } from '../src/corpus/load.ts';
import { DocumentSchema, type Document, type Paragraph } from '../src/model.ts';

const SEED = '000_b75a479856194727.txt';
const NATIONAL_2021 = '2021_national_government_work_report.txt';
const NATIONAL_2025 = '2025_national_government_work_report.txt';
const GUANGDONG_2025 = '2025_guangdong_provincial_government_work_report.txt';
const ZHEJIANG_2025 = '2025_zhejiang_provincial_government_work_report.txt';

function bytesOf(path: string): Uint8Array {
  return readFileSync(new URL(`../${path}`, import.meta.url));
}

function load(path: string, file: string): { doc: Document; source: string } {
  const bytes = bytesOf(path);
  return { doc: readDocument(file, bytes), source: decodeDocumentText(file, bytes) };
}

const seed = load(`seeds/${SEED}`, SEED);
const corpus = Object.fromEntries(
  [NATIONAL_2021, NATIONAL_2025, GUANGDONG_2025, ZHEJIANG_2025].map((f) => [f, load(`test/fixtures/corpus/${f}`, f)]),
) as Record<string, { doc: Document; source: string }>;
const all = [seed, ...Object.values(corpus)];

const paragraphs = (doc: Document): Paragraph[] => doc.articles.flatMap((a) => a.paragraphs);
const texts = (doc: Document): string[] => paragraphs(doc).map((p) => p.text);
const find = (doc: Document, start: string): Paragraph => {
  const p = paragraphs(doc).find((q) => q.text.startsWith(start));
  if (p === undefined) throw new Error(`no paragraph starts with ${start}`);
  return p;
};
const INVISIBLE = /[\s\u00AD\u200B-\u200F\u2060\uFEFF]/g;

describe('seed: a newspaper page of several news items', () => {
  const { doc } = seed;

  it('gives one article per news-item headline, in order, continuation markers included', () => {
    expect(doc.articles.map((a) => a.headline)).toEqual([
      '北京：2022年信息消费产业规模将达1.4万亿元',
      '十项任务细化《行动计划》',
      '四项措施促《行动计划》落实',
      '(上接第1版)',
      '广州：力争2021年先进制造业增加值超3000亿元',
      '明确目标要求',
      '具有四大“突出”特点',
      '铆足干劲促发展',
    ]);
    expect(doc.articles.map((a) => a.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('starts an article at each (上接第1版), with or without a headline above the marker', () => {
    expect(doc.articles.map((a) => a.continued)).toEqual([false, false, false, true, false, false, false, true]);
    const [marker, headed] = [doc.articles[3]!, doc.articles[7]!];
    expect(marker.paragraphs[0]!.text).toMatch(/^六是行业发展环境不断优化/);
    expect(headed.paragraphs[0]!.text).toMatch(/^当前，人工智能已成为全球新型的基础设施/);
    expect(texts(doc)).not.toContain('(上接第1版)');
  });

  it('mends the seven breaks left by the page layout', () => {
    const body = texts(doc);
    for (const whole of [
      '鼓励发展高可靠性智能工业传感器、工业网关',
      '认定智能工厂、数字化车间200个。”',
      '立足制造强国和网络强国建设',
      '包括推动信息基础设施赋能升级，落实国家网络提速降费政策',
      '建设京津冀信息消费创新示范中心。',
      '中小型企业存在重大风险隐患的大型企业搬迁改造任务。',
      '抓好骚扰电话综合整治等重点工作，抓好携号转网服务质量。',
    ]) {
      expect(body.filter((t) => t.includes(whole)), whole).toHaveLength(1);
    }
    for (const tail of ['器、工业网关', '200个。', '强国建设，', '赋能升级，', '示范中心。', '存在重大风险', '重点工作，']) {
      expect(body.some((t) => t.startsWith(tail)), tail).toBe(false);
    }
  });

  it('keeps headlines out of paragraph text, the 25-character 北京 headline included', () => {
    const headlines = new Set(doc.articles.map((a) => a.headline));
    for (const p of paragraphs(doc)) {
      expect(headlines.has(p.text), p.text).toBe(false);
      expect(isHeadlineShape(p.text), p.text).toBe(false);
      expect(p.text.startsWith('北京：2022年信息消费产业规模将达1.4万亿元')).toBe(false);
    }
    expect(doc.articles[0]!.headline).toHaveLength(24);
  });

  it('numbers the Guangzhou paragraph 1 of its article and gives it a stable id', () => {
    const p = find(doc, '日前，广州市工信局发布');
    expect(p).toMatchObject({
      article: 5,
      number: 1,
      headline: '广州：力争2021年先进制造业增加值超3000亿元',
      section: '',
      id: `${SEED}#5.1`,
      doc: SEED,
    });
  });

  it('has no title and states no date, but says the year it speaks from as a reader reads it', () => {
    expect(doc.title).toBeNull();
    expect(yearFromFileName(SEED)).toBeNull();
    // 会议对2020年重点工作进行了部署: the work of 2020 laid out, so said in 2019.
    expect(doc.year).toBe(2019);
  });
});

describe('2021 national report: title broken over two lines, zero-width page-break lines', () => {
  const { doc } = corpus[NATIONAL_2021]!;

  it('mends the title and dates the report from its subtitle', () => {
    expect(doc.title).toBe('政府工作报告');
    expect(doc.year).toBe(2021);
  });

  it('makes the 一、 headings articles and the （一） headings sections', () => {
    expect(doc.articles.map((a) => a.headline)).toEqual([
      '政府工作报告',
      '一、2020年工作回顾',
      '二、“十三五”时期发展成就和“十四五”时期主要目标任务',
      '三、2021年重点工作',
    ]);
    const bonds = paragraphs(doc).find((p) => p.text.includes('今年拟安排地方政府专项债券3.65万亿元'))!;
    expect(bonds.headline).toBe('三、2021年重点工作');
    expect(bonds.section).toBe('（四）坚持扩大内需这个战略基点，充分挖掘国内市场潜力');
    expect(texts(doc).some((t) => t.startsWith('（'))).toBe(false);
  });

  it('keeps the header lines as paragraphs of the title article', () => {
    expect(doc.articles[0]!.paragraphs.map((p) => p.text).slice(0, 4)).toEqual([
      '——2021年3月5日在第十三届全国人民代表大会第四次会议上',
      '国务院总理',
      '李克强',
      '各位代表：',
    ]);
  });

  it('drops zero-width spaces and mends the sentences they broke', () => {
    const body = texts(doc);
    expect(body.some((t) => t.includes('\u200B'))).toBe(false);
    expect(body.filter((t) => t.includes('交出一份人民满意、世界瞩目、可以载入史册的答卷。'))).toHaveLength(1);
    expect(body.some((t) => t.includes('经济增速是综合性指标，今年预期目标设定为6%以上'))).toBe(true);
    expect(body.some((t) => t.includes('完善全民健身公共服务体系。精心筹办北京冬奥会'))).toBe(true);
  });

  it('mends lines broken inside 《》 by hyperlink remnants', () => {
    expect(
      texts(doc).some((t) =>
        t.includes(
          '根据《中共中央关于制定国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议》，国务院编制了《国民经济和社会发展第十四个五年规划和2035年远景目标纲要（草案）》。',
        ),
      ),
    ).toBe(true);
  });
});

describe('2025 national report: no title, no date header', () => {
  const { doc } = corpus[NATIONAL_2025]!;

  it('has no title, takes its year from the file name, and opens with an untitled article', () => {
    expect(doc.title).toBeNull();
    expect(doc.year).toBe(2025);
    expect(doc.articles[0]!.headline).toBe('');
    expect(doc.articles[0]!.paragraphs[0]!.text).toBe('各位代表：');
    expect(doc.articles.map((a) => a.headline).slice(1)).toEqual([
      '一、2024年工作回顾',
      '二、2025年经济社会发展总体要求和政策取向',
      '三、2025年政府工作任务',
    ]);
  });

  it('falls back to the year after the latest 工作回顾 when the file name has none', () => {
    expect(readDocument('national.txt', bytesOf(`test/fixtures/corpus/${NATIONAL_2025}`)).year).toBe(2025);
  });
});

describe('provincial reports: header lines, U+3000 indentation, annexes, 1.-style lists', () => {
  it('reads title and year of Guangdong and Zhejiang from their header', () => {
    expect(corpus[GUANGDONG_2025]!.doc).toMatchObject({ title: '2025年广东省政府工作报告', year: 2025 });
    expect(corpus[ZHEJIANG_2025]!.doc).toMatchObject({ title: '2025年浙江省政府工作报告', year: 2025 });
    expect(readDocument('gd.txt', bytesOf(`test/fixtures/corpus/${GUANGDONG_2025}`)).year).toBe(2025);
  });

  it('keeps annexes that reuse 一、 numbering as articles of their own, with the items as paragraphs', () => {
    const { doc } = corpus[GUANGDONG_2025]!;
    expect(doc.articles.map((a) => a.headline)).toEqual([
      '2025年广东省政府工作报告',
      '一、2024年工作回顾',
      '二、2025年工作安排',
      '附件1 2025年省十件民生实事',
      '附件2 名词解释',
    ]);
    const annex = doc.articles[3]!;
    expect(annex.paragraphs).toHaveLength(10);
    expect(annex.paragraphs[0]!.text).toMatch(/^一、为老年人提供健康管理/);
    expect(annex.paragraphs.every((p) => p.section === '')).toBe(true);
  });

  it('makes each 1.-style list item its own paragraph', () => {
    const glossary = corpus[GUANGDONG_2025]!.doc.articles[4]!;
    expect(glossary.paragraphs.map((p) => p.text.match(/^\d+/)?.[0])).toEqual(
      Array.from({ length: 18 }, (_, k) => String(k + 1)),
    );
    const zhejiang = corpus[ZHEJIANG_2025]!.doc;
    const items = paragraphs(zhejiang).filter((p) => /^\d+\.\S+方面。/.test(p.text));
    expect(items.map((p) => p.text.slice(0, p.text.indexOf('.')))).toEqual(
      Array.from({ length: 10 }, (_, k) => String(k + 1)),
    );
  });

  it('takes the section of a paragraph that opens with （一） from its first sentence', () => {
    const { doc } = corpus[GUANGDONG_2025]!;
    expect(find(doc, '深入实施“湾区通”工程').section).toBe(
      '（一）做实粤港澳大湾区“一点两地”全新定位，更好发挥高质量发展动力源作用',
    );
    expect(find(corpus[ZHEJIANG_2025]!.doc, '切实做好“两重”项目谋划推进').section).toBe(
      '（三）抓好重大项目建设，进一步提高投资效益',
    );
  });
});

describe('every document', () => {
  it('validates against DocumentSchema, with ids made of file, article and paragraph number', () => {
    for (const { doc } of all) {
      DocumentSchema.parse(doc);
      for (const a of doc.articles) {
        expect(a.paragraphs.length).toBeGreaterThan(0);
        a.paragraphs.forEach((p, k) => {
          expect(p.number).toBe(k + 1);
          expect(p.id).toBe(`${doc.file}#${a.index}.${p.number}`);
          expect(p.headline).toBe(a.headline);
        });
      }
    }
  });

  it('gives offsets into the decoded text that hold exactly the paragraph, less line breaks and invisibles', () => {
    for (const { doc, source } of all) {
      for (const p of paragraphs(doc)) {
        const slice = source.slice(p.start, p.end);
        if (!slice.includes('\n') && !/[\u00AD\u200B-\u200F\u2060\uFEFF]/.test(slice)) expect(slice).toBe(p.text);
        expect(slice.replace(INVISIBLE, '')).toBe(p.text.replace(INVISIBLE, ''));
        expect(p.text).toBe(p.text.trim());
        expect(p.text).not.toMatch(/[\u200B-\u200F\u2060\uFEFF]/);
      }
    }
  });
});

describe('layoutDocument on small texts', () => {
  it('defines offsets on the text with CRLF normalised to LF', () => {
    const crlf = '标题行\r\n\r\n第一段，到2022年达1.4万亿元。\r\n第二段，没有写\r\n\r\n完。\r\n';
    const lf = crlf.replace(/\r\n/g, '\n');
    const { articles } = layoutDocument(crlf, 'x.txt');
    expect(articles).toEqual(layoutDocument(lf, 'x.txt').articles);
    expect(articles[0]!.headline).toBe('标题行');
    expect(articles[0]!.paragraphs.map((p) => p.text)).toEqual(['第一段，到2022年达1.4万亿元。', '第二段，没有写完。']);
    const first = articles[0]!.paragraphs[0]!;
    expect(lf.slice(first.start, first.end)).toBe(first.text);
  });

  it('treats a marker at the start of a body line as a marker', () => {
    const { articles } = layoutDocument('上一篇文章的正文。\n（上接第2版）六是继续推进。\n', 'x.txt');
    expect(articles.map((a) => [a.headline, a.continued])).toEqual([
      ['', false],
      ['（上接第2版）', true],
    ]);
    const p = articles[1]!.paragraphs[0]!;
    expect(p.text).toBe('六是继续推进。');
    expect('上一篇文章的正文。\n（上接第2版）六是继续推进。\n'.slice(p.start, p.end)).toBe(p.text);
  });

  it('does not mend a broken line into a following headline', () => {
    const text = '正文说到一半，没有句号\n\n新的标题\n\n新文章的正文。\n';
    const { articles } = layoutDocument(text, 'x.txt');
    expect(articles.map((a) => a.headline)).toEqual(['', '新的标题']);
    expect(articles[0]!.paragraphs[0]!.text).toBe('正文说到一半，没有句号');
  });

  it('tells headlines from broken lines by shape', () => {
    expect(isHeadlineShape('北京：2022年信息消费产业规模将达1.4万亿元')).toBe(true);
    expect(isHeadlineShape('具有四大“突出”特点')).toBe(true);
    expect(isHeadlineShape('十是推进信息消费区域协同发展，建设京津冀信息消费创新')).toBe(false);
    expect(isHeadlineShape('各位代表：')).toBe(false);
    expect(isHeadlineShape('示范中心。')).toBe(false);
    expect(isHeadlineShape('1.医疗卫生方面')).toBe(false);
  });
});

describe('runs of short lines', () => {
  it('joins up to three short lines above body text into one headline, and keeps longer runs as text', () => {
    const joined = layoutDocument('前文。\n\n附件1\n年度实事\n\n一是实事。\n', 'x.txt').articles;
    expect(joined.map((a) => a.headline)).toEqual(['', '附件1 年度实事']);
    const table = layoutDocument('前文。\n\n地区\n目标\n北京\n广州\n标题在此\n\n正文。\n', 'x.txt').articles;
    expect(table.map((a) => a.headline)).toEqual(['', '北京 广州 标题在此']);
    expect(table[0]!.paragraphs.map((p) => p.text)).toEqual(['前文。', '地区', '目标']);
  });
});
