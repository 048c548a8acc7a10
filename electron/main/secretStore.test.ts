import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SecretStorageUnavailable, SecretStore, type SafeStorageApi } from './secretStore';
import { tempDir } from '../../test/support/tempDir';

/** A reversible stand-in for the OS key store: the file must never hold the plain text. */
function fakeSafeStorage(
  available = true,
  backend: ReturnType<NonNullable<SafeStorageApi['getSelectedStorageBackend']>> = 'gnome_libsecret',
) {
  const state = { available, backend, key: 7 };
  const api: SafeStorageApi = {
    isEncryptionAvailable: () => state.available,
    getSelectedStorageBackend: () => state.backend,
    encryptString: (plain) => Buffer.from([state.key, ...Buffer.from(plain, 'utf8').map((byte) => byte ^ state.key)]),
    decryptString: (cipher) => {
      if (cipher[0] !== state.key) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(cipher.subarray(1).map((byte) => byte ^ state.key)).toString('utf8');
    },
  };
  return { api, state };
}

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

describe('SecretStore', () => {
  const dir = () => tempDir('pa-secrets-');

  it('stores encrypted, reads back, and never writes the plain text', () => {
    const file = join(dir(), 'secrets.json');
    const store = new SecretStore(fakeSafeStorage().api, file, 'linux');
    store.set('static-key:acme', SECRET);
    expect(store.get('static-key:acme')).toBe(SECRET);
    expect(store.has('static-key:acme')).toBe(true);
    expect(readFileSync(file, 'utf8')).not.toContain(SECRET);
    expect(readFileSync(file, 'utf8')).not.toContain('EXAMPLEKEY');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o077).toBe(0);
  });

  it('refuses to store when the OS offers no encryption', () => {
    const file = join(dir(), 'secrets.json');
    const store = new SecretStore(fakeSafeStorage(false).api, file, 'darwin');
    expect(store.canStore()).toBe(false);
    expect(() => store.set('external-id', 'abc')).toThrow(SecretStorageUnavailable);
    expect(existsSync(file)).toBe(false);
  });

  it('refuses Linux’s basic_text fallback, whose key is the same on every machine', () => {
    const file = join(dir(), 'secrets.json');
    const store = new SecretStore(fakeSafeStorage(true, 'basic_text').api, file, 'linux');
    expect(store.canStore()).toBe(false);
    expect(() => store.set('external-id', 'abc')).toThrow(SecretStorageUnavailable);
    expect(existsSync(file)).toBe(false);
    expect(new SecretStore(fakeSafeStorage(true, 'kwallet5').api, file, 'linux').canStore()).toBe(true);
  });

  it('answers null for an unknown name and for a secret the key store can no longer decrypt', () => {
    const file = join(dir(), 'secrets.json');
    const { api, state } = fakeSafeStorage();
    const store = new SecretStore(api, file, 'win32');
    store.set('external-id', 'abc');
    expect(store.get('other')).toBeNull();
    state.key = 9;
    expect(store.get('external-id')).toBeNull();
  });

  it('deletes one secret and removes the file with the last', () => {
    const file = join(dir(), 'secrets.json');
    const store = new SecretStore(fakeSafeStorage().api, file, 'darwin');
    store.set('a', '1');
    store.set('b', '2');
    store.delete('a');
    expect(store.has('a')).toBe(false);
    expect(store.get('b')).toBe('2');
    store.delete('b');
    expect(existsSync(file)).toBe(false);
  });

  it('rejects names that could smuggle structure, and ignores a damaged file', () => {
    const file = join(dir(), 'secrets.json');
    const store = new SecretStore(fakeSafeStorage().api, file, 'darwin');
    expect(() => store.set('__proto__', 'x')).toThrow(RangeError);
    writeFileSync(file, '{oops');
    expect(store.get('a')).toBeNull();
  });
});
