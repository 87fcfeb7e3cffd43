// Word segmentation with jieba. jieba's dictionaries are global to the process and every `load()`
// resets them, so this module owns the one load and the user words inserted after it.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { foldForMatching } from './fold.ts';

type Jieba = typeof import('nodejieba');
const jieba = createRequire(import.meta.url)('nodejieba') as Jieba;

/** Domain terms jieba's own dictionary splits apart (超高|清|视频) and that users ask about whole. */
export const DOMAIN_TERMS: readonly string[] = [
  '超高清视频', '超高清显示', '工业互联网', '先进制造业', '上云上平台', '新型显示', '信息消费',
  '智能工厂', '数字化车间', '减税降费', '地级市', '增加值', '国内生产总值', '地区生产总值',
  '生产总值', '创新中心', '产业集群', '智能制造', '人工智能', '机器人', '新增就业', '调查失业率',
  '居民消费价格', '赤字率', '粮食产量', '能耗', '智能装备', '新材料', '生物医药',
  '新能源汽车', '车联网', '物联网', '大数据', '云计算', '区块链', '集成电路',
  '中小企业', '小微企业', '规模以上', '一般公共预算', '专项债券', '超长期特别国债',
  '研发经费', '数字经济', '核心产业', '5G', '4K', '8K', 'IPv6',
];

const QUOTED_TERM = /[“"《]([^”"》\n]{2,16})[”"》]/g;
const HAN = /\p{Script=Han}/u;
// jieba takes a user word whole only when it is made of letters, digits and Han characters.
const DICTIONARY_WORD = /^[\p{Script=Han}a-z0-9]+$/u;

/** Terms a corpus names itself: words in “” and titles in 《》, with the domain terms. */
export function collectUserTerms(texts: Iterable<string>): string[] {
  const terms = new Set<string>(DOMAIN_TERMS.map(foldForMatching));
  for (const text of texts) {
    for (const match of text.matchAll(QUOTED_TERM)) {
      const term = foldForMatching(match[1] ?? '').trim();
      if (term.length >= 2 && HAN.test(term) && DICTIONARY_WORD.test(term)) terms.add(term);
    }
  }
  return [...terms].sort();
}

let loadedTermsHash: string | null = null;

// jieba also loads a 6 MB dictionary for keyword extraction, which nothing here uses: a one-line
// stand-in saves about 150 ms of start-up and 19 MB (an empty file trips an assertion in jieba).
const UNUSED_KEYWORD_DICTIONARY = fileURLToPath(new URL('./keyword-idf.utf8', import.meta.url));

/** Hash of a user dictionary: a saved index built with another dictionary is stale. */
export function hashTerms(terms: readonly string[]): string {
  return createHash('sha256').update(terms.join('\n')).digest('hex').slice(0, 16);
}

/**
 * Loads jieba with the user terms, once per distinct dictionary. Every other function of this
 * module assumes it ran; if it did not, jieba's default dictionary is loaded on first use.
 */
export function loadDictionary(terms: readonly string[]): string {
  const hash = hashTerms(terms);
  if (loadedTermsHash === hash) return hash;
  jieba.load({ idfDict: UNUSED_KEYWORD_DICTIONARY });
  for (const term of terms) jieba.insertWord(term);
  subWordCache.clear();
  loadedTermsHash = hash;
  return hash;
}

function ensureLoaded(): void {
  if (loadedTermsHash === null) loadDictionary(collectUserTerms([]));
}

// Magnitudes and units that stay glued to the number before them: 3000|亿元 → 3000亿元.
const NUMBER_TOKEN = /^\d+(?:\.\d+)?$/;
const UNIT_TOKEN =
  /^(?:万亿元|万亿|亿元|亿|万元|万|千|%|个|家|台|套|人|名|项|所|座|公里|千米|米|亩|吨|千瓦|标箱|斤|户|件|辆|条|倍|元|美元)$/;

function startsWithDigit(token: string): boolean {
  const code = token.charCodeAt(0);
  return code >= 48 && code <= 57;
}

function mergeNumbersWithUnits(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    if (next !== undefined && startsWithDigit(token) && NUMBER_TOKEN.test(token) && UNIT_TOKEN.test(next)) {
      out.push(token + next);
      i++;
    } else {
      out.push(token);
    }
  }
  return out;
}

const WORDLESS = /^[\s\p{P}\p{S}]+$/u;

/** Punctuation, symbols and spaces only; a Han character first settles it without the pattern. */
function isWordless(token: string): boolean {
  const code = token.charCodeAt(0);
  if (code >= 0x4e00 && code <= 0x9fff) return false;
  return WORDLESS.test(token);
}

/**
 * The words of a text as a reader splits it: folded (width, script, case), numbers with their
 * units kept whole, punctuation dropped. jieba's second argument is useHMM: without it 6000
 * comes out as 6|0|0|0.
 */
export function cutWords(text: string): string[] {
  ensureLoaded();
  const words = mergeNumbersWithUnits(jieba.cut(foldForMatching(text), true));
  return words.filter((w) => !isWordless(w));
}

/**
 * The search tokens of a text, for documents and questions alike: the words plus the shorter words
 * inside long ones (工业互联网 → 工业, 互联网), because the index matches by token prefix only.
 * Lower-case and without repeats, as the index requires.
 */
export function searchTokens(text: string): string[] {
  ensureLoaded();
  const tokens = new Set<string>();
  for (const word of mergeNumbersWithUnits(jieba.cut(foldForMatching(text), true))) {
    if (isWordless(word)) continue;
    for (const part of subWordsOf(word)) tokens.add(part);
    tokens.add(word);
  }
  return [...tokens];
}

// Words repeat across a corpus far more than they vary: splitting each distinct long word once, as
// jieba's cutForSearch does word by word, keeps the tokenizer close to jieba's raw speed.
const SUB_WORD_CACHE_LIMIT = 200_000;
const subWordCache = new Map<string, readonly string[]>();
const NO_PARTS: readonly string[] = [];

/** The shorter words inside a long one (工业互联网 → 工业, 互联网 …), cached; none for short words. */
export function subWordsOf(word: string): readonly string[] {
  if (word.length < 3 || startsWithDigit(word)) return NO_PARTS;
  let parts = subWordCache.get(word);
  if (parts === undefined) {
    parts = jieba.cutForSearch(word, true).filter((part) => part !== word && !isWordless(part));
    if (subWordCache.size >= SUB_WORD_CACHE_LIMIT) subWordCache.clear();
    subWordCache.set(word, parts);
  }
  return parts;
}
