import { DEFAULT_PACKAGE_INDEX, DEFAULT_TIMEOUT_MS } from '../python/types';
import { DEFAULT_CRUCIAL_TOKENS } from '../tagger/labels';

export type Theme = 'system' | 'light' | 'dark';

interface StoredSettings {
  theme: Theme;
  largeText: boolean;
  packageIndexURL: string;
  timeoutMs: number;
  crucialTokens: string[];
}

const STORAGE_KEY = 'loupe:settings';

const DEFAULTS: StoredSettings = {
  theme: 'system',
  largeText: false,
  packageIndexURL: DEFAULT_PACKAGE_INDEX,
  timeoutMs: DEFAULT_TIMEOUT_MS,
  crucialTokens: DEFAULT_CRUCIAL_TOKENS,
};

/** User preferences, kept in localStorage. */
export class Settings {
  theme = $state<Theme>(DEFAULTS.theme);
  largeText = $state(DEFAULTS.largeText);
  packageIndexURL = $state(DEFAULTS.packageIndexURL);
  timeoutMs = $state(DEFAULTS.timeoutMs);
  /** The crucial tokens the tagger marks. */
  crucialTokens = $state.raw<string[]>(DEFAULTS.crucialTokens);

  constructor() {
    const stored = readStored();
    this.theme = stored.theme;
    this.largeText = stored.largeText;
    this.packageIndexURL = stored.packageIndexURL;
    this.timeoutMs = stored.timeoutMs;
    this.crucialTokens = stored.crucialTokens;
  }

  save(): void {
    const value: StoredSettings = {
      theme: this.theme,
      largeText: this.largeText,
      packageIndexURL: this.packageIndexURL,
      timeoutMs: this.timeoutMs,
      crucialTokens: this.crucialTokens,
    };
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(value));
    } catch {
      // Private windows may refuse storage; the settings still apply to this visit.
    }
  }
}

function readStored(): StoredSettings {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return DEFAULTS;
    const parsed = JSON.parse(raw) as Partial<StoredSettings>;
    return {
      theme: ['system', 'light', 'dark'].includes(parsed.theme as string)
        ? (parsed.theme as Theme)
        : DEFAULTS.theme,
      largeText: typeof parsed.largeText === 'boolean' ? parsed.largeText : DEFAULTS.largeText,
      packageIndexURL:
        typeof parsed.packageIndexURL === 'string' && parsed.packageIndexURL.trim()
          ? withSlash(parsed.packageIndexURL.trim())
          : DEFAULTS.packageIndexURL,
      timeoutMs:
        typeof parsed.timeoutMs === 'number' && parsed.timeoutMs >= 100
          ? parsed.timeoutMs
          : DEFAULTS.timeoutMs,
      crucialTokens:
        Array.isArray(parsed.crucialTokens) &&
        parsed.crucialTokens.length > 0 &&
        parsed.crucialTokens.every((t) => typeof t === 'string' && t.trim())
          ? parsed.crucialTokens
          : DEFAULTS.crucialTokens,
    };
  } catch {
    return DEFAULTS;
  }
}

export function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

export const settings = new Settings();
