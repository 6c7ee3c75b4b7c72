// Word files as people send them back, for the import tests: annotated by real LibreOffice (through UNO, the copy of
// the shared annotation tool in test/support/annotate), and posted as a browser or curl -F would.
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ANNOTATE = join(__dirname, 'annotate', 'lo_annotate.py');

/**
 * `bytes` annotated by LibreOffice following `plan` (comments, replies, tracked changes: the annotation tool's plan
 * format), written as `dir/name.docx`; its path and bytes. `dir/profile` is the LibreOffice profile, reused.
 */
export async function annotated(
  dir: string,
  name: string,
  bytes: Buffer,
  plan: object,
): Promise<{ path: string; bytes: Buffer }> {
  const src = join(dir, `${name}.in.docx`);
  const path = join(dir, `${name}.docx`);
  await writeFile(src, bytes);
  await writeFile(join(dir, `${name}.json`), JSON.stringify(plan));
  await run(
    '/usr/bin/python3',
    [
      ANNOTATE,
      src,
      path,
      '--plan',
      join(dir, `${name}.json`),
      '--redlines',
      'explicit',
      '--profile',
      join(dir, 'profile'),
    ],
    { timeout: 180_000 },
  );
  return { path, bytes: await readFile(path) };
}

export interface PostedFile {
  status: number;
  headers: Headers;
  body: unknown;
  bytes: Buffer;
  text: string;
}

/** A multipart POST of `file` (field `file`) and text fields, with the given headers (a token, the language). */
export async function postFile(
  url: string,
  headers: Record<string, string>,
  file: Buffer | undefined,
  fields: Record<string, string> = {},
  fileName = 'returned.docx',
): Promise<PostedFile> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append('file', new Blob([new Uint8Array(file)]), fileName);
  const res = await fetch(url, {
    method: 'POST',
    headers: { accept: 'application/json', ...headers },
    body: form,
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  const text = bytes.toString('utf8');
  const json = /json/.test(res.headers.get('content-type') ?? '');
  return { status: res.status, headers: res.headers, body: json ? JSON.parse(text) : undefined, bytes, text };
}
