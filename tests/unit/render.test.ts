import { expect, test } from 'vitest';
import { codeOfBlock, renderProse, renderPython, withMarks } from '../../src/lib/render/markdown';
import { MAX_FORMULAS } from '../../src/lib/render/bounded-katex';

test('prose: Markdown and KaTeX, with raw HTML escaped', () => {
  const html = renderProse('The **answer** is $\\frac{1}{2}$, not $5 or `code`.');
  expect(html).toContain('<strong>answer</strong>');
  expect(html).toContain('class="katex"');
  expect(html).toContain('$5');
  expect(html).toContain('<code>code</code>');
});

test('math is a Markdown rule: emphasis around math, and no math inside backticks', () => {
  const bold = renderProse('**the value $x$ is** large');
  expect(bold).toMatch(/^<strong>the value .*katex.* is<\/strong> large$/s);
  expect(bold).not.toContain('**');
  const code = renderProse('Use `$x$` literally.');
  expect(code).toContain('<code>$x$</code>');
  expect(code).not.toContain('katex');
});

test('both delimiters models write: \\( \\) and \\[ \\]', () => {
  expect(renderProse('So \\(x^2\\) grows.')).toContain('class="katex"');
  expect(renderProse('\\[x = 1\\]')).toContain('katex-display');
});

test('model text cannot inject HTML, script, images or links', () => {
  const html = renderProse(
    '<img src=x onerror=alert(1)> <script>alert(2)</script> ![a](http://evil/x.png) [b](javascript:alert(3))',
  );
  expect(html).not.toMatch(/<img|<script|<a /);
  expect(html).toContain('&lt;img');
  const math = renderProse('$\\href{javascript:alert(1)}{x}$');
  expect(math).not.toContain('href="javascript');
});

test('math nested 3,000 deep renders as an error text in its unit and does not throw', () => {
  const text = `$${'{'.repeat(3000)}x${'}'.repeat(3000)}$`;
  const html = renderProse(text);
  expect(html).toContain('math-error');
  expect(html).toMatch(/too long|too deeply/);
  const nested = renderProse(`$${'{'.repeat(500)}x${'}'.repeat(500)}$ and after`);
  expect(nested).toContain('nested too deeply');
  expect(nested).toContain('and after');
});

test('a crucial token inside math is never put into the formula or an attribute', () => {
  const body = '$\\frac{wait$';
  const start = body.indexOf('wait');
  const html = renderProse(withMarks(body, 0, [{ start, end: start + 4 }]));
  expect(html).not.toContain('<mark');
  expect(html).not.toMatch(/title="[^"]*mark/);
  expect(html).not.toMatch(/[\uE000\uE001]/);
});

test('crucial tokens in prose and code are marked; forged marks in model text are inert', () => {
  const body = 'Wait, **check** it.';
  expect(renderProse(withMarks(body, 100, [{ start: 100, end: 104 }]))).toContain(
    '<mark class="crucial">Wait</mark>',
  );
  const bold = 'So **Wait** here';
  const at = bold.indexOf('Wait');
  expect(renderProse(withMarks(bold, 0, [{ start: at, end: at + 4 }]))).toContain(
    '<strong><mark class="crucial">Wait</mark></strong>',
  );
  const forged = renderProse(withMarks('\uE000not marked\uE001 text', 0, []));
  expect(forged).not.toContain('<mark');
  expect(forged).toContain('\uFFFDnot marked\uFFFD');
  const code = renderPython(withMarks('if x:\n    wait()', 0, [{ start: 10, end: 14 }]));
  expect(code).toContain('<mark class="crucial">wait</mark>');
});

test('python highlighting escapes and classes tokens', () => {
  const html = renderPython('if x < 1:\n    print("<b>")');
  expect(html).toContain('<span class="tok-keyword">if</span>');
  expect(html).toContain('&#60;b&#62;');
  expect(codeOfBlock('<code>\n```python\nprint(1)\n```\n</code>')).toBe('print(1)');
});

test('a unit draws at most MAX_FORMULAS formulas; the rest show their TeX, and the next unit starts afresh', () => {
  const many = renderProse(Array.from({ length: 150 }, (_, i) => `$x_{${i}}$`).join(' '));
  expect(many.match(/class="katex"/g)).toHaveLength(MAX_FORMULAS);
  expect(many.match(/class="math-source"/g)).toHaveLength(50);
  expect(many).toContain('$x_{149}$');
  expect(renderProse('$y$')).toContain('class="katex"');
  const dollars = renderProse(`Cost: ${'$'.repeat(10_000)} then $x$`);
  expect(dollars.match(/class="katex"/g)?.length ?? 0).toBeLessThanOrEqual(MAX_FORMULAS);
});
