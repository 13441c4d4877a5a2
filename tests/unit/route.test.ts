import { describe, expect, it } from 'vitest';
import { formatHash, parseHash } from '../../src/lib/router/route';

describe('hash routes', () => {
  it.each([
    ['#/python', { view: 'python', tab: null, params: {} }],
    ['#python', { view: 'python', tab: null, params: {} }],
    ['', { view: '', tab: null, params: {} }],
    ['#/playground/recordings', { view: 'playground', tab: 'recordings', params: {} }],
    [
      '#/playground/reason?recording=behaviours-dev.jsonl&item=dev-006&step=40',
      {
        view: 'playground',
        tab: 'reason',
        params: { recording: 'behaviours-dev.jsonl', item: 'dev-006', step: '40' },
      },
    ],
    ['#/library?open=run%201', { view: 'library', tab: null, params: { open: 'run 1' } }],
    ['#/bad%E0', { view: 'bad%E0', tab: null, params: {} }],
  ])('%s', (hash, route) => {
    expect(parseHash(hash)).toEqual(route);
  });

  it('writes what it reads, and leaves out empty params', () => {
    const hash = '#/playground/reason?recording=behaviours-dev.jsonl&item=dev-006&step=40';
    expect(formatHash(parseHash(hash))).toBe(hash);
    expect(formatHash({ view: 'trace', tab: null, params: { open: '', step: '3' } })).toBe(
      '#/trace?step=3',
    );
  });
});
