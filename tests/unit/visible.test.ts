import { expect, test } from 'vitest';
import { hasHidden, revealHidden } from '../../src/lib/core/visible';

test('a right-to-left override in a file name is shown, not obeyed', () => {
  expect(revealHidden('report\u202Etxt.exe')).toBe('report⟨U+202E⟩txt.exe');
  expect(revealHidden('a\u2066b\u2069c\u200Fd')).toBe('a⟨U+2066⟩b⟨U+2069⟩c⟨U+200F⟩d');
});

test('zero-width characters are shown', () => {
  expect(revealHidden('pass\u200Bword\uFEFF')).toBe('pass⟨U+200B⟩word⟨U+FEFF⟩');
  expect(revealHidden('a\u2060b')).toBe('a⟨U+2060⟩b');
  expect(revealHidden('id\u200D1')).toBe('id⟨U+200D⟩1');
});

test('joiners inside emoji sequences and plain text are left alone', () => {
  const family = '👩\u200D👩\u200D👧';
  expect(revealHidden(family)).toBe(family);
  expect(revealHidden('Plain text, $\\frac{1}{2}$ and Ünïcödé.')).toBe(
    'Plain text, $\\frac{1}{2}$ and Ünïcödé.',
  );
  expect(hasHidden('plain')).toBe(false);
  expect(hasHidden('x\u202Ey')).toBe(true);
});
