import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A PEM pair on disk. */
export interface CertFiles {
  cert: string;
  key: string;
}

const openssl = (args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });

/**
 * Test certificates made with the openssl CLI in a temp dir: CAs, server
 * certificates for 127.0.0.1/localhost, and client certificates. EC P-256, so
 * each takes milliseconds.
 */
export class TestPki {
  readonly dir = mkdtempSync(join(tmpdir(), 'helix-pki-'));
  private serial = 1;

  /** A self-signed CA. */
  ca(name: string): CertFiles {
    const f = this.files(name);
    openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', f.key, '-out', f.cert, '-days', '2', '-subj', `/CN=${name}`,
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
    return f;
  }

  /** A leaf signed by `ca`: a server certificate for 127.0.0.1 and localhost, or a client certificate. */
  leaf(name: string, ca: CertFiles, kind: 'server' | 'client'): CertFiles {
    const f = this.files(name);
    const csr = join(this.dir, `${name}.csr`);
    const ext = join(this.dir, `${name}.ext`);
    writeFileSync(ext, kind === 'server'
      ? 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n'
      : `subjectAltName=email:${name}@example.com\nextendedKeyUsage=clientAuth\n`);
    openssl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', f.key, '-out', csr, '-subj', `/CN=${name}`]);
    openssl(['x509', '-req', '-in', csr, '-CA', ca.cert, '-CAkey', ca.key, '-set_serial', String(this.serial++), '-days', '2', '-out', f.cert, '-extfile', ext]);
    return f;
  }

  read(f: CertFiles): { cert: Buffer; key: Buffer } {
    return { cert: readFileSync(f.cert), key: readFileSync(f.key) };
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private files(name: string): CertFiles {
    return { cert: join(this.dir, `${name}.crt`), key: join(this.dir, `${name}.key`) };
  }
}
