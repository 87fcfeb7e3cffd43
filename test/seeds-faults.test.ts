// A seeds folder with everything that is not a document, or not a readable one, beside documents in
// every encoding: each bad entry is skipped with one line saying why and the rest is read.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeeds, readDocument, type SeedsLoad } from '../src/corpus/load.ts';

const FORMATS = new URL('./fixtures/formats/', import.meta.url);
const LIBRARY = new URL('./fixtures/library/', import.meta.url);
const TEXT = '北京：目标\n\n到2022年，规模达1.4万亿元。\n';
const TRADITIONAL = '臺北：發展目標\n\n到2025年，產業規模達到1.4萬億元，較去年增長百分之五。\n';

const utf16be = (text: string): Buffer => {
  const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
};

const xml = (s: string): Uint8Array => new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${s}`);

/** A well-formed .docx with `body` as the content of its <w:body> and a Heading 1 style. */
function docxWith(body: string): Uint8Array {
  return zipSync({
    '[Content_Types].xml': xml(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': xml(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/_rels/document.xml.rels': xml(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    ),
    'word/styles.xml': xml(
      '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style></w:styles>',
    ),
    'word/document.xml': xml(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`),
  });
}

const blankDocx = (): Uint8Array => docxWith('<w:p><w:r><w:t xml:space="preserve"> </w:t></w:r></w:p>');

let dir: string;
let loaded: SeedsLoad;
let warnings: string[];
let socketServer: Server;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zhibiao-faults-'));
  const put = (name: string, bytes: Uint8Array | string): void => writeFileSync(join(dir, name), bytes);
  put('good.txt', TEXT);
  put('big5.txt', iconv.encode(TRADITIONAL, 'big5'));
  put('gbk.txt', iconv.encode(TEXT.replace('北京', '天津'), 'gbk'));
  put('utf16le.txt', Buffer.from(`\uFEFF${TEXT.replace('北京', '上海')}`, 'utf16le'));
  put('utf16be.txt', utf16be(TEXT.replace('北京', '重庆')));
  put('zz-copy-of-good.txt', TEXT);
  put('empty.txt', '');
  put('undecodable.txt', Buffer.from([0xe5, 0xb9, 0xbf, 0xff, 0xfe, 0x41]));
  put('huge.txt', `${'大'.repeat(1_000)}。`);
  put('picture.png', readFileSync(new URL('scan.png', FORMATS)));
  put('picture-named.txt', readFileSync(new URL('scan.png', FORMATS)));
  put('archive.zip', zipSync({ 'a.txt': new TextEncoder().encode(TEXT) }));
  put('not-a-zip.docx', 'this is not a docx');
  put('hollow.docx', zipSync({ 'readme.txt': new TextEncoder().encode('no word/document.xml here') }));
  put('blank.docx', blankDocx());
  put('navigation-only.html', '<html><body><nav>首页 | 新闻</nav><script>var a = 1;</script></body></html>');
  put('not-a-pdf.pdf', '%PDF-1.7\n1 0 obj garbage');
  copyFileSync(new URL('scanned.pdf', FORMATS), join(dir, 'scanned.pdf'));
  put('notes.json', '{"a": 1}');
  put('.hidden.txt', TEXT);
  put('catalogue.csv', 'path,url\ngood.txt,https://example.org/good\n');
  mkdirSync(join(dir, '.git'));
  put('.git/HEAD.txt', TEXT);
  mkdirSync(join(dir, 'folder.txt'));
  put('folder.txt/inner.txt', TEXT.replace('北京', '广州'));
  mkdirSync(join(dir, 'real'));
  put('real/a.txt', TEXT.replace('北京', '深圳'));
  symlinkSync(join(dir, 'real'), join(dir, 'a-link-to-real'));
  symlinkSync('..', join(dir, 'real', 'up'));
  symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'dangling.txt'));
  symlinkSync('loop.txt', join(dir, 'loop.txt'));
  symlinkSync('/dev/null', join(dir, 'device.txt'));
  spawnSync('mkfifo', [join(dir, 'fifo.txt')]);
  symlinkSync(join(dir, 'fifo.txt'), join(dir, 'link-to-fifo.txt'));
  socketServer = createServer();
  await new Promise<void>((resolve) => socketServer.listen(join(dir, 'socket.txt'), resolve));
  warnings = [];
  loaded = await loadSeeds(dir, { warn: (line) => warnings.push(line), maxBytes: 2_000 });
});

afterAll(async () => {
  await new Promise<void>((resolve) => socketServer.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

describe('a seeds folder of faults', () => {
  it('reads the documents, in every encoding, and folders, also one named x.txt and one reached by a link', () => {
    expect(loaded.documents.map((d) => d.file)).toEqual([
      'big5.txt',
      'folder.txt/inner.txt',
      'gbk.txt',
      'good.txt',
      'real/a.txt',
      'utf16be.txt',
      'utf16le.txt',
    ]);
    const first = (file: string): string => loaded.documents.find((d) => d.file === file)!.articles[0]!.headline;
    expect(first('big5.txt')).toBe('臺北：發展目標');
    expect(first('gbk.txt')).toBe('天津：目标');
    expect(first('utf16le.txt')).toBe('上海：目标');
    expect(first('utf16be.txt')).toBe('重庆：目标');
  });

  it('skips each bad entry with the reason, one line each', () => {
    expect(loaded.report.skipped).toEqual([
      { file: 'a-link-to-real/', reason: 'a link to a folder already read (real/)' },
      { file: 'archive.zip', reason: 'an archive (zip)' },
      { file: 'blank.docx', reason: 'no text in it' },
      { file: 'dangling.txt', reason: 'a dangling symlink (its target does not exist)' },
      { file: 'device.txt', reason: 'a device, not a document' },
      { file: 'empty.txt', reason: 'empty' },
      { file: 'fifo.txt', reason: 'a FIFO (named pipe), not a document' },
      { file: 'hollow.docx', reason: expect.stringMatching(/^corrupt docx \(/) },
      { file: 'huge.txt', reason: 'too large (3 kB; the limit is 2 kB)' },
      { file: 'link-to-fifo.txt', reason: 'a FIFO (named pipe), not a document' },
      { file: 'loop.txt', reason: 'a symlink loop (ELOOP)' },
      { file: 'navigation-only.html', reason: 'no text in it' },
      { file: 'not-a-pdf.pdf', reason: expect.stringMatching(/^corrupt pdf \(/) },
      { file: 'not-a-zip.docx', reason: expect.stringMatching(/^corrupt docx \(/) },
      { file: 'notes.json', reason: '.json: not a format it reads' },
      { file: 'picture-named.txt', reason: 'an image (png)' },
      { file: 'picture.png', reason: 'an image (png)' },
      { file: 'real/up/', reason: 'a link to a folder already read (the seeds folder)' },
      { file: 'scanned.pdf', reason: 'no text layer (a scan? 1 page of images only)' },
      { file: 'socket.txt', reason: 'a socket, not a document' },
      { file: 'undecodable.txt', reason: 'undecodable: cannot decode as UTF-8, GB18030 or Big5: bad byte 0xFF at offset 3' },
    ]);
    const skipLines = warnings.filter((w) => w.startsWith('skipping '));
    expect(skipLines).toHaveLength(loaded.report.skipped.length);
    loaded.report.skipped.forEach((s, k) => {
      expect(skipLines[k]).toBe(`skipping ${join(dir, s.file)}: ${s.reason}`);
      expect(skipLines[k]).not.toContain('\n');
    });
  });

  it('indexes two identical files once, naming both', () => {
    expect(loaded.report.duplicates).toEqual([{ kept: 'good.txt', dropped: 'zz-copy-of-good.txt', similarity: 1, identicalBytes: true }]);
    expect(warnings).toContain(
      `duplicate: ${join(dir, 'zz-copy-of-good.txt')} is the same document as ${join(dir, 'good.txt')} (identical bytes); indexing good.txt only`,
    );
  });

  it('passes over hidden files and folders and the catalogue without a word', () => {
    expect(warnings.filter((w) => !w.startsWith('skipping ') && !w.startsWith('duplicate: '))).toEqual([]);
    expect(warnings.some((w) => w.includes('/.hidden.txt') || w.includes('/.git') || w.includes('/catalogue.csv'))).toBe(false);
    expect(loaded.report.read.map((r) => r.format)).toEqual(Array(7).fill('text'));
  });
});

describe('an unreadable file (EACCES)', () => {
  // root reads any file whatever its mode: the load then runs without root's power to override
  // file permissions (CAP_DAC_OVERRIDE), as a service account would.
  it('is skipped with the reason and the rest is read', () => {
    const seeds = mkdtempSync(join(tmpdir(), 'zhibiao-eacces-'));
    try {
      writeFileSync(join(seeds, 'a.txt'), TEXT);
      writeFileSync(join(seeds, 'secret.txt'), TEXT.replace('北京', '上海'));
      chmodSync(join(seeds, 'secret.txt'), 0o000);
      mkdirSync(join(seeds, 'closed'));
      writeFileSync(join(seeds, 'closed', 'b.txt'), TEXT);
      chmodSync(join(seeds, 'closed'), 0o000);
      const script = `import { loadSeeds } from ${JSON.stringify(new URL('../src/corpus/load.ts', import.meta.url).href)};
const lines = []; const { documents, report } = await loadSeeds(process.argv.at(-1), { warn: (l) => lines.push(l) });
console.log(JSON.stringify({ files: documents.map((d) => d.file), skipped: report.skipped, lines }));`;
      const node = [process.execPath, '--import', 'tsx', '--input-type=module', '-e', script, seeds];
      const dropped = '-dac_override,-dac_read_search';
      const command = process.getuid?.() === 0 ? ['setpriv', `--bounding-set=${dropped}`, `--inh-caps=${dropped}`, ...node] : node;
      const result = spawnSync(command[0]!, command.slice(1), { encoding: 'utf8', cwd: new URL('..', import.meta.url).pathname });
      expect(result.status, result.stderr).toBe(0);
      const out = JSON.parse(result.stdout) as { files: string[]; skipped: { file: string; reason: string }[]; lines: string[] };
      expect(out.files).toEqual(['a.txt']);
      expect(out.skipped).toEqual([
        { file: 'closed/', reason: 'unreadable (EACCES: permission denied)' },
        { file: 'secret.txt', reason: 'unreadable (EACCES: permission denied)' },
      ]);
      expect(out.lines).toEqual([
        `skipping ${join(seeds, 'closed/')}: unreadable (EACCES: permission denied)`,
        `skipping ${join(seeds, 'secret.txt')}: unreadable (EACCES: permission denied)`,
      ]);
    } finally {
      chmodSync(join(seeds, 'closed'), 0o755);
      rmSync(seeds, { recursive: true, force: true });
    }
  });
});

describe('the same report in several formats', () => {
  it('indexes it once, the most faithful format kept, with a notice naming both files', async () => {
    const seeds = mkdtempSync(join(tmpdir(), 'zhibiao-same-'));
    try {
      mkdirSync(join(seeds, 'docx'));
      mkdirSync(join(seeds, 'pdf'));
      mkdirSync(join(seeds, 'txt'));
      copyFileSync(new URL('provinces-2025/2025年湖南省政府工作报告.docx', LIBRARY), join(seeds, 'docx', '湖南.docx'));
      copyFileSync(new URL('pdf/2025年湖南省政府工作报告.pdf', LIBRARY), join(seeds, 'pdf', 'a-湖南.pdf'));
      copyFileSync(new URL('provinces-2025-txt/2025_hunan_government_work_report.txt', LIBRARY), join(seeds, 'txt', '湖南.txt'));
      copyFileSync(new URL('provinces-2025-txt/2025_anhui_government_work_report.txt', LIBRARY), join(seeds, 'txt', '安徽.txt'));
      const lines: string[] = [];
      const { documents, report } = await loadSeeds(seeds, { warn: (line) => lines.push(line) });
      expect(documents.map((d) => d.file)).toEqual(['docx/湖南.docx', 'txt/安徽.txt']);
      expect(report.duplicates.map((d) => [d.dropped, d.kept, d.identicalBytes])).toEqual([
        ['pdf/a-湖南.pdf', 'docx/湖南.docx', false],
        ['txt/湖南.txt', 'docx/湖南.docx', false],
      ]);
      expect(report.duplicates.every((d) => d.similarity >= 0.99)).toBe(true);
      expect(lines).toEqual([
        `duplicate: ${join(seeds, 'pdf/a-湖南.pdf')} is the same document as ${join(seeds, 'docx/湖南.docx')} (100% of its text the same); indexing docx/湖南.docx only`,
        `duplicate: ${join(seeds, 'txt/湖南.txt')} is the same document as ${join(seeds, 'docx/湖南.docx')} (100% of its text the same); indexing docx/湖南.docx only`,
      ]);
    } finally {
      rmSync(seeds, { recursive: true, force: true });
    }
  });
});

describe('the catalogue', () => {
  it('fills in what the file does not say and wins where both say it; a bad row is one warning naming file:line', async () => {
    const seeds = mkdtempSync(join(tmpdir(), 'zhibiao-catalogue-'));
    try {
      mkdirSync(join(seeds, 'reports'));
      copyFileSync(new URL('provinces-2025/2025年内蒙古自治区政府工作报告.docx', LIBRARY), join(seeds, 'reports', 'nmg.docx'));
      writeFileSync(join(seeds, 'plain.txt'), TEXT);
      writeFileSync(
        join(seeds, 'catalogue.csv'),
        [
          'Path,URL,Title,Date,Publisher',
          'reports/nmg.docx,https://www.nmg.gov.cn/report,,2025-01-14,内蒙古自治区人民政府',
          'plain.txt,,北京的目标,2022,',
          'missing.txt,https://example.org/missing,,,',
          'plain.txt,ftp://example.org,,,',
          ',https://example.org/no-path,,,',
          'reports/nmg.docx,,,not a date,',
          'too,many,fields,in,this,row',
          'plain.txt,https://example.org/again,,,',
        ].join('\n'),
      );
      const lines: string[] = [];
      const { documents, report } = await loadSeeds(seeds, { warn: (line) => lines.push(line) });
      const nmg = documents.find((d) => d.file === 'reports/nmg.docx')!;
      expect(nmg.source).toEqual({
        title: '2025年内蒙古自治区政府工作报告',
        publisher: '内蒙古自治区人民政府',
        date: '2025-01-14',
        url: 'https://www.nmg.gov.cn/report',
      });
      const plain = documents.find((d) => d.file === 'plain.txt')!;
      expect(plain.source).toEqual({ title: '北京的目标', publisher: null, date: '2022', url: null });
      // A catalogued date gives the year 今年 means when the text gives none.
      expect(plain.year).toBe(2022);
      const at = (n: number): string => join(seeds, `catalogue.csv:${n}`);
      // csv-parse reports the row of too many fields while parsing, the rest follow row by row.
      expect(lines).toEqual([
        `${at(8)}: Invalid Record Length: columns length is 5, got 6`,
        `${at(5)}: url is not an http(s) address`,
        `${at(6)}: no path`,
        `${at(7)}: date "not a date" is not a date (2025-01-20, 2025-01, 2025)`,
        `${at(9)}: plain.txt is already catalogued above`,
        `${at(4)}: no document missing.txt was read`,
      ]);
      expect(report.catalogue).toEqual(lines.map((l) => l.slice(seeds.length + 1)));
    } finally {
      rmSync(seeds, { recursive: true, force: true });
    }
  });

  it('never stops the load: an unparseable catalogue is one warning', async () => {
    const seeds = mkdtempSync(join(tmpdir(), 'zhibiao-catalogue-'));
    try {
      writeFileSync(join(seeds, 'plain.txt'), TEXT);
      writeFileSync(join(seeds, 'catalogue.csv'), 'path,url\n"plain.txt,https://example.org\n');
      const lines: string[] = [];
      const { documents } = await loadSeeds(seeds, { warn: (line) => lines.push(line) });
      expect(documents.map((d) => d.file)).toEqual(['plain.txt']);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/catalogue\.csv:\d+: .*[Qq]uote/);
    } finally {
      rmSync(seeds, { recursive: true, force: true });
    }
  });
});

describe('.docx structure', () => {
  it('keeps a heading a paragraph of its own, joins runs and line breaks as the text export does, reads tables by cell', async () => {
    const { readDocx } = await import('../src/corpus/read-docx.ts');
    const run = (text: string): string => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
    const docx = docxWith(
      `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>${run('一、2024年工作回顾')}</w:p>` +
        `<w:p>${run('来源：某省人民政府')}<w:r><w:br/></w:r>${run('2025')}${run('年1月17日在会议上')}</w:p>` +
        `<w:p></w:p>` +
        `<w:tbl><w:tr><w:tc><w:p>${run('地区')}</w:p></w:tc><w:tc><w:p>${run('目标')}</w:p></w:tc></w:tr></w:tbl>` +
        `<w:p>${run('  省长 ')}${run('某某')}</w:p>`,
    );
    expect((await readDocx(docx)).text.split('\n')).toEqual([
      '一、2024年工作回顾',
      '来源：某省人民政府2025年1月17日在会议上',
      '地区',
      '目标',
      '  省长 某某',
    ]);
  });
});

describe('plain text', () => {
  it('keeps the offsets of the text path: paragraph offsets point into the decoded text', () => {
    const bytes = iconv.encode(TRADITIONAL, 'big5');
    const doc = readDocument('big5.txt', bytes);
    const p = doc.articles[0]!.paragraphs[0]!;
    expect(TRADITIONAL.slice(p.start, p.end)).toBe(p.text);
  });
});
