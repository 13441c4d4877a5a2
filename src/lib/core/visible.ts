/**
 * Characters that change how text reads without being seen: bidirectional controls (a file name
 * "txt.exe" written with U+202E shows as "exe.txt") and zero-width characters. Model text, ids and
 * file names pass through `revealHidden` before they are shown, so each appears as a visible
 * marker like ⟨U+202E⟩ instead of silently reordering or hiding text.
 */
const BIDI = '\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069';
const ZERO_WIDTH = '\u180E\u200B\u2060-\u2064\uFEFF';
// Joiners shape emoji sequences and some scripts: they stay between two non-ASCII characters.
const JOINERS = '\u200C\u200D';

const ALWAYS = new RegExp(`[${BIDI}${ZERO_WIDTH}]`, 'gu');
const JOINER = new RegExp(`[${JOINERS}]`, 'gu');

/** The code point as a marker: ⟨U+202E⟩. */
export function markerOf(char: string): string {
  const hex = (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  return `⟨U+${hex}⟩`;
}

/** The text with every hidden control character shown as a marker (see the module comment). */
export function revealHidden(text: string): string {
  if (!/[\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/u.test(text)) return text;
  return text.replace(ALWAYS, markerOf).replace(JOINER, (char, offset: number, all: string) => {
    const before = all.codePointAt(offset - 1) ?? 0;
    const after = all.codePointAt(offset + 1) ?? 0;
    return before > 0x7f && after > 0x7f ? char : markerOf(char);
  });
}

/** True when the text holds a character `revealHidden` would mark. */
export function hasHidden(text: string): boolean {
  return revealHidden(text) !== text;
}
