declare module 'markdown-it-texmath' {
  import type MarkdownIt from 'markdown-it';

  interface TexmathOptions {
    engine: { renderToString(tex: string, options: object): string };
    delimiters?: string | string[];
    katexOptions?: object;
  }
  interface InlineRule {
    name: string;
    rex: RegExp;
    tag: string;
    displayMode?: boolean;
  }
  type InlineParser = (state: MarkdownIt.StateInline, silent: boolean) => boolean;
  const texmath: ((md: MarkdownIt, options: TexmathOptions) => void) & {
    inline(rule: InlineRule): InlineParser;
  };
  export default texmath;
}
