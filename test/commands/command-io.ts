// In-process command I/O for tests: stdin from a string, stdout and stderr collected as strings.
import { PassThrough, Readable } from 'node:stream';

export function commandIO(input = '') {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = { stdout: '', stderr: '' };
  stdout.on('data', (chunk: Buffer) => (out.stdout += chunk.toString('utf8')));
  stderr.on('data', (chunk: Buffer) => (out.stderr += chunk.toString('utf8')));
  return { io: { stdin: Readable.from([input]), stdout, stderr }, out };
}
