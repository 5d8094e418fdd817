// Errors a shopper can cause arrive as GraphQL errors with extensions.code
// (and for bad input a field and a reason). This turns urql's CombinedError
// into that shape once, so screens show each at the place it belongs.
import type { CombinedError } from '@urql/core';

export type AppError = {
  /** BAD_USER_INPUT, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, RATE_LIMITED, NETWORK, … */
  code: string;
  /** The input field the error is about (BAD_USER_INPUT), e.g. "pinCode". */
  field?: string;
  reason?: string;
  /** The server's own words (English); screens prefer a translated message by code/reason. */
  message: string;
};

export function appErrors(error: CombinedError | undefined | null): AppError[] {
  if (!error) return [];
  if (error.networkError && !error.graphQLErrors.length) {
    return [{ code: 'NETWORK', message: error.networkError.message }];
  }
  return error.graphQLErrors.map((e) => {
    const ext = (e.extensions ?? {}) as { code?: unknown; field?: unknown; reason?: unknown };
    return {
      code: typeof ext.code === 'string' ? ext.code : 'INTERNAL_SERVER_ERROR',
      field: typeof ext.field === 'string' ? ext.field : undefined,
      reason: typeof ext.reason === 'string' ? ext.reason : undefined,
      message: e.message,
    };
  });
}

/** The error about one input field (the last path segment matches: "input.pinCode" ~ "pinCode"). */
export function fieldError(errors: AppError[], field: string): AppError | undefined {
  return errors.find((e) => e.field === field || e.field?.split('.').pop() === field);
}

/** Errors not tied to a field of the form (shown above the submit button). */
export function formErrors(errors: AppError[], fields: readonly string[]): AppError[] {
  return errors.filter((e) => !e.field || !fields.some((f) => e.field === f || e.field?.split('.').pop() === f));
}

/** Whether retrying can help: the network or the server failed, not the shopper. */
export function isTransient(errors: AppError[]): boolean {
  return errors.some((e) => ['NETWORK', 'INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE', 'GATEWAY_TIMEOUT'].includes(e.code));
}
