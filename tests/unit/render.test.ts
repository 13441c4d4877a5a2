import { expect, test } from 'vitest';
import { codeOfBlock, renderProse, renderPython } from '../../src/lib/render/markdown';

test('prose: Markdown and KaTeX, with raw HTML escaped', () => {
  const html = renderProse('The **answer** is $\\frac{1}{2}$, not $5 or `code`.');
  expect(html).toContain('<strong>answer</strong>');
  expect(html).toContain('class="katex"');
  expect(html).toContain('$5');
  expect(html).toContain('<code>code</code>');
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

test('python highlighting escapes and classes tokens', () => {
  const html = renderPython('if x < 1:\n    print("<b>")');
  expect(html).toContain('<span class="tok-keyword">if</span>');
  expect(html).toContain('&#60;b&#62;');
  expect(codeOfBlock('<code>\n```python\nprint(1)\n```\n</code>')).toBe('print(1)');
});
