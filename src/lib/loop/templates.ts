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
