import { fetchBundled, type BundledFile } from '../data/bundled';
import { libraryStore } from '../library/store.svelte';
import { playground } from '../state/playground.svelte';
import { router } from './router.svelte';

const BUNDLED: readonly BundledFile[] = [
  'behaviours-dev.jsonl',
  'tora-gsm8k-dev.jsonl',
  'cruxeval-dev.jsonl',
];

/**
 * Links for a lesson plan: `#/playground/reason?recording=<bundled file>&item=<id>&step=<n>`
 * opens a shipped recording in the Playground, ready to replay; with `step`, it plays in step
 * mode up to that many tokens and waits there for the class (Step goes on).
 */
export function followLessonLinks(): () => void {
  let handled = '';
  return $effect.root(() => {
    $effect(() => {
      const { view, params } = router.route;
      const key = `${params.recording}|${params.item}|${params.step}`;
      if (view !== 'playground' || !params.recording || key === handled) return;
      handled = key;
      void openRecording(params.recording, params.item ?? '', Number(params.step ?? 0));
    });
  });
}

async function openRecording(file: string, item: string, step: number): Promise<void> {
  if (!BUNDLED.includes(file as BundledFile)) {
    libraryStore.error = `The link names ${file}, which is not a recording shipped with Loupe (${BUNDLED.join(', ')}).`;
    return;
  }
  await playground.loadRecordings(file, await fetchBundled(file as BundledFile));
  const index = item ? playground.recordings.findIndex((r) => String(r.id) === item) : 0;
  if (index < 0) {
    libraryStore.error = `The link names recording “${item}”, which ${file} does not have.`;
    return;
  }
  playground.mode = 'replay';
  playground.pickRecording(index);
  if (!(step > 0) || playground.running) return;
  playground.stepMode = true;
  void playground.run();
  // One token a frame until the link's step (the store paints, and counts, once a frame). The
  // run first starts its interpreter, so a step is given only when the replay waits for one.
  const deadline = performance.now() + 120_000;
  while (playground.running && playground.tokensSoFar < step && performance.now() < deadline) {
    if (playground.waitingForStep) playground.step();
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}
