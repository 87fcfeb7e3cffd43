// The feedback form a 👎 opens, and reading what comes back: the values Slack returns are checked
// here (zod) before anything is kept. Pure: records in, Block Kit views out.
import type { types } from '@slack/bolt';
import { z } from 'zod';
import { FEEDBACK_REASON_WORDS } from '../qa/wording.ts';
import { FeedbackCitationSchema, FeedbackReasonSchema, type FeedbackReason } from '../store/feedback.ts';
import { clipEscaped, context, section } from './blocks.ts';

/** callback_id of the feedback form. */
export const FEEDBACK_FORM_CALLBACK_ID = 'feedback_form';
const REASON_BLOCK = 'reason';
const REASON_ACTION = 'reason';
const NOTE_BLOCK = 'note';
const NOTE_ACTION = 'note';
export const NOTE_MAX_LENGTH = 1000;
// Slack keeps at most 3000 characters of private_metadata.
const METADATA_LIMIT = 3000;

/** What a feedback button under an answer carries: the question and the citation shown first. */
export const FeedbackTargetSchema = z.object({
  q: z.string(),
  c: FeedbackCitationSchema.nullable(),
});
export type FeedbackTarget = z.infer<typeof FeedbackTargetSchema>;

/** What the form keeps between opening and submission (its private_metadata). */
export const FeedbackFormStateSchema = FeedbackTargetSchema.extend({
  /** The answer as the message showed it. */
  a: z.string(),
  channel: z.string().min(1),
  ts: z.string().min(1),
});
export type FeedbackFormState = z.infer<typeof FeedbackFormStateSchema>;

export function parseFeedbackTarget(value: string | undefined): FeedbackTarget | null {
  try {
    const parsed = FeedbackTargetSchema.safeParse(JSON.parse(value ?? ''));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The form's private_metadata: the state, its answer cut until it fits. */
function formMetadata(state: FeedbackFormState): string {
  let answer = state.a;
  for (;;) {
    const metadata = JSON.stringify({ ...state, a: answer });
    if (metadata.length <= METADATA_LIMIT || answer === '') return metadata;
    answer = answer.slice(0, Math.floor(answer.length * 0.8));
  }
}

export function renderFeedbackForm(state: FeedbackFormState): types.ModalView {
  const options = FeedbackReasonSchema.options.map((reason) => ({
    text: { type: 'plain_text' as const, text: FEEDBACK_REASON_WORDS[reason] },
    value: reason,
  }));
  return {
    type: 'modal',
    callback_id: FEEDBACK_FORM_CALLBACK_ID,
    title: { type: 'plain_text', text: '这个回答哪里不对？' },
    submit: { type: 'plain_text', text: '提交' },
    close: { type: 'plain_text', text: '取消' },
    private_metadata: formMetadata(state),
    blocks: [
      section(`*问：*${clipEscaped(state.q, 500)}\n*答：*${clipEscaped(state.a, 1000)}`),
      {
        type: 'input',
        block_id: REASON_BLOCK,
        label: { type: 'plain_text', text: '问题在于' },
        element: { type: 'radio_buttons', action_id: REASON_ACTION, options },
      },
      {
        type: 'input',
        block_id: NOTE_BLOCK,
        optional: true,
        label: { type: 'plain_text', text: '补充说明' },
        element: {
          type: 'plain_text_input',
          action_id: NOTE_ACTION,
          multiline: true,
          max_length: NOTE_MAX_LENGTH,
          placeholder: { type: 'plain_text', text: '例如：文件里写的是 1.4万亿元；或者应该在哪份文件里找到' },
        },
      },
      context('反馈会连同问题、回答和出处一起交给维护文件库的人。'),
    ],
  };
}

const SubmittedValuesSchema = z.object({
  [REASON_BLOCK]: z.object({ [REASON_ACTION]: z.object({ selected_option: z.object({ value: FeedbackReasonSchema }).nullable().optional() }) }),
  [NOTE_BLOCK]: z.object({ [NOTE_ACTION]: z.object({ value: z.string().nullable().optional() }) }).optional(),
});

export type FeedbackFormReading =
  | { ok: true; state: FeedbackFormState; reason: FeedbackReason; note: string | null }
  | { ok: false; errors: Record<string, string> };

/** What a submitted feedback form says, or the errors to show in it. */
export function readFeedbackForm(view: { private_metadata?: string; state?: { values?: unknown } }): FeedbackFormReading {
  let state: FeedbackFormState;
  try {
    state = FeedbackFormStateSchema.parse(JSON.parse(view.private_metadata ?? ''));
  } catch {
    return { ok: false, errors: { [REASON_BLOCK]: '这个表单已失效，请在回答下面重新点 👎。' } };
  }
  const values = SubmittedValuesSchema.safeParse(view.state?.values ?? {});
  const reason = values.success ? values.data[REASON_BLOCK][REASON_ACTION].selected_option?.value : undefined;
  if (reason === undefined) return { ok: false, errors: { [REASON_BLOCK]: '请选一项。' } };
  const note = values.success ? (values.data[NOTE_BLOCK]?.[NOTE_ACTION].value ?? '').trim().slice(0, NOTE_MAX_LENGTH) : '';
  return { ok: true, state, reason, note: note === '' ? null : note };
}

/** The form after submission: a thank-you in its place. */
export function renderFeedbackThanks(): types.ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: '谢谢反馈' },
    close: { type: 'plain_text', text: '关闭' },
    blocks: [section('收到了，谢谢！维护文件库的人会看到这条反馈。')],
  };
}
