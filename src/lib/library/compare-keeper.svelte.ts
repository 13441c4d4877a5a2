import { MATHCODER_MODELS } from '../compare/bundled';
import { router } from '../router/router.svelte';
import type { CompareStore } from '../state/compare.svelte';
import { compareRecord, isCompareSet, type CompareSetData } from './compare-sets';
import { drafts } from './drafts';
import { newId } from './records';
import { saveSetInWorker } from './save-set';
import { libraryStore } from './store.svelte';

/** Remembers the open set, so a reload at `#/compare` finds it even without `?open=`. */
const OPEN_DRAFT = 'compare.open';

/** What a change to a set is judged by: names, files, how many rows, the split. */
function signature(set: CompareSetData): string {
  return JSON.stringify([
    set.byOutcome,
    set.groups.map((g) => [g.name, g.sources, g.rows.length, g.failure]),
  ]);
}

/** The bundled sample as a first visit shows it, untouched: not worth a record of its own. */
function isBundledSample(set: CompareSetData): boolean {
  return (
    !set.byOutcome &&
    JSON.stringify(set.groups.map((g) => [g.name, g.sources])) ===
      JSON.stringify(MATHCODER_MODELS.map((m) => [m.label, m.files]))
  );
}

/**
 * Keeps the Compare view's set in the Library as it changes (one record per set, updated in
 * place), and opens a kept one from a link (`#/compare?open=<id>`) or after a reload. The
 * bundled MathCoder sample shown on a first visit is not kept until the person changes it.
 */
class CompareKeeper {
  /** The Library record of the set on screen, or null while it is not kept. */
  id = $state<string | null>(null);
  #saved: string | null = null;
  /** The title last made from the groups: a kept set whose title differs was renamed. */
  #madeTitle: string | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    libraryStore.hold({
      removed: (id) => {
        if (this.id !== id) return;
        this.#forget();
        if (router.route.params.open === id) router.setParams({ open: '' });
      },
    });
  }

  /** Called when the Compare view mounts; returns what stops the keeping when it unmounts. */
  attach(compare: CompareStore): () => void {
    // Nothing is kept before the set to show is settled (a kept one restored, or the sample).
    let ready = $state(false);
    void (async () => {
      const linked = router.route.params.open;
      const wanted = linked || drafts.get(OPEN_DRAFT) || null;
      const opened =
        wanted && wanted !== this.id ? await this.open(compare, wanted, !!linked) : false;
      if (!opened && compare.groups.length === 0) await compare.loadBundled();
      ready = true;
    })();
    const stop = $effect.root(() => {
      $effect(() => {
        const { view, params } = router.route;
        if (ready && view === 'compare' && params.open && params.open !== this.id)
          void this.open(compare, params.open, true);
      });
      $effect(() => {
        const set = compare.kept;
        if (!ready || !this.#changed(set)) return;
        clearTimeout(this.#timer);
        this.#timer = setTimeout(() => void this.#save(compare), 300);
      });
    });
    return () => {
      clearTimeout(this.#timer);
      // A change made just before leaving the view is kept all the same.
      if (ready && this.#changed(compare.kept)) void this.#save(compare);
      stop();
    };
  }

  #changed(set: CompareSetData | null): boolean {
    if (!set) return false;
    const now = signature(set);
    if (now === this.#saved) return false;
    return !!this.id || (set.groups.length > 0 && !isBundledSample(set));
  }

  /** Shows a kept set; says so when it is gone (only for a link: a stale reminder is dropped). */
  async open(compare: CompareStore, id: string, fromLink: boolean): Promise<boolean> {
    const record = await libraryStore.library.get(id).catch(() => null);
    if (!record || record.kind !== 'compare' || !isCompareSet(record.data)) {
      if (fromLink)
        libraryStore.error =
          'That compare set is no longer in the Library (it was deleted, or this is another browser profile).';
      if (drafts.get(OPEN_DRAFT) === id) drafts.set(OPEN_DRAFT, '');
      return false;
    }
    this.id = id;
    this.#saved = signature(record.data);
    this.#madeTitle = compareRecord(id, record.data).title === record.title ? record.title : null;
    drafts.set(OPEN_DRAFT, id);
    await compare.restore(record.data);
    return true;
  }

  /** Starts an empty set; the one shown stays in the Library. */
  async startNew(compare: CompareStore): Promise<void> {
    this.#forget();
    if (router.route.params.open) router.setParams({ open: '' });
    await compare.restore({ groups: [], byOutcome: false });
  }

  async #save(compare: CompareStore): Promise<void> {
    const set = compare.kept;
    if (!set) return;
    const now = signature(set);
    const id = this.id ?? newId('compare', Date.now());
    // Only the meta is read: a set of 100,000 rows takes the page long to read back.
    const existing = this.id ? await libraryStore.library.meta(id).catch(() => null) : null;
    // A name the person gave is kept; a name made from the groups follows them.
    const named = existing ? existing.title !== this.#madeTitle : false;
    const record = compareRecord(id, set, named ? existing?.title : undefined);
    const kept = await libraryStore.keep(
      { ...record, createdAt: existing?.createdAt },
      saveSetInWorker,
    );
    if (!kept) return;
    this.#madeTitle = named ? null : record.title;
    this.id = id;
    this.#saved = now;
    drafts.set(OPEN_DRAFT, id);
    if (router.route.view === 'compare' && router.route.params.open !== id)
      router.setParams({ open: id });
  }

  #forget(): void {
    clearTimeout(this.#timer);
    this.id = null;
    this.#saved = null;
    this.#madeTitle = null;
    drafts.set(OPEN_DRAFT, '');
  }
}

export const compareKeeper = new CompareKeeper();
