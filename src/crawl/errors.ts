// Classifies what the Atlassian clients throw, without ever reading response bodies into messages or logs
// (they may hold the very content being scanned).
import * as confluence from 'confluence.js';
import * as jira from 'jira.js';
import { ResponseInterruptedError, ResponseTooLargeError } from '../sources/read-body.ts';
import { MalformedResponseError } from '../sources/response-shape.ts';
import {
  CrossOriginError,
  LoginFailedError,
  MissingScopeError,
  RequestTimeoutError,
} from '../sources/request-errors.ts';
import type { SkipReason } from './coverage.ts';

function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e = error; e != null && chain.length < 8; e = (e as { cause?: unknown }).cause) chain.push(e);
  return chain;
}

// The two clients share their error classes' design but not their brands: ask both.
const isApiError = (e: unknown) => jira.isApiError(e) || confluence.isApiError(e);
export const isNetworkError = (e: unknown) => jira.isNetworkError(e) || confluence.isNetworkError(e);
const isSchemaMismatchError = (e: unknown) =>
  jira.isSchemaMismatchError(e) || confluence.isSchemaMismatchError(e);

/** An error thrown by either Atlassian client: its message may quote the response body, so it is never shown. */
export function isClientError(error: unknown): boolean {
  return isApiError(error) || isNetworkError(error) || isSchemaMismatchError(error);
}

export function statusOf(error: unknown): number | undefined {
  return isApiError(error) ? (error as { status: number }).status : undefined;
}

export function isLoginFailure(error: unknown): boolean {
  return statusOf(error) === 401 || causeChain(error).some((e) => e instanceof LoginFailedError);
}

/** The token lacks a scope the endpoint needs: what it blocks is a gap, and the rest of the run goes on. */
export const isMissingScope = (error: unknown): boolean =>
  causeChain(error).some((e) => e instanceof MissingScopeError);

/** The coverage reason for a failure that loses one container or item, or undefined if the run must stop. */
export function skipReason(error: unknown): SkipReason | undefined {
  if (isLoginFailure(error)) return undefined;
  if (isMissingScope(error)) return 'missing-scope';
  const chain = causeChain(error);
  if (chain.some((e) => e instanceof CrossOriginError)) return 'error';
  if (chain.some((e) => e instanceof ResponseTooLargeError)) return 'too-large';
  if (chain.some((e) => e instanceof RequestTimeoutError)) return 'timeout';
  if (chain.some((e) => e instanceof ResponseInterruptedError)) return 'error';
  if (isSchemaMismatchError(error) || chain.some((e) => e instanceof MalformedResponseError))
    return 'unparseable';
  const status = statusOf(error);
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 400) return 'forbidden';
  if (status === 429) return 'throttled';
  if (isNetworkError(error)) return 'timeout';
  if (status !== undefined) return 'error';
  return undefined;
}

/** A one-line description safe for logs: status and error class, never the response body. */
export function describe(error: unknown): string {
  const status = statusOf(error);
  const chain = causeChain(error);
  const names = chain.map((e) => (e instanceof Error ? e.name : typeof e)).join(' < ');
  return status !== undefined ? `HTTP ${status} (${names})` : names;
}
