import { LineCounter, parseDocument } from 'yaml';

/** Parsed YAML that can say on which line a field stands, so problems point at it. */
export interface YamlSource {
  data: unknown;
  syntaxErrors: { line: number; message: string }[];
  lineOf(path: readonly PropertyKey[]): number;
}

/** `firstLine` is the file line the YAML text starts on (2 for frontmatter after `---`). */
export function parseYaml(text: string, firstLine = 1): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const toFileLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  return {
    data: doc.errors.length ? undefined : doc.toJS(),
    syntaxErrors: doc.errors.map((error) => ({ line: toFileLine(error.pos[0]), message: error.message.split('\n')[0] })),
    lineOf(path) {
      // A missing field has no line of its own: point at its nearest parent that exists.
      for (let depth = path.length; depth > 0; depth--) {
        const node = doc.getIn(path.slice(0, depth) as Iterable<unknown>, true) as { range?: [number, number, number] } | undefined;
        if (node?.range) return toFileLine(node.range[0]);
      }
      return firstLine;
    },
  };
}

/** Splits `---\nfrontmatter\n---\nbody`; a file without frontmatter yields null. */
export function splitFrontmatter(source: string): { yaml: string; body: string; bodyLine: number } | null {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!match) return null;
  return { yaml: match[1], body: source.slice(match[0].length), bodyLine: match[0].split('\n').length };
}
