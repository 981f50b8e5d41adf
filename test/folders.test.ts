import { describe, expect, it } from 'vitest';
import { fileProblem } from '../src/folders.ts';

const failure = (code?: string) => Object.assign(new Error('raw message'), code ? { code } : {});

describe('fileProblem', () => {
  it.each([
    ['EROFS', 'the file system is read-only (EROFS)'],
    ['EACCES', 'permission denied (EACCES)'],
    ['EPERM', 'permission denied (EPERM)'],
    ['ENOSPC', 'the disk is full (ENOSPC)'],
    ['ENOTDIR', 'a part of the path is a file, not a folder (ENOTDIR)'],
    ['EMFILE', 'EMFILE'],
    [undefined, 'raw message'],
  ])('says %s in words', (code, words) => {
    expect(fileProblem(failure(code))).toBe(words);
  });
});
