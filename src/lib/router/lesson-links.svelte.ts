import { fetchBundled, type BundledFile } from '../data/bundled';
import { libraryStore } from '../library/store.svelte';
import { playground } from '../state/playground.svelte';
import { router } from './router.svelte';

const BUNDLED: readonly BundledFile[] = [
  'behaviours-dev.jsonl',
  'tora-gsm8k-dev.jsonl',
  'cruxeval-dev.jsonl',
];

interface Lesson {
  file: string;
  item: string;
  /** Set once the replay stands at the link's step: from then on the link follows Next token. */
  following: boolean;
}

/**
 * Links for a lesson plan: `#/playground/reason?recording=<bundled file>&item=<id>&step=<n>`
 * opens a shipped recording in the Playground, ready to replay; with `step`, it plays in step
 * mode up to that many tokens and waits there for the class (Next token goes on). While the class
 * steps, the link's `step` follows (in place, no history entry), so a reload comes back to the
 * same token; Back and Forward move between links as between pages.
 */
export function followLessonLinks(): () => void {
  let handled = '';
  let lesson: Lesson | null = null;
  let opening = 0;
  return $effect.root(() => {
    $effect(() => {
      const { view, params } = router.route;
      const key = `${params.recording}|${params.item}|${params.step}`;
      if (view !== 'playground' || !params.recording || key === handled) return;
      handled = key;
      lesson = { file: params.recording, item: params.item ?? '', following: false };
      const ticket = ++opening;
      void openRecording(lesson, Number(params.step ?? 0), () => ticket === opening);
    });
    $effect(() => {
      const tokens = playground.live.tokensSoFar;
      const { view, params } = router.route;
      if (!lesson?.following || !playground.live.running || !playground.recordings.stepMode) return;
      if (view !== 'playground') return;
      if (params.recording !== lesson.file || (params.item ?? '') !== lesson.item) return;
      if (!(tokens > Number(params.step ?? 0))) return;
      handled = `${params.recording}|${params.item}|${tokens}`;
      router.setParams({ step: String(tokens) });
    });
  });
}

async function openRecording(lesson: Lesson, step: number, current: () => boolean): Promise<void> {
  const { file, item } = lesson;
  if (!BUNDLED.includes(file as BundledFile)) {
    libraryStore.error = `The link names ${file}, which is not a recording shipped with Loupe (${BUNDLED.join(', ')}).`;
    return;
  }
  if (playground.live.running) {
    if (playground.mode !== 'replay') {
      libraryStore.error =
        'A model is writing in the Playground: stop its run, then open the lesson link again.';
      return;
    }
    // Another replay (an earlier link, say): it gives way to the one this link names.
    playground.stop();
    while (playground.live.running) await nextFrame();
  }
  const content = await fetchBundled(file as BundledFile);
  if (!current()) return;
  await playground.loadRecordings(file, content);
  const index = item ? playground.recordings.list.findIndex((r) => String(r.id) === item) : 0;
  if (index < 0) {
    libraryStore.error = `The link names recording “${item}”, which ${file} does not have.`;
    return;
  }
  playground.mode = 'replay';
  playground.pickRecording(index);
  if (!(step > 0)) return;
  playground.recordings.stepMode = true;
  void playground.run();
  // One token at a time until the link's step. A step is given only when the replay waits for
  // one, and the next only once the page has painted (and so counted) the last, which would
  // otherwise overshoot. Turning step mode off, Stop, or another link ends the stepping.
  while (
    current() &&
    playground.live.running &&
    playground.recordings.stepMode &&
    playground.live.tokensSoFar < step
  ) {
    if (!playground.recordings.waitingForStep) {
      await nextFrame();
      continue;
    }
    const before = playground.live.tokensSoFar;
    playground.recordings.step();
    // A token the stop scanner holds back paints nothing: a few frames, then the next step.
    for (let frame = 0; frame < 8 && playground.live.tokensSoFar === before; frame++)
      await nextFrame();
  }
  lesson.following = current() && playground.live.running && playground.live.tokensSoFar >= step;
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}
