import type { ProtocolId, TemplateId } from '../transcript/format';

export type Quantisation = 'q4f16_1' | 'q4f32_1';

/** A model Loupe offers, from web-llm's prebuilt list. */
export interface CatalogModel {
  /** web-llm's id without the quantisation: `${base}-${quantisation}-MLC`. */
  base: string;
  name: string;
  parametersB: number;
  protocol: ProtocolId;
  template: TemplateId;
  /** From web-llm's prebuilt config (vram_required_MB). */
  vramMB: Record<Quantisation, number>;
  note: string;
}

export const CATALOG: CatalogModel[] = [
  {
    base: 'Qwen2.5-Math-1.5B-Instruct',
    name: 'Qwen2.5-Math 1.5B Instruct',
    parametersB: 1.5,
    protocol: 'markdown-tir',
    template: 'chatml',
    vramMB: { q4f16_1: 1629.75, q4f32_1: 1888.97 },
    note: 'Trained for tool-integrated reasoning: the default.',
  },
  {
    base: 'Qwen3-0.6B',
    name: 'Qwen3 0.6B',
    parametersB: 0.6,
    protocol: 'think',
    template: 'chatml',
    vramMB: { q4f16_1: 1403.34, q4f32_1: 1924.98 },
    note: 'Thinking mode, small and fast.',
  },
  {
    base: 'Qwen3-1.7B',
    name: 'Qwen3 1.7B',
    parametersB: 1.7,
    protocol: 'think',
    template: 'chatml',
    vramMB: { q4f16_1: 2036.66, q4f32_1: 2635.44 },
    note: 'Thinking mode.',
  },
  {
    base: 'Qwen2.5-1.5B-Instruct',
    name: 'Qwen2.5 1.5B Instruct',
    parametersB: 1.5,
    protocol: 'markdown-tir',
    template: 'chatml',
    vramMB: { q4f16_1: 1629.75, q4f32_1: 1888.97 },
    note: 'A general instruction model.',
  },
  {
    base: 'Qwen2.5-Coder-1.5B-Instruct',
    name: 'Qwen2.5-Coder 1.5B Instruct',
    parametersB: 1.5,
    protocol: 'markdown-tir',
    template: 'chatml',
    vramMB: { q4f16_1: 1629.75, q4f32_1: 1888.97 },
    note: 'Tuned for code.',
  },
  {
    base: 'Llama-3.2-1B-Instruct',
    name: 'Llama 3.2 1B Instruct',
    parametersB: 1.24,
    protocol: 'markdown-tir',
    template: 'llama3',
    vramMB: { q4f16_1: 879.04, q4f32_1: 1128.82 },
    note: 'The smallest download.',
  },
];

export function modelId(model: CatalogModel, quantisation: Quantisation): string {
  return `${model.base}-${quantisation}-MLC`;
}

/** Approximate download: 4-bit weights (half a byte per parameter) plus scales and the library. */
export function approximateDownloadMB(model: CatalogModel, quantisation: Quantisation): number {
  const bytesPerParameter = quantisation === 'q4f16_1' ? 0.56 : 0.62;
  return Math.round(model.parametersB * 1000 * bytesPerParameter + 30);
}
