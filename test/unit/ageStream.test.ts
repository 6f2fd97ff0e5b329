import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { buffer } from 'node:stream/consumers';
import { Decrypter, Encrypter } from 'age-encryption';
import { ageHeaderSize, NativeScryptIdentity, nativeScryptWorks, openAgeFile } from '../../services/archive/ageStream';
import { tempDir } from '../helpers/tempArchive';

/**
 * The native payload reader of services/archive/ageStream.ts against age-encryption itself: the same
 * plaintext for every size around the 64 KiB chunk boundaries, and the same refusals (a flipped bit, a
 * file cut at a chunk boundary, a wrong passphrase).
 */
const PASS = 'một câu mật khẩu cho kiểm thử';
const CHUNK = 64 * 1024;

async function encrypted(plain: Uint8Array): Promise<Buffer> {
  const e = new Encrypter();
  e.setScryptWorkFactor(4);
  e.setPassphrase(PASS);
  return Buffer.from(await e.encrypt(plain));
}

async function nativeRead(file: string, passphrase = PASS): Promise<Buffer> {
  const d = new Decrypter();
  d.addPassphrase(passphrase);
  const plain = await openAgeFile(file, (h) => d.decryptHeader(h));
  if (!plain) throw new Error('header not found');
  return buffer(plain);
}

describe('age payload with Node ChaCha20-Poly1305', () => {
  it('reads what age-encryption wrote, at every chunk boundary', async () => {
    const t = tempDir('hoso-age-');
    try {
      for (const size of [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 2 * CHUNK + 17, 5 * CHUNK + 3]) {
        const plain = randomBytes(size);
        const file = join(t.dir, `f-${size}.age`);
        writeFileSync(file, await encrypted(plain));
        expect((await nativeRead(file)).equals(plain), `size ${size}`).toBe(true);
      }
      const file = join(t.dir, 'text.age');
      writeFileSync(file, await encrypted(new TextEncoder().encode('Biên bản hội nghị')));
      const d = new Decrypter();
      d.addPassphrase(PASS);
      expect(await text((await openAgeFile(file, (h) => d.decryptHeader(h)))!)).toBe('Biên bản hội nghị');
    } finally {
      t.cleanup();
    }
  });

  it('refuses a flipped bit, a file cut at a chunk boundary, data after the final chunk and a wrong passphrase', async () => {
    const t = tempDir('hoso-age-');
    try {
      const plain = randomBytes(3 * CHUNK + 100);
      const whole = await encrypted(plain);
      const payloadStart = ageHeaderSize(whole)! + 16;
      const flipped = Buffer.from(whole);
      flipped[payloadStart + CHUNK + 40]! ^= 1;
      const cut = whole.subarray(0, payloadStart + 2 * (CHUNK + 16));
      const extra = Buffer.concat([whole, Buffer.from('thừa')]);
      for (const [name, bytes] of [['flipped', flipped], ['cut', cut], ['extra', extra]] as const) {
        const file = join(t.dir, `${name}.age`);
        writeFileSync(file, bytes);
        await expect(nativeRead(file), name).rejects.toThrow();
      }
      const file = join(t.dir, 'ok.age');
      writeFileSync(file, whole);
      await expect(nativeRead(file, 'sai mật khẩu')).rejects.toThrow();
      expect((await nativeRead(file)).equals(plain)).toBe(true);
    } finally {
      t.cleanup();
    }
  });
});

describe('the passphrase (scrypt) with Node’s own scrypt', () => {
  const header = (file: Buffer) => file.subarray(0, ageHeaderSize(file)!);
  const fileKey = async (h: Buffer, identity: 'age' | 'native', passphrase = PASS) => {
    const d = new Decrypter();
    if (identity === 'age') d.addPassphrase(passphrase);
    else d.addIdentity(new NativeScryptIdentity(passphrase));
    return Buffer.from(await d.decryptHeader(h));
  };

  it('gives the file key age-encryption gives, at several work factors, and none for a wrong passphrase', async () => {
    expect(nativeScryptWorks()).toBe(true);
    for (const logN of [1, 4, 10]) {
      const e = new Encrypter();
      e.setScryptWorkFactor(logN);
      e.setPassphrase(PASS);
      const h = header(Buffer.from(await e.encrypt(new Uint8Array(10))));
      expect((await fileKey(h, 'native')).equals(await fileKey(h, 'age')), `logN ${logN}`).toBe(true);
      await expect(fileKey(h, 'native', 'sai mật khẩu')).rejects.toThrow(/no identity matched/);
    }
  });

  it('refuses what age-encryption refuses: another stanza beside it, a bad salt, a work factor above 20', async () => {
    const h = header(await encrypted(new Uint8Array(10))).toString('latin1');
    const [, salt, body] = /^-> scrypt (\S+) 4\n(\S+)$/m.exec(h)!;
    const stanza = (args: string[]) => ({ args, body: new Uint8Array(Buffer.from(body!, 'base64')) });
    const identity = new NativeScryptIdentity(PASS);
    // The stanza as written opens (and gives age-encryption's file key: above); each variant is refused.
    expect(await identity.unwrapFileKey([stanza(['scrypt', salt!, '4'])])).toHaveLength(16);
    expect(await identity.unwrapFileKey([stanza(['X25519', 'AAAA'])])).toBeNull();
    const refused: Record<string, ReturnType<typeof stanza>[]> = {
      twoStanzas: [stanza(['X25519', 'AAAA']), stanza(['scrypt', salt!, '4'])],
      shortSalt: [stanza(['scrypt', salt!.slice(0, 20), '4'])],
      paddedSalt: [stanza(['scrypt', `${salt!}==`, '4'])],
      notBase64: [stanza(['scrypt', `${salt!.slice(0, 21)}*`, '4'])],
      workFactor: [stanza(['scrypt', salt!, '21'])],
      leadingZero: [stanza(['scrypt', salt!, '04'])],
      extraArg: [stanza(['scrypt', salt!, '4', 'x'])],
    };
    for (const [name, stanzas] of Object.entries(refused))
      await expect(identity.unwrapFileKey(stanzas), name).rejects.toThrow();
  });
});
