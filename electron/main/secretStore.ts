/**
 * Secrets the user chooses to keep in the app (static access keys, an external id) are
 * encrypted with the OS keychain through Electron `safeStorage` (DPAPI, Keychain,
 * libsecret/KWallet) and never written in plain text. Where the OS offers no real key store
 * (Linux falls back to `basic_text`, a hard-coded key) nothing is stored: the user keeps
 * working from their AWS profiles instead.
 */
import type { SafeStorage } from 'electron';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

export type SafeStorageApi = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
  Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;

export class SecretStorageUnavailable extends Error {
  override name = 'SecretStorageUnavailable';
}

const SecretFile = z.record(z.string(), z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/));

export const SECRET_NAME = /^[a-z][a-z0-9-]{0,63}(:[A-Za-z0-9._-]{1,128})?$/;

export class SecretStore {
  constructor(
    private readonly safeStorage: SafeStorageApi,
    private readonly file: string,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  /** Whether `set` would encrypt with a real OS key store. */
  canStore(): boolean {
    if (!this.safeStorage.isEncryptionAvailable()) return false;
    if (this.platform === 'linux' && this.safeStorage.getSelectedStorageBackend?.() === 'basic_text') return false;
    return true;
  }

  set(name: string, value: string): void {
    if (!SECRET_NAME.test(name)) throw new RangeError('invalid secret name');
    if (!this.canStore()) {
      throw new SecretStorageUnavailable('This system offers no encrypted key store; use an AWS profile instead of storing the secret.');
    }
    const all = this.readAll();
    all[name] = this.safeStorage.encryptString(value).toString('base64');
    this.writeAll(all);
  }

  /** The decrypted secret, or null when none is stored (or it cannot be decrypted any more). */
  get(name: string): string | null {
    const stored = this.readAll()[name];
    if (stored === undefined || !this.safeStorage.isEncryptionAvailable()) return null;
    try {
      return this.safeStorage.decryptString(Buffer.from(stored, 'base64'));
    } catch {
      // A keychain reset or a copied data folder: the ciphertext is useless, not an error to show.
      return null;
    }
  }

  has(name: string): boolean {
    return this.readAll()[name] !== undefined;
  }

  delete(name: string): void {
    const all = this.readAll();
    if (!(name in all)) return;
    delete all[name];
    if (Object.keys(all).length === 0) rmSync(this.file, { force: true });
    else this.writeAll(all);
  }

  private readAll(): Record<string, string> {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(this.file, 'utf8'));
    } catch {
      return {};
    }
    const parsed = SecretFile.safeParse(raw);
    return parsed.success ? { ...parsed.data } : {};
  }

  private writeAll(all: Record<string, string>): void {
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(all), { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}
