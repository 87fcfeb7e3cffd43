import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeBytes, decodeDocumentText, firstInvalidUtf8Offset } from '../src/corpus/decode.ts';
import { DecodeError, SeedsError, loadSeeds, readDocument } from '../src/corpus/load.ts';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const concat = (...parts: (Uint8Array | number[])[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

const TEXT = '北京：目标\n\n到2022年，规模达1.4万亿元。\n';
// TEXT encoded as GB18030 (Node can decode GB18030 but has no encoder for it).
const TEXT_GB18030 = [
  0xb1, 0xb1, 0xbe, 0xa9, 0xa3, 0xba, 0xc4, 0xbf, 0xb1, 0xea, 0x0a, 0x0a, 0xb5, 0xbd, 0x32, 0x30, 0x32, 0x32, 0xc4,
  0xea, 0xa3, 0xac, 0xb9, 0xe6, 0xc4, 0xa3, 0xb4, 0xef, 0x31, 0x2e, 0x34, 0xcd, 0xf2, 0xd2, 0xda, 0xd4, 0xaa, 0xa1,
  0xa3, 0x0a,
];
const BOM = [0xef, 0xbb, 0xbf];

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zhibiao-seeds-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function put(name: string, bytes: Uint8Array | string): Promise<void> {
  await writeFile(join(dir, name), typeof bytes === 'string' ? utf8(bytes) : bytes);
}

function summary(doc: { articles: { headline: string; paragraphs: { text: string }[] }[] }): string[][] {
  return doc.articles.map((a) => [a.headline, ...a.paragraphs.map((p) => p.text)]);
}

describe('loadSeeds', () => {
  it('reads every .txt and .md in the folder and its subfolders, sorted by path in code-point order', async () => {
    await put('b.md', TEXT.replace('北京', '上海'));
    await put('a.txt', TEXT);
    await put('c.json', TEXT.replace('北京', '天津'));
    await put('notes', TEXT.replace('北京', '重庆'));
    await mkdir(join(dir, 'sub'));
    await writeFile(join(dir, 'sub', '0.txt'), TEXT.replace('北京', '广州'));
    await writeFile(join(dir, 'sub-1.txt'), TEXT.replace('北京', '深圳'));
    const warnings: string[] = [];
    const { documents, report } = await loadSeeds(dir, { warn: (line) => warnings.push(line) });
    // '-' (U+002D) sorts before '/' (U+002F): the order of the whole path, not of a walk.
    expect(documents.map((d) => d.file)).toEqual(['a.txt', 'b.md', 'sub-1.txt', 'sub/0.txt']);
    expect(summary(documents[0]!)).toEqual([['北京：目标', '到2022年，规模达1.4万亿元。']]);
    expect(documents[3]!.articles[0]!.paragraphs[0]!.id).toBe('sub/0.txt#1.1');
    expect(report.skipped).toEqual([
      { file: 'c.json', reason: '.json: not a format it reads' },
      { file: 'notes', reason: 'no extension: not a format it reads' },
    ]);
    expect(warnings).toEqual([
      `skipping ${join(dir, 'c.json')}: .json: not a format it reads`,
      `skipping ${join(dir, 'notes')}: no extension: not a format it reads`,
    ]);
  });

  it('hashes the file bytes with sha256', async () => {
    const bytes = concat(BOM, utf8(TEXT));
    await put('a.txt', bytes);
    const [doc] = (await loadSeeds(dir)).documents;
    expect(doc!.hash).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(doc!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads UTF-8 with a BOM, CRLF and CR line endings as the same document', async () => {
    await put('1_plain.txt', TEXT);
    await put('2_bom.txt', concat(BOM, utf8(TEXT)));
    await put('3_crlf.txt', TEXT.replace(/\n/g, '\r\n'));
    await put('4_cr.txt', concat(BOM, utf8(TEXT.replace(/\n/g, '\r'))));
    // Read one at a time: in one folder they would be one document four times.
    const docs = ['1_plain.txt', '2_bom.txt', '3_crlf.txt', '4_cr.txt'].map((name) => readDocument(name, readFileSync(join(dir, name))));
    for (const doc of docs) {
      expect(summary(doc)).toEqual(summary(docs[0]!));
      const p = doc.articles[0]!.paragraphs[0]!;
      expect(p).toMatchObject({ start: 7, end: 24 });
      expect(TEXT.slice(p.start, p.end)).toBe(p.text);
    }
  });

  it('detects and decodes GB18030', async () => {
    await put('gb.txt', new Uint8Array(TEXT_GB18030));
    const [doc] = (await loadSeeds(dir)).documents;
    expect(summary(doc!)).toEqual([['北京：目标', '到2022年，规模达1.4万亿元。']]);
    expect(decodeBytes('x', new Uint8Array([0xd6, 0xd0, 0xce, 0xc4]))).toEqual({ text: '中文', encoding: 'gb18030' });
  });

  it('skips bytes that are neither UTF-8, GB18030 nor Big5 with one line naming the file and the offset, and reads the rest', async () => {
    await put('ok.txt', TEXT);
    await put('broken.txt', concat(utf8('abc'), [0xff], utf8('def')));
    const warnings: string[] = [];
    const { documents, report } = await loadSeeds(dir, { warn: (line) => warnings.push(line) });
    expect(documents.map((d) => d.file)).toEqual(['ok.txt']);
    expect(warnings).toEqual([
      `skipping ${join(dir, 'broken.txt')}: undecodable: cannot decode as UTF-8, GB18030 or Big5: bad byte 0xFF at offset 3`,
    ]);
    expect(report.skipped.map((s) => s.file)).toEqual(['broken.txt']);
    const error = (() => {
      try {
        return readDocument('broken.txt', readFileSync(join(dir, 'broken.txt')));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DecodeError);
    expect((error as DecodeError).offset).toBe(3);
  });

  it('reports where GB18030 text breaks, not the first byte that is not UTF-8', () => {
    const bytes = concat(new Uint8Array(TEXT_GB18030.slice(0, 10)), [0xff], new Uint8Array(TEXT_GB18030.slice(10)));
    expect(() => readDocument('gb.txt', bytes)).toThrow(DecodeError);
    expect(() => readDocument('gb.txt', bytes)).toThrow(/^gb\.txt: .*byte 0xFF at offset 10$/);
  });

  it('skips empty and whitespace-only files with a one-line warning each', async () => {
    await put('a.txt', '');
    await put('b.txt', '\r\n\u3000\u3000 \n\u200B\n');
    await put('c.txt', concat(BOM));
    await put('d.txt', TEXT);
    const warnings: string[] = [];
    const docs = (await loadSeeds(dir, { warn: (line) => warnings.push(line) })).documents;
    expect(docs.map((d) => d.file)).toEqual(['d.txt']);
    expect(warnings).toHaveLength(3);
    for (const [k, name] of ['a.txt', 'b.txt', 'c.txt'].entries()) {
      expect(warnings[k]).toContain(name);
      expect(warnings[k]).not.toContain('\n');
    }
  });

  it('throws a one-line SeedsError for a missing folder or a file in its place', async () => {
    const missing = join(dir, 'nope');
    const error = await loadSeeds(missing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedsError);
    expect((error as Error).message).toContain(missing);
    expect((error as Error).message).not.toContain('\n');
    await put('file.txt', TEXT);
    await expect(loadSeeds(join(dir, 'file.txt'))).rejects.toThrow(SeedsError);
  });

  it('loads the shipped seed', async () => {
    const docs = (await loadSeeds(new URL('../seeds', import.meta.url).pathname)).documents;
    expect(docs.map((d) => d.file)).toEqual(['000_b75a479856194727.txt']);
    expect(docs[0]!.articles).toHaveLength(8);
  });
});

describe('decode', () => {
  it('finds the first byte that breaks UTF-8', () => {
    expect(firstInvalidUtf8Offset(utf8('中文 ok 😀'))).toBe(-1);
    expect(firstInvalidUtf8Offset(new Uint8Array([0x61, 0xc0, 0x80]))).toBe(1); // overlong
    expect(firstInvalidUtf8Offset(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0); // surrogate
    expect(firstInvalidUtf8Offset(new Uint8Array([0x61, 0x62, 0xe4, 0xb8]))).toBe(2); // truncated
    expect(firstInvalidUtf8Offset(new Uint8Array([0x80]))).toBe(0);
  });

  it('removes the BOM and normalises line endings in the decoded document text', () => {
    expect(decodeDocumentText('x', concat(BOM, utf8('a\r\nb\rc\n')))).toBe('a\nb\nc\n');
    expect(decodeBytes('x', concat([0xff, 0xfe], [0x2d, 0x4e, 0x87, 0x65]))).toEqual({ text: '中文', encoding: 'utf-16le' });
  });
});
