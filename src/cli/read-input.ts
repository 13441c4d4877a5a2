import { readFile, stat } from 'node:fs/promises';
import { checkJsonl, decodeText, InputError } from './input';

/**
 * Reads a command's input file, `-` meaning standard input, as checked JSONL text. A missing
 * file, a directory, or an unreadable file becomes an InputError with one sentence.
 */
export async function readJsonlInput(
  path: string,
  stdin: AsyncIterable<Uint8Array | string> = process.stdin,
): Promise<{ name: string; text: string }> {
  const name = path === '-' ? 'standard input' : path;
  const bytes = path === '-' ? await readAll(stdin) : await readFileBytes(path);
  return { name, text: checkJsonl(decodeText(bytes, name), name) };
}

async function readFileBytes(path: string): Promise<Uint8Array> {
  try {
    if ((await stat(path)).isDirectory()) {
      throw new InputError(`${path} is a directory; give a JSONL file (or - for standard input).`);
    }
    return await readFile(path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`no such file: ${path}`);
    if (code === 'EACCES' || code === 'EPERM')
      throw new InputError(`cannot read ${path}: permission denied.`);
    if (code === 'EISDIR') throw new InputError(`${path} is a directory; give a JSONL file.`);
    throw new InputError(`cannot read ${path}: ${(error as Error).message}`);
  }
}

async function readAll(stream: AsyncIterable<Uint8Array | string>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) {
    chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
  }
  return Buffer.concat(chunks);
}
