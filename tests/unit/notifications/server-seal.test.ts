import { describe, expect, it } from 'vitest';
import { needsSeal, sealContext, serverAccessOf, type ServerAccessInput } from '../../../src-shared/notifications/channel-settings';
import { generateOutboxKeyPair, openSealed, outboxKeyPairFromPrivate, exportPrivateKey, sealForServer } from '../../../src-main/notifications/outbox/server-seal';
import { unwrapPrivateKey, wrapPrivateKey } from '../../../sync-server/outbox/outbox-key';

const server = generateOutboxKeyPair();
const context = sealContext('email-settings');

/** Flips one bit of the sealed bytes at `offset` (after the format prefix). */
function flipped(cipher: string, offset: number): string {
  const [prefix, body] = [cipher.slice(0, cipher.indexOf(':') + 1), cipher.slice(cipher.indexOf(':') + 1)];
  const bytes = Buffer.from(body, 'base64url');
  bytes[offset] = bytes[offset]! ^ 0x01;
  return prefix + bytes.toString('base64url');
}

describe('secrets sealed for the sync server', () => {
  it('opens with the server’s key, for the document it was sealed for', () => {
    const sealed = sealForServer(server.key, 'smtp-secret-42 ✓', context);
    expect(sealed.keyId).toBe(server.key.keyId);
    expect(sealed.cipher).not.toContain('smtp-secret');
    expect(openSealed(sealed, server, context)).toEqual({ ok: true, value: 'smtp-secret-42 ✓' });
    // Each seal uses a fresh ephemeral key: sealing twice never gives the same text.
    expect(sealForServer(server.key, 'smtp-secret-42 ✓', context).cipher).not.toBe(sealed.cipher);
  });

  it('names the key id from the public key, so every server process and restart agree', () => {
    const again = outboxKeyPairFromPrivate(exportPrivateKey(server));
    expect(again.key).toEqual(server.key);
    expect(server.key.keyId).not.toBe(generateOutboxKeyPair().key.keyId);
  });

  it('refuses with a reason: another server key, a seal moved to another document, altered bytes, not a seal', () => {
    const sealed = sealForServer(server.key, 'whsec_abc', sealContext('WH-1'));
    const other = generateOutboxKeyPair();
    expect(openSealed(sealed, other, sealContext('WH-1'))).toMatchObject({ ok: false, error: { message: expect.stringContaining('sealed for another server key') } });
    // Relabelled for the other key: the wrong private key cannot authenticate it.
    expect(openSealed({ ...sealed, keyId: other.key.keyId }, other, sealContext('WH-1'))).toMatchObject({ ok: false, error: { message: expect.stringContaining('altered or damaged') } });
    expect(openSealed(sealed, server, sealContext('WH-2'))).toMatchObject({ ok: false, error: { message: expect.stringContaining('altered or damaged') } });
    // Ephemeral key, IV, tag and body: a flipped bit anywhere is caught.
    for (const offset of [0, 33, 50, 61]) {
      expect(openSealed({ ...sealed, cipher: flipped(sealed.cipher, offset) }, server, sealContext('WH-1')), `bit at byte ${offset}`).toMatchObject({ ok: false, error: { message: expect.stringContaining('altered or damaged') } });
    }
    expect(openSealed({ ...sealed, cipher: 'kf1:abcdef' }, server, sealContext('WH-1'))).toMatchObject({ ok: false, error: { message: expect.stringContaining('not in a format') } });
    expect(openSealed({ ...sealed, cipher: 'x25519.v1:AAAA' }, server, sealContext('WH-1'))).toMatchObject({ ok: false, error: { message: expect.stringContaining('cut short') } });
  });

  it('refuses a public key that is not X25519', () => {
    expect(() => sealForServer({ ...server.key, publicKey: Buffer.alloc(16).toString('base64url') }, 'x', context)).toThrow(/not an X25519 public key/);
  });
});

describe('the server’s private key at rest', () => {
  it('is wrapped with the signing secret and opens only with the same secret', () => {
    const stored = wrapPrivateKey(server, 'signing secret one, long enough');
    expect(stored).not.toContain(exportPrivateKey(server).toString('base64'));
    expect(unwrapPrivateKey(stored, 'signing secret one, long enough')?.key).toEqual(server.key);
    expect(unwrapPrivateKey(stored, 'another signing secret')).toBeNull();
    expect(unwrapPrivateKey('not json', 'signing secret one, long enough')).toBeNull();
    const { keyId, wrapped } = JSON.parse(stored) as { keyId: string; wrapped: string };
    expect(unwrapPrivateKey(JSON.stringify({ keyId: `${keyId}x`, wrapped }), 'signing secret one, long enough')).toBeNull();
  });
});

describe('whether the server can read a setting', () => {
  const base: ServerAccessInput = { hasSecret: true, sealKeyId: undefined, serverKeyId: 'ok_1', canDecryptHere: true, isSyncAdmin: true };
  it.each<[string, Partial<ServerAccessInput>, string]>([
    ['no secret to hand over', { hasSecret: false }, 'not_needed'],
    ['sealed for the current key', { sealKeyId: 'ok_1' }, 'sealed'],
    ['sealed, server key not fetched yet', { sealKeyId: 'ok_0', serverKeyId: null }, 'sealed'],
    ['sealed for an old key, this admin PC re-seals', { sealKeyId: 'ok_0' }, 'sealing'],
    ['not sealed, this admin PC seals', {}, 'sealing'],
    ['not sealed, signed in to the team as a member', { isSyncAdmin: false }, 'needs_admin'],
    ['not sealed, entered on another PC', { canDecryptHere: false }, 'enter_again'],
    ['old key, entered on another PC', { sealKeyId: 'ok_0', canDecryptHere: false, isSyncAdmin: false }, 'enter_again'],
  ])('%s', (_name, input, expected) => {
    expect(serverAccessOf({ ...base, ...input })).toBe(expected);
  });

  it('asks for a seal only where a secret lacks one for the current key', () => {
    expect(needsSeal(true, undefined, 'ok_1')).toBe(true);
    expect(needsSeal(true, { keyId: 'ok_0', cipher: 'c' }, 'ok_1')).toBe(true);
    expect(needsSeal(true, { keyId: 'ok_1', cipher: 'c' }, 'ok_1')).toBe(false);
    expect(needsSeal(false, undefined, 'ok_1')).toBe(false);
  });
});
