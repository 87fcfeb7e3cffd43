// The format readers' pure parts on small inputs made here: HTML runs and charsets, PDF lines and
// furniture, the spacing of Chinese text in PDFs, dates, source lines, the catalogue, fingerprints.
import iconv from 'iconv-lite';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { parseCatalogue } from '../src/corpus/catalogue.ts';
import { isLetterSpaced, joinPdfLines, normaliseCjkSpacing } from '../src/corpus/cjk-spacing.ts';
import { dateFromChineseText, normaliseDate } from '../src/corpus/dates.ts';
import { commonHanziShare, decodeBytes } from '../src/corpus/decode.ts';
import { comparableText, findDuplicates, fingerprint, jaccard } from '../src/corpus/duplicates.ts';
import { chooseFormat } from '../src/corpus/formats.ts';
import { htmlParagraphs } from '../src/corpus/html-text.ts';
import { dropPageFurniture, pdfParagraphs, type PdfLine, type PdfPage } from '../src/corpus/pdf-layout.ts';
import { decodeHtml, htmlProperties, readHtml } from '../src/corpus/read-html.ts';
import { mergeSources, publisherOf, sourceFromText } from '../src/corpus/source.ts';

const paragraphs = (html: string): string[] => htmlParagraphs(parseDocument(html), { whitespace: 'collapse' });

describe('HTML text', () => {
  it('joins inline runs without spaces and breaks paragraphs at block elements and <br>', () => {
    expect(
      paragraphs(
        '<p><font face="仿宋">2025</font><font face="宋体"><span>年</span></font>全省<b>地区生产总值</b>增长<span>5</span><span>%</span>。</p>' +
          '<div>第二段<br>第三段</div><ul><li>一是</li><li>二是</li></ul><table><tr><td>地区</td><td>目标</td></tr></table>',
      ),
    ).toEqual(['2025年全省地区生产总值增长5%。', '第二段', '第三段', '一是', '二是', '地区', '目标']);
  });

  it('collapses markup whitespace to one space and keeps no-break spaces', () => {
    expect(paragraphs('<p>\n  省长\n  李炳军 </p><p>a&nbsp;&nbsp;b</p>')).toEqual(['省长 李炳军', 'a\u00A0\u00A0b']);
  });

  it('reads the main text, not navigation, scripts, styles, forms or the site banner and footer', () => {
    const page =
      '<html><head><title>标题</title><style>p{}</style></head><body><header>网站首页</header><nav>导航</nav>' +
      '<script>var x = "2025年";</script><div role="navigation">菜单</div><p>正文。</p><aside>相关阅读</aside>' +
      '<form>搜索</form><p hidden>隐藏</p><footer>版权所有</footer></body></html>';
    expect(paragraphs(page)).toEqual(['正文。']);
    expect(paragraphs('<body><div>站点</div><main><header><h1>标题</h1></header><p>正文。</p></main></body>')).toEqual(['标题', '正文。']);
    expect(paragraphs('<body><div>站点</div><article><h1>标题</h1><p>正文。</p></article></body>')).toEqual(['标题', '正文。']);
  });

  it('keeps the lines of <pre>', () => {
    expect(paragraphs('<pre>第一行\n第二行</pre>')).toEqual(['第一行', '第二行']);
  });

  it('reads title, publisher, date and URL from the <head>', () => {
    const dom = parseDocument(
      '<html><head><title> 页面 标题 </title><meta name="ContentSource" content="贵州日报"><meta name="author" content="ZSY">' +
        '<meta name="PubDate" content="2025-01-20 10:00"><link rel="canonical" href="https://www.gov.cn/a.htm">' +
        '<meta property="og:url" content="https://other.example/a"></head><body></body></html>',
    );
    expect(htmlProperties(dom)).toEqual({ title: '页面 标题', publisher: '贵州日报', date: '2025-01-20', url: 'https://www.gov.cn/a.htm' });
  });
});

describe('HTML charsets', () => {
  const body = '<p>到2025年，全省地区生产总值增长百分之五左右。</p>';

  it('decodes the charset of <meta charset> and of http-equiv', () => {
    const gbk = Buffer.concat([Buffer.from('<html><head><meta charset="gb2312"></head><body>'), iconv.encode(body, 'gbk')]);
    expect(readHtml('a.html', gbk).text).toBe('到2025年，全省地区生产总值增长百分之五左右。');
    const big5 = Buffer.concat([
      Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=big5">'),
      iconv.encode('<p>到2025年，全省地區生產總值增長百分之五左右。</p>', 'big5'),
    ]);
    expect(readHtml('a.html', big5).text).toBe('到2025年，全省地區生產總值增長百分之五左右。');
  });

  it('detects the charset of a page that declares none, or declares the wrong one', () => {
    expect(decodeHtml('a.html', iconv.encode(body, 'gbk'))).toBe(body);
    expect(decodeHtml('a.html', iconv.encode('<p>全省地區生產總值增長百分之五左右。</p>', 'big5'))).toBe('<p>全省地區生產總值增長百分之五左右。</p>');
    const mislabelled = Buffer.concat([Buffer.from('<meta charset="utf-8">'), iconv.encode(body, 'gbk')]);
    expect(decodeHtml('a.html', mislabelled)).toBe(`<meta charset="utf-8">${body}`);
  });
});

describe('Big5 and GB18030', () => {
  const simplified = '到2025年，全省地区生产总值增长百分之五左右，城镇新增就业五十万人以上。';
  const traditional = '到2025年，全省地區生產總值增長百分之五左右，城鎮新增就業五十萬人以上。';

  it('tells them apart by the share of common characters each decoding yields', () => {
    expect(decodeBytes('t.txt', iconv.encode(traditional, 'big5'))).toEqual({ text: traditional, encoding: 'big5' });
    expect(decodeBytes('s.txt', iconv.encode(simplified, 'gbk'))).toEqual({ text: simplified, encoding: 'gb18030' });
    expect(commonHanziShare(simplified)).toBeGreaterThan(0.9);
    expect(commonHanziShare(traditional)).toBeGreaterThan(0.9);
    // Every Big5 byte pair is also GB18030: decoded so, it is mostly rare characters.
    expect(commonHanziShare(new TextDecoder('gb18030').decode(iconv.encode(traditional, 'big5')))).toBeLessThan(0.3);
  });
});

describe('spacing of Chinese text in PDFs', () => {
  it('takes out the spaces between Han characters and digits, Latin letters, % and punctuation', () => {
    expect(normaliseCjkSpacing('2025 年 1 月 20 日在')).toBe('2025年1月20日在');
    expect(normaliseCjkSpacing('增长 5.8% ，经济总量跨上 5 万亿元台阶 。')).toBe('增长5.8%，经济总量跨上5万亿元台阶。');
    expect(normaliseCjkSpacing('建设 5G 基站')).toBe('建设5G基站');
  });

  it('keeps spaces between Latin words and a single space the document wrote between Han characters', () => {
    expect(normaliseCjkSpacing('Made in China 2025')).toBe('Made in China 2025');
    expect(normaliseCjkSpacing('省长 王清宪作政府工作报告')).toBe('省长 王清宪作政府工作报告');
  });

  it('takes out the gaps of a line stretched by justification', () => {
    expect(isLetterSpaced('速 回 落 影 响 ， 实 现')).toBe(true);
    expect(normaliseCjkSpacing('速 回 落 影 响 ， 实 现 三 季 度 增 长 4.6% 、 追 平 全 国')).toBe('速回落影响，实现三季度增长4.6%、追平全国');
    expect(isLetterSpaced('省长 王清宪作政府工作报告')).toBe(false);
  });

  it('joins wrapped lines without a space, except between Latin words', () => {
    expect(joinPdfLines('经济总量跨上', '5万亿元台阶')).toBe('经济总量跨上5万亿元台阶');
    expect(joinPdfLines('the Belt and', 'Road Initiative')).toBe('the Belt and Road Initiative');
  });
});

// Pages like an A4 print: text from x = 90 to 504, 14 pt type, 31.2 pt between lines.
function page(lines: [text: string, x0: number, x1: number][], top = 742.4, extra: PdfPage['items'] = []): PdfPage {
  return {
    items: [
      ...lines.map(([text, x0, x1], k) => ({ text, x: x0, y: top - 31.2 * k, width: x1 - x0, size: 14 })),
      ...extra,
    ],
  };
}

describe('PDF paragraphs from geometry', () => {
  it('joins wrapped lines and breaks at a short line, an indented line, a gap and across pages', () => {
    const pages: PdfPage[] = [
      page([
        ['　标题', 180, 300],
        ['各位代表：', 90, 160],
        ['现在，我代表省人民政府，向大会报告政府工作，请予审', 118, 504],
        ['议。', 90, 118],
        ['过去一年，全省地区生产总值增长 5.8%，经济总量跨', 118, 504],
        ['上 5 万亿元台阶，粮食产量再创历史新高，规上工业增', 90, 504],
      ]),
      page([
        ['加值增长 9%。', 90, 200],
        ['一、2024 年工作回顾', 118, 260],
      ]),
    ];
    expect(pdfParagraphs(pages)).toEqual([
      '标题',
      '各位代表：',
      '现在，我代表省人民政府，向大会报告政府工作，请予审议。',
      '过去一年，全省地区生产总值增长5.8%，经济总量跨上5万亿元台阶，粮食产量再创历史新高，规上工业增加值增长9%。',
      '一、2024年工作回顾',
    ]);
  });

  it('breaks at a wider gap than the usual line spacing', () => {
    const line = (text: string, y: number, x1 = 504): PdfPage['items'][number] => ({ text, x: 90, y, width: x1 - 90, size: 14 });
    const body: PdfPage = {
      items: [
        line('第一段写满了这一行，一直写到右边的页边距为止，', 700),
        // Three line spacings below: a paragraph of its own although the line above is full.
        line('第二段另起一段，没有缩进，但上方留有空行，也写满', 606.4),
        line('了一行。', 575.2, 150),
        line('第三段同样写满了这一行，一直写到右边的页边距为', 544),
        line('止。', 512.8, 118),
      ],
    };
    expect(pdfParagraphs([body])).toEqual([
      '第一段写满了这一行，一直写到右边的页边距为止，',
      '第二段另起一段，没有缩进，但上方留有空行，也写满了一行。',
      '第三段同样写满了这一行，一直写到右边的页边距为止。',
    ]);
  });

  it('drops page numbers and running headers and footers, and nothing else', () => {
    const line = (text: string, y: number, page: number): PdfLine => ({ text, x0: 90, x1: 504, y, size: 14, page });
    const body = ['经济运行稳中有进，', '产业结构持续优化。', '民生保障扎实有力，', '改革开放走深走实。', '生态环境不断改善，', '社会大局和谐稳定。'];
    const pages = [1, 2, 3].map((n) => [
      line('某某省人民政府公报', 790, n),
      line(body[2 * n - 2]!, 742, n),
      line(body[2 * n - 1]!, 87, n),
      line(n === 2 ? `- ${n} -` : String(n), 50, n),
    ]);
    expect(dropPageFurniture(pages).map((p) => p.map((l) => l.text))).toEqual([body.slice(0, 2), body.slice(2, 4), body.slice(4, 6)]);
    // One page alone has no running header; a number in the body is no page number.
    expect(dropPageFurniture([[line('标题', 790, 0), line('12', 500, 0), line('正文。', 400, 0)]])[0]!.map((l) => l.text)).toEqual(['标题', '12', '正文。']);
  });

  it('drops the gaps pdf.js reports between Han characters as blank pieces', () => {
    const stretched: PdfPage = {
      items: [
        { text: '的省科技', x: 90, y: 700, width: 60, size: 14 },
        { text: ' ', x: 150, y: 700, width: 1.4, size: 14 },
        { text: '攻坚项目由企业牵头，增长', x: 151.7, y: 700, width: 200, size: 14 },
        { text: ' ', x: 352, y: 700, width: 3, size: 14 },
        { text: '5.8%', x: 355, y: 700, width: 30, size: 14 },
        { text: ' GDP', x: 385, y: 700, width: 30, size: 14 },
        { text: ' ', x: 415, y: 700, width: 3, size: 14 },
        { text: 'growth', x: 418, y: 700, width: 40, size: 14 },
      ],
    };
    expect(pdfParagraphs([stretched])).toEqual(['的省科技攻坚项目由企业牵头，增长5.8% GDP growth']);
  });
});

describe('dates', () => {
  it('reads the dates documents and file properties state', () => {
    expect(dateFromChineseText('——2025年1月19日在贵州省第十四届人民代表大会第三次会议上')).toBe('2025-01-19');
    expect(dateFromChineseText('2025 年 1 月 14 日在湖南省')).toBe('2025-01-14');
    expect(normaliseDate('D:20261201184442Z')).toBe('2026-12-01');
    expect(normaliseDate('2025-02-05T02:11:00Z')).toBe('2025-02-05');
    expect(normaliseDate('2025/1/5')).toBe('2025-01-05');
    expect(normaliseDate('2025')).toBe('2025');
    expect(normaliseDate('2025年3月')).toBe('2025-03');
    expect(normaliseDate('2025-13-01')).toBeNull();
    expect(normaliseDate('soon')).toBeNull();
  });
});

describe('sources stated in the text', () => {
  it('reads 来源 and the dated subtitle at the top, not a date in the body', () => {
    expect(sourceFromText('2025年某省政府工作报告\n来源：某省日报\n——2025年1月19日在某省人民代表大会上\n各位代表：\n')).toEqual({
      publisher: '某省日报',
      date: '2025-01-19',
    });
    expect(sourceFromText('标题\n2025年1月，全省经济运行平稳。\n')).toEqual({ publisher: null, date: null });
    expect(sourceFromText('标题\n发布时间：2025-01-20\n来源: 新华社 作者：记者\n')).toEqual({ publisher: '新华社', date: '2025-01-20' });
  });

  it('cuts the publisher where a glued date or another label begins', () => {
    expect(publisherOf('来源：某省人民政府2025年1月17日在某省第十四届人民代表大会第三次会议上')).toBe('某省人民政府');
    expect(publisherOf('来源：新华网 发布时间：2025-01-20')).toBe('新华网');
    expect(publisherOf('正文')).toBeNull();
  });

  it('merges field by field, the first statement that says something winning', () => {
    expect(
      mergeSources({ url: 'https://a', title: null }, { title: '标题', publisher: '日报' }, { publisher: 'typist', date: '2025-02-05' }),
    ).toEqual({ title: '标题', publisher: '日报', date: '2025-02-05', url: 'https://a' });
  });
});

describe('the catalogue', () => {
  it('reads rows in any column order with missing trailing columns, and names the line of each bad row', () => {
    const { entries, warnings } = parseCatalogue(
      '\uFEFFtitle,PATH,date\n标题,a/b.docx,2025年1月19日\n,.\\c\\d.pdf\nx,e.txt,someday\n',
      'catalogue.csv',
    );
    expect([...entries]).toEqual([
      ['a/b.docx', { source: { title: '标题', date: '2025-01-19', url: null, publisher: null }, line: 2 }],
      ['c/d.pdf', { source: { title: null, date: null, url: null, publisher: null }, line: 3 }],
    ]);
    expect(warnings).toEqual(['catalogue.csv:4: date "someday" is not a date (2025-01-20, 2025-01, 2025)']);
    expect(parseCatalogue('url,title\nhttps://a,b\n', 'catalogue.csv').warnings).toEqual([
      'catalogue.csv:1: no "path" column in the header (path,url,title,date,publisher)',
    ]);
  });
});

describe('duplicate fingerprints', () => {
  const report = '过去一年，全省地区生产总值增长5.8%，经济总量跨上5万亿元台阶。粮食产量836.9亿斤，再创历史新高。'.repeat(3);

  it('compare what every format keeps, whatever the spacing, punctuation and line breaks', () => {
    expect(comparableText('增长 5.8%，\n经济Ｇ ＤＰ')).toBe('增长58经济gdp');
    const pdfLike = report.replace(/，/g, ' ， ').replace(/。/g, '。\n');
    expect(jaccard(fingerprint(report), fingerprint(pdfLike))).toBe(1);
    expect(jaccard(fingerprint(report), fingerprint('完全不同的另一篇文章，讲的是别的事情。'.repeat(10)))).toBe(0);
  });

  it('keep the most faithful format, then the first path in code-point order', () => {
    const text = (n: number): Uint32Array => fingerprint(`${report}第${n}号。`.repeat(4));
    const found = findDuplicates([
      { file: 'b.pdf', format: 'pdf', hash: '1', fingerprint: text(1) },
      { file: 'c.html', format: 'html', hash: '2', fingerprint: text(1) },
      { file: 'z.docx', format: 'docx', hash: '3', fingerprint: text(1) },
      { file: 'a.txt', format: 'text', hash: '4', fingerprint: text(1) },
      { file: 'other.txt', format: 'text', hash: '5', fingerprint: fingerprint('另一篇文章的内容，与上面的报告毫无关系，数字也不一样：42。'.repeat(20)) },
    ]);
    expect(found.map((d) => [d.dropped, d.kept])).toEqual([
      ['b.pdf', 'a.txt'],
      ['c.html', 'a.txt'],
      ['z.docx', 'a.txt'],
    ]);
  });
});

describe('choosing the reader', () => {
  it('goes by content where it is unmistakable, else by extension', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7\n\u0000binary');
    expect(await chooseFormat('misnamed.txt', pdf)).toEqual({ format: 'pdf' });
    expect(await chooseFormat('a.htm', new TextEncoder().encode('<p>x</p>'))).toEqual({ format: 'html' });
    expect(await chooseFormat('a.MD', new TextEncoder().encode('# x'))).toEqual({ format: 'text' });
    expect(await chooseFormat('utf16.txt', new Uint8Array([0xff, 0xfe, 0x2d, 0x4e]))).toEqual({ format: 'text' });
    expect(await chooseFormat('a.xlsx', new TextEncoder().encode('x'))).toEqual({ refused: '.xlsx: not a format it reads' });
  });
});
