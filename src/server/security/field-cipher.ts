import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Field encryption for sensitive personal information (PIPL Art. 28/51):
 * AES-256-GCM for the value, HMAC-SHA256 blind index to find and deduplicate
 * without decrypting. Both keys derive from one master key.
 */
export class FieldCipher {
  // KeyObjects built once: passing raw Buffers made Node rebuild a key on every row (14% of an import).
  private readonly encKey: crypto.KeyObject;
  private readonly macKey: crypto.KeyObject;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('master key must be 32 bytes');
    this.encKey = crypto.createSecretKey(Buffer.from(crypto.hkdfSync('sha256', masterKey, Buffer.alloc(0), 'gonghui field encryption v1', 32)));
    this.macKey = crypto.createSecretKey(Buffer.from(crypto.hkdfSync('sha256', masterKey, Buffer.alloc(0), 'gonghui blind index v1', 32)));
  }

  encrypt(plain: string): string {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.encKey, iv);
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return 'v1:' + Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64');
  }

  decrypt(stored: string): string {
    if (!stored.startsWith('v1:')) throw new Error('unknown ciphertext version');
    const raw = Buffer.from(stored.slice(3), 'base64');
    const decipher = crypto.createDecipheriv('aes-256-gcm', this.encKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** Whole-file encryption for uploaded documents (≤ tens of MB, so in memory): iv | tag | ciphertext. */
  encryptBuffer(plain: Buffer): Buffer {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.encKey, iv);
    const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), ct]);
  }

  decryptBuffer(stored: Buffer): Buffer {
    const decipher = crypto.createDecipheriv('aes-256-gcm', this.encKey, stored.subarray(0, 12));
    decipher.setAuthTag(stored.subarray(12, 28));
    return Buffer.concat([decipher.update(stored.subarray(28)), decipher.final()]);
  }

  /** Deterministic keyed hash; 128 bits is ample for uniqueness and keeps the index small. */
  blindIndex(plain: string): string {
    return crypto.createHmac('sha256', this.macKey).update(plain, 'utf8').digest('hex').slice(0, 32);
  }
}

/** The key comes from configuration, or is created once in the data folder with 0600 permissions. */
export function loadMasterKey(opts: { secretKey?: string; dataDir: string }): Buffer {
  if (opts.secretKey) {
    const key = Buffer.from(opts.secretKey, 'base64');
    if (key.length !== 32) throw new Error('GONGHUI_SECRET_KEY must be 32 bytes, base64-encoded');
    return key;
  }
  const file = path.join(opts.dataDir, 'secret.key');
  if (fs.existsSync(file)) return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const key = crypto.randomBytes(32);
  fs.writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  return key;
}
