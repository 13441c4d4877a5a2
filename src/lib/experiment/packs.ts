import { asPackLine, type FamilyInfo, type PackLine } from '../tasks/types';

export interface PackIndex {
  source: string;
  families: (FamilyInfo & { file: string; count: number })[];
}

/** Reads the bundled pack index and family files from the site (`base` ends in `/`). */
export class PackLibrary {
  #lines = new Map<string, Promise<PackLine[]>>();
  /** Every line loaded so far, by id. */
  readonly tasks = new Map<string, PackLine>();

  constructor(readonly base: string) {}

  async index(): Promise<PackIndex> {
    const response = await fetch(`${this.base}index.json`);
    if (!response.ok)
      throw new Error(`The task packs could not be loaded (HTTP ${response.status}).`);
    return (await response.json()) as PackIndex;
  }

  family(info: { family: string; file: string }): Promise<PackLine[]> {
    let lines = this.#lines.get(info.family);
    if (!lines) {
      lines = fetch(`${this.base}${info.file}`)
        .then((r) => {
          if (!r.ok)
            throw new Error(`The pack ${info.file} could not be loaded (HTTP ${r.status}).`);
          return r.text();
        })
        .then((text) =>
          text
            .split('\n')
            .filter((l) => l.trim())
            .map((l) => asPackLine(JSON.parse(l)))
            .filter((l): l is PackLine => typeof l !== 'string'),
        )
        .then((lines) => {
          for (const line of lines) this.tasks.set(line.id, line);
          return lines;
        });
      this.#lines.set(info.family, lines);
      lines.catch(() => this.#lines.delete(info.family));
    }
    return lines;
  }
}
