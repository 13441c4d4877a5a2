import { LinearModel, type Weights } from './model';
import weights from './weights.json';

let model: LinearModel | null = null;

/** The model trained by `npm run train:tagger` on every labelled set, loaded once. */
export function defaultModel(): LinearModel {
  model ??= new LinearModel(weights as unknown as Weights);
  return model;
}
