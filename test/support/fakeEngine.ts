// A stand-in Engine that answers from records built by hand (checked by the shared schemas), for
// tests of rendering and wiring that must not depend on the index. End-to-end tests use the real engine.
import { AnswerSchema, TargetSchema, type Answer, type Figure, type Target } from '../../src/model.ts';
import type { ClaimCheck, Engine, IndexSummary, TargetFilter } from '../../src/qa/types.ts';
import { conflictLine, describeTarget } from '../../src/qa/wording.ts';

const GUANGZHOU_QUOTE = '打造汽车、超高清视频及新型显示两大世界级先进制造业集群，规模分别达到6000亿元、2300亿元；';

export function figure(text: string, value: number | [number, number], unit: string, qualifier: Figure['qualifier'] = 'eq', baseUnit = '元', start = 0): Figure {
  const magnitude = unit.startsWith('万亿') ? 1e12 : unit.startsWith('亿') ? 1e8 : unit.startsWith('万') ? 1e4 : 1;
  const base = Array.isArray(value) ? ([value[0] * magnitude, value[1] * magnitude] as [number, number]) : value * magnitude;
  return { text, value, unit, base, baseUnit, qualifier, kind: baseUnit === '元' ? 'money' : 'other', start, end: start + text.length };
}

export function target(overrides: Partial<Target> & { quote: string; figureText?: string }): Target {
  const { quote, figureText, ...rest } = overrides;
  const at = figureText ? quote.indexOf(figureText) : 0;
  return TargetSchema.parse({
    id: `t-${Math.random().toString(36).slice(2)}`,
    region: '广州',
    metric: '汽车产业集群规模',
    subject: '汽车',
    figure: figureText ? figure(figureText, 6000, '亿元', 'eq', '元', at) : null,
    year: 2021,
    kind: 'target',
    citation: {
      doc: '000_b75a479856194727.txt',
      article: '广州：力争2021年先进制造业增加值超3000亿元',
      paragraph: 2,
      quote,
      start: 0,
      end: quote.length,
      paragraphId: '000_b75a479856194727.txt#3.2',
    },
    ...rest,
  });
}

export const guangzhouCars = target({ quote: GUANGZHOU_QUOTE, figureText: '6000亿元' });

/** An answer record; its line is worded as the engine words it, from its first target. */
export function answer(overrides: Partial<Answer> & Pick<Answer, 'question'>): Answer {
  const targets = overrides.targets ?? [guangzhouCars];
  return AnswerSchema.parse({
    status: 'answered',
    answer: overrides.conflict ? conflictLine(targets.slice(0, 2)) : targets[0] ? describeTarget(targets[0]) : '',
    targets,
    citations: [guangzhouCars.citation],
    conflict: false,
    ...overrides,
  });
}

export interface FakeEngineOptions {
  ask?: (question: string) => Answer;
  targets?: (filter: TargetFilter) => Target[];
  checkClaims?: (text: string) => ClaimCheck[];
}

export function fakeEngine(options: FakeEngineOptions = {}): Engine & { questions: string[] } {
  const questions: string[] = [];
  return {
    questions,
    ask(question) {
      questions.push(question);
      return options.ask ? options.ask(question) : answer({ question });
    },
    targets(filter) {
      return options.targets ? options.targets(filter) : [guangzhouCars];
    },
    checkClaims(text) {
      return options.checkClaims ? options.checkClaims(text) : [];
    },
    summary(): IndexSummary {
      return { documents: 1, paragraphs: 2, targets: 3 };
    },
    coverage() {
      return { places: [{ place: '广州', targets: 3 }], years: [{ year: 2021, targets: 3 }], documents: [] };
    },
  };
}
