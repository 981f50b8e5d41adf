import * as confluence from 'confluence.js';
import * as jira from 'jira.js';
import { describe as suite, expect, it } from 'vitest';
import { describe, isClientError, skipReason, statusOf } from '../../src/crawl/errors.ts';
import { ResponseTooLargeError } from '../../src/sources/read-body.ts';
import { CrossOriginError, LoginFailedError, MissingScopeError } from '../../src/sources/request-errors.ts';

const SECRET_BODY = '{"body":"export AWS_SECRET=planted-value-xyz"}';

suite('client error classification', () => {
  it.each([
    [
      'jira 404',
      new jira.ApiError(`Request failed: 404 - ${SECRET_BODY}`, 404, 'Not Found', SECRET_BODY),
      404,
      'not-found',
    ],
    [
      'confluence 404',
      new confluence.ApiError(`Request failed: 404 - ${SECRET_BODY}`, 404, 'Not Found', SECRET_BODY),
      404,
      'not-found',
    ],
    ['jira 403', new jira.ApiError('forbidden', 403, 'Forbidden', SECRET_BODY), 403, 'forbidden'],
    [
      'jira 429 after retries',
      new jira.ApiError('slow down', 429, 'Too Many Requests', ''),
      429,
      'throttled',
    ],
    ['confluence 500', new confluence.ApiError('boom', 500, 'Server Error', SECRET_BODY), 500, 'error'],
  ])('%s: status and coverage reason from both clients', (_name, error, status, reason) => {
    expect(isClientError(error)).toBe(true);
    expect(statusOf(error)).toBe(status);
    expect(skipReason(error)).toBe(reason);
  });

  it('never quotes the response body when describing a client error', () => {
    const error = new confluence.ApiError(`Request failed: 500 - ${SECRET_BODY}`, 500, 'x', SECRET_BODY);
    expect(describe(error)).not.toContain('planted-value-xyz');
    expect(describe(error)).toContain('HTTP 500');
  });

  it.each([
    ['a refused origin', new CrossOriginError('https://elsewhere.example'), 'error'],
    ['an oversize body', new ResponseTooLargeError(10), 'too-large'],
    ['a missing scope', new MissingScopeError('GET', '/wiki/api/v2/spaces'), 'missing-scope'],
  ])('maps %s wrapped by a client to a coverage reason', (_name, cause, reason) => {
    expect(skipReason(new Error('network', { cause }))).toBe(reason);
  });

  it('stops the run on a dead token rather than skipping', () => {
    expect(skipReason(new jira.ApiError('no', 401, 'Unauthorized', ''))).toBeUndefined();
    expect(skipReason(new Error('wrapped', { cause: new LoginFailedError() }))).toBeUndefined();
  });
});
