import { CATALOG, modelId, type CatalogModel, type Quantisation } from '../engine/catalog';
import { checkWebGpu, type WebGpuStatus } from '../engine/webgpu';
import type { GenerationPurpose } from '../model/generation';
import { ModelStore, type ModelState } from '../model/store';
import type { TemplateId } from '../transcript/format';

/**
 * The page's view of the one model (a ModelStore): what is loaded, the catalogue choice, and who
 * holds the model now. The Playground, the judge and the Trace view's translation all ask here.
 */
export class ModelsState {
  readonly store = new ModelStore();
  state = $state.raw<ModelState>(this.store.state);
  webgpu = $state.raw<WebGpuStatus | null>(null);
  modelBase = $state(CATALOG[0]?.base ?? '');
  custom = $state({ modelId: '', modelUrl: '', modelLibUrl: '' });
  /** The chat template of the loaded model (a custom model is taken to use ChatML). */
  template = $state<TemplateId>('chatml');
  #controller: AbortController | null = null;

  constructor() {
    this.store.subscribe((state) => (this.state = state));
  }

  get quantisation(): Quantisation {
    return this.webgpu && 'f16' in this.webgpu && this.webgpu.f16 ? 'q4f16_1' : 'q4f32_1';
  }

  get selected(): CatalogModel | undefined {
    return CATALOG.find((m) => m.base === this.modelBase);
  }

  /** The loaded model, if any (its id and context window). */
  get loaded() {
    return this.state.model;
  }

  busyReason(action: 'load' | GenerationPurpose): string | null {
    return this.store.busyReason(action);
  }

  async checkGpu(): Promise<void> {
    this.webgpu = await checkWebGpu();
  }

  async refreshCache(): Promise<void> {
    if (this.webgpu?.kind !== 'ok' && this.webgpu?.kind !== 'software') return;
    await this.store.refreshCache(this.#catalogIds());
  }

  async deleteCached(id: string): Promise<void> {
    await this.store.deleteCached(id, this.#catalogIds());
  }

  async load(): Promise<void> {
    const model = this.selected;
    const custom =
      this.custom.modelUrl && this.custom.modelLibUrl
        ? { ...this.custom, modelId: this.custom.modelId || 'custom-model' }
        : null;
    const id = custom ? custom.modelId : model ? modelId(model, this.quantisation) : '';
    this.#controller = new AbortController();
    await this.store.load(id, custom, this.#controller.signal);
    this.#controller = null;
    if (this.state.status === 'ready')
      this.template = custom ? 'chatml' : (model?.template ?? 'chatml');
    await this.refreshCache();
  }

  cancelLoad(): void {
    this.#controller?.abort();
  }

  /** Out of GPU memory: pick the smallest catalogue model, to load next. */
  pickSmaller(): void {
    const smallest = [...CATALOG].sort(
      (a, b) => a.vramMB[this.quantisation] - b.vramMB[this.quantisation],
    )[0];
    if (smallest) this.modelBase = smallest.base;
    this.custom = { modelId: '', modelUrl: '', modelLibUrl: '' };
  }

  #catalogIds(): string[] {
    return CATALOG.map((m) => modelId(m, this.quantisation));
  }
}

export const models = new ModelsState();
