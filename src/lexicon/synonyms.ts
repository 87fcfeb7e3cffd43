// What people type → what policy documents write. Each row is general vocabulary of the field
// with the reason it holds; a rewrite a single deployment wants belongs in its seeds folder's
// lexicon file (see corpus.ts), not here.

export interface Rewrite {
  /** The forms people type, lower-case (questions are folded before rewriting). */
  readonly typed: readonly string[];
  /** The documents' word. */
  readonly written: string;
  readonly reason: string;
}

export const SYNONYMS: readonly Rewrite[] = [
  { typed: ['gdp目标', 'gdp增长目标', '经济增长目标', '经济增速目标'], written: '生产总值增长目标', reason: 'a GDP target is a growth target' },
  { typed: ['经济增长速度', '经济增长', '经济增速'], written: '生产总值增长', reason: 'GDP growth is written 生产总值增长' },
  { typed: ['gdp'], written: '生产总值', reason: 'GDP itself is written 生产总值' },
  { typed: ['地区生产总值'], written: '生产总值', reason: 'reports write 全省生产总值 and 地区生产总值 alike; the place says whose' },
  { typed: ['增速', '增幅'], written: '增长', reason: 'growth rates are written 增长N%' },
  { typed: ['cpi', '物价涨幅', '物价'], written: '居民消费价格涨幅', reason: 'CPI is written 居民消费价格涨幅' },
  { typed: ['总产量'], written: '总产', reason: 'reports write 粮食总产 as often as 粮食总产量; the shorter matches both' },
  { typed: ['就业目标'], written: '新增就业目标', reason: 'the jobs target is 城镇新增就业' },
  { typed: ['新增就业人数', '就业人数'], written: '新增就业', reason: 'the jobs figure is 城镇新增就业' },
  { typed: ['涨了多少', '涨多少'], written: '增长多少', reason: 'how much something grew' },
  { typed: ['固投'], written: '固定资产投资', reason: 'short form' },
  { typed: ['社零', '社消零', '社会零售总额'], written: '社会消费品零售总额', reason: 'short form' },
  { typed: ['规上工业'], written: '规模以上工业', reason: 'short form' },
  { typed: ['财政收入'], written: '一般公共预算收入', reason: 'the budget revenue reports state is 一般公共预算收入' },
  { typed: ['外贸'], written: '进出口', reason: 'foreign trade is stated as 进出口' },
  { typed: ['研发强度', 'r&d强度'], written: '研发投入强度', reason: 'short form' },
  { typed: ['城镇化率'], written: '常住人口城镇化率', reason: 'the rate reports state' },
  { typed: ['危化品'], written: '危险化学品', reason: 'short form' },
  { typed: ['新基建'], written: '新型基础设施建设', reason: 'short form' },
  { typed: ['中小微企业'], written: '中小企业', reason: 'documents group them as 中小企业' },
  { typed: ['减税和降费'], written: '减税降费', reason: 'the documents\' compound' },
  { typed: ['专项债'], written: '专项债券', reason: 'short form' },
  { typed: ['多大的规模', '多大规模', '规模多大'], written: '规模多少', reason: 'a way of asking for the size' },
];

/** English words for the things policy figures measure, for questions asked in English. */
export const ENGLISH_TERMS: readonly Rewrite[] = [
  { typed: ['china', 'nationally', 'national', 'nationwide'], written: '全国', reason: 'the nation' },
  { typed: ['automotive', 'automobile', 'auto', 'car', 'vehicle'], written: '汽车', reason: 'English' },
  { typed: ['industrial cluster', 'cluster'], written: '集群', reason: 'English' },
  { typed: ['new display', 'display'], written: '新型显示', reason: 'English' },
  { typed: ['robots', 'robot'], written: '机器人', reason: 'English' },
  { typed: ['information consumption'], written: '信息消费', reason: 'English' },
  { typed: ['advanced manufacturing'], written: '先进制造业', reason: 'English' },
  { typed: ['new materials', 'advanced materials'], written: '新材料', reason: 'English' },
  { typed: ['biomedicine', 'biopharmaceuticals', 'biomedical'], written: '生物医药', reason: 'English' },
  { typed: ['new energy vehicles', 'new-energy vehicles', 'electric vehicles', 'evs', 'nevs'], written: '新能源汽车', reason: 'English' },
  { typed: ['integrated circuits', 'semiconductors', 'chips'], written: '集成电路', reason: 'English' },
  { typed: ['digital economy'], written: '数字经济', reason: 'English' },
  { typed: ['industrial internet'], written: '工业互联网', reason: 'English' },
  { typed: ['value added', 'added value'], written: '增加值', reason: 'English' },
  { typed: ['artificial intelligence', 'ai'], written: '人工智能', reason: 'English' },
  { typed: ['tax cuts and fee reductions', 'tax cut and fee reduction', 'tax cuts', 'tax cut'], written: '减税降费', reason: 'English' },
  { typed: ['unemployment rate', 'unemployment'], written: '调查失业率', reason: 'English' },
  { typed: ['employment', 'jobs'], written: '新增就业', reason: 'English' },
  { typed: ['gdp growth rate', 'gdp growth', 'economic growth rate', 'economic growth'], written: '生产总值增长', reason: 'English' },
  { typed: ['local government', 'local governments'], written: '地方政府', reason: 'English' },
  { typed: ['deficit ratio', 'deficit rate', 'deficit-to-gdp ratio'], written: '赤字率', reason: 'English' },
  { typed: ['fiscal deficit', 'budget deficit', 'deficit'], written: '财政赤字', reason: 'English' },
  { typed: ['in yuan', 'yuan', 'rmb'], written: '元', reason: 'English' },
  { typed: ['fixed asset investment', 'fixed-asset investment', 'fixed investment'], written: '固定资产投资', reason: 'English' },
  { typed: ['retail sales of consumer goods', 'retail sales'], written: '社会消费品零售总额', reason: 'English' },
  { typed: ['total imports and exports', 'imports and exports', 'foreign trade'], written: '进出口总额', reason: 'English' },
  { typed: ['grain output', 'grain production', 'grain'], written: '粮食产量', reason: 'English' },
  { typed: ['per capita disposable income', 'disposable income'], written: '人均可支配收入', reason: 'English' },
  { typed: ['consumer prices', 'consumer price index', 'inflation'], written: '居民消费价格涨幅', reason: 'English' },
  { typed: ['special bonds', 'special-purpose bonds', 'special bond'], written: '专项债券', reason: 'English' },
  { typed: ['central budget investment', 'central government budget investment'], written: '中央预算内投资', reason: 'English' },
  { typed: ['new urban jobs', 'urban jobs', 'new jobs'], written: '城镇新增就业', reason: 'English' },
  { typed: ['industrial value added', 'industrial output'], written: '规模以上工业增加值', reason: 'English' },
  { typed: ['growth'], written: '增长', reason: 'English' },
  { typed: ['scale', 'size'], written: '规模', reason: 'English' },
  { typed: ['target', 'goal'], written: '目标', reason: 'English' },
  { typed: ['how many', 'how much', 'what'], written: '多少', reason: 'English question words' },
  { typed: ['when'], written: '何时', reason: 'English question words' },
];

const HAN = /\p{Script=Han}/u;
const LATIN_OR_DIGIT = /[a-z0-9]/;

/**
 * A rewriter of every typed form to its written word, longest forms first. A form is left alone
 * where the written word already stands around it (失业率 inside 调查失业率); Latin forms match
 * whole words only (the ai of chair is no AI). Cost is linear in the text.
 */
export function createRewriter(rows: readonly Rewrite[]): (text: string) => string {
  const byFirst = new Map<string, { typed: string; written: string; latin: boolean }[]>();
  for (const row of rows) {
    for (const typed of row.typed) {
      const forms = byFirst.get(typed[0]!) ?? [];
      forms.push({ typed, written: row.written, latin: !HAN.test(typed) });
      byFirst.set(typed[0]!, forms);
    }
  }
  for (const forms of byFirst.values()) forms.sort((a, b) => b.typed.length - a.typed.length);
  return (text) => {
    let out = '';
    let i = 0;
    outer: while (i < text.length) {
      for (const { typed, written, latin } of byFirst.get(text[i]!) ?? []) {
        if (!text.startsWith(typed, i)) continue;
        if (latin && (LATIN_OR_DIGIT.test(text[i - 1] ?? '') || LATIN_OR_DIGIT.test(text[i + typed.length] ?? ''))) continue;
        const inside = written.indexOf(typed);
        if (inside >= 0 && text.startsWith(written, i - inside)) continue;
        out += written;
        i += typed.length;
        continue outer;
      }
      out += text[i];
      i += 1;
    }
    return out;
  };
}
