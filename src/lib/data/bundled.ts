/** The data files shipped in `public/data/` (see its README for sources and licences). */
export type BundledFile = 'tora-gsm8k-dev.jsonl' | 'behaviours-dev.jsonl' | 'cruxeval-dev.jsonl';

export async function fetchBundled(file: BundledFile): Promise<string> {
  const response = await fetch(new URL(`data/${file}`, document.baseURI));
  if (!response.ok) throw new Error(`Could not load ${file} (HTTP ${response.status}).`);
  return response.text();
}

/** The text of the file a file input holds, or null when none was chosen. */
export async function chosenFile(event: Event): Promise<{ name: string; text: string } | null> {
  const file = (event.currentTarget as HTMLInputElement).files?.[0];
  return file ? { name: file.name, text: await file.text() } : null;
}
