/**
 * Whether a live interpreter output reproduces a recorded one. The one rule, used by the
 * Playground's replay and by `loupe replay --check`: trailing spaces on each line and blank lines
 * at either end do not count; everything else does.
 */
export function sameOutput(live: string, recorded: string): boolean {
  return normaliseOutput(live) === normaliseOutput(recorded);
}

export function normaliseOutput(output: string): string {
  return output
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}
