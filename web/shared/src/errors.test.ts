import { describe, expect, it } from 'vitest';
import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { appErrors, fieldError, formErrors, isTransient } from './errors';

describe('appErrors', () => {
  it('keeps code, field and reason of each GraphQL error', () => {
    const e = new CombinedError({ graphQLErrors: [new GraphQLError('must be 6 digits', { extensions: { code: 'BAD_USER_INPUT', field: 'input.pinCode' } }), new GraphQLError('slow down', { extensions: { code: 'RATE_LIMITED' } })] });
    const errs = appErrors(e);
    expect(errs).toEqual([
      { code: 'BAD_USER_INPUT', field: 'input.pinCode', reason: undefined, message: 'must be 6 digits' },
      { code: 'RATE_LIMITED', field: undefined, reason: undefined, message: 'slow down' },
    ]);
    expect(fieldError(errs, 'pinCode')?.message).toBe('must be 6 digits');
    expect(formErrors(errs, ['pinCode']).map((x) => x.code)).toEqual(['RATE_LIMITED']);
    expect(isTransient(errs)).toBe(false);
  });
  it('turns a network failure into a retryable NETWORK error', () => {
    const errs = appErrors(new CombinedError({ networkError: new Error('Failed to fetch') }));
    expect(errs[0]?.code).toBe('NETWORK');
    expect(isTransient(errs)).toBe(true);
  });
});
