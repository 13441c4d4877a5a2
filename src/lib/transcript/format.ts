/**
 * The bottom of the transcript layers: chat templates and the protocol markers that every other
 * module (loop, replay, tagger, rendering) reads, written out once here.
 */

/** The markers of the three formats of LABELS.md. */
export const MARKERS = {
  pythonOpen: '```python',
  fence: '```',
  outputOpen: '```output',
  codeOpen: '<code>',
  codeClose: '</code>',
  interpreterOpen: '<interpreter>',
  interpreterClose: '</interpreter>',
  thinkOpen: '<think>',
  thinkClose: '</think>',
  answerOpen: '<answer>',
  boxedOpen: '\\boxed{',
} as const;

/** A recorded interpreter output in either format: group 1 (Markdown) or 2 (tagged) is its text. */
export const OUTPUT_BLOCK =
  /```output\n([\s\S]*?)```\n?|<interpreter>\n?([\s\S]*?)<\/interpreter>\n?/g;

/** The opening of an output unit, at the start of a string. */
export const OUTPUT_OPENING = /^(```output|<interpreter>)/;

/** The body of an output unit without its fences or tags. */
export function outputBody(block: string): string {
  return block
    .replace(/^```output\n?|^<interpreter>\n?/, '')
    .replace(/\n?```$|\n?<\/interpreter>$/, '');
}

/** The code inside a code unit: without ```python fences or <code> tags. */
export function codeOfBlock(block: string): string {
  return block
    .replace(/^<code>\s*/, '')
    .replace(/\s*<\/code>$/, '')
    .replace(/^```[^\n]*\n?/, '')
    .replace(/\n?```\s*$/, '');
}

/** How a model writes code and reads outputs. */
export type ProtocolId = 'markdown-tir' | 'think' | 'tagged';

/** The protocol a recorded transcript was written in, from its markers. */
export function detectProtocol(text: string): ProtocolId {
  if (text.includes(MARKERS.interpreterOpen)) return 'tagged';
  if (text.includes(MARKERS.thinkOpen)) return 'think';
  return 'markdown-tir';
}

/** The chat format a model family was trained on, applied by Loupe so turns can be continued. */
export type TemplateId = 'chatml' | 'llama3';

export interface ChatTemplate {
  id: TemplateId;
  /** The prompt up to the start of the assistant's turn (its text is appended after). */
  open(system: string, user: string): string;
  /** Strings that end the assistant's turn. */
  endOfTurn: string[];
}

export const TEMPLATES: Record<TemplateId, ChatTemplate> = {
  chatml: {
    id: 'chatml',
    open: (system, user) =>
      `<|im_start|>system\n${system}<|im_end|>\n<|im_start|>user\n${user}<|im_end|>\n<|im_start|>assistant\n`,
    endOfTurn: ['<|im_end|>', '<|endoftext|>'],
  },
  llama3: {
    id: 'llama3',
    open: (system, user) =>
      `<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\n${system}<|eot_id|>` +
      `<|start_header_id|>user<|end_header_id|>\n\n${user}<|eot_id|>` +
      `<|start_header_id|>assistant<|end_header_id|>\n\n`,
    endOfTurn: ['<|eot_id|>', '<|end_of_text|>'],
  },
};
