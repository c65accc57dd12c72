import { describe, expect, it } from 'vitest';
import { registerHandlers } from '../../../src-main/host/register-handlers';
import { features } from '../../../src-main/host/features';

const noop = async () => ({ ok: true as const, value: null });

describe('handler registration', () => {
  it('covers the whole contract with the shipped features', () => {
    expect(() => registerHandlers(features)).not.toThrow();
  });
  it('refuses a command registered twice', () => {
    expect(() => registerHandlers([...features, { name: 'copycat', commands: { 'projects/create': noop } as never }])).toThrow(/Duplicate handler for projects\/create/);
  });
  it('refuses a handler the contract does not declare', () => {
    expect(() => registerHandlers([...features, { name: 'rogue', commands: { 'rogue/thing': noop } as never }])).toThrow(/does not declare/);
  });
  it('refuses a contract entry without a handler', () => {
    expect(() => registerHandlers(features.filter((f) => f.name !== 'audit'))).toThrow(/No handler for: audit\/list/);
  });
  it('takes a batch form only beside its own feature’s command', () => {
    expect(registerHandlers(features).batches['workflows/instances/advance']).toBeTypeOf('function');
    expect(() => registerHandlers([...features, { name: 'borrower', batches: { 'projects/create': noop } as never }])).toThrow(/borrower has a batch form of projects\/create/);
  });
});
