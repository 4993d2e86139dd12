import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { formatOf } from '../modules/ledger/import/file-rows.ts';

/** What an import reports while it runs: the page polls it beside the import's row in the database. */
export interface LiveProgress {
  percent: number;
  rowsPerSecond: number;
  error?: string;
}

export interface ImportHooks {
  onStarted(importId: number): void;
  onProgress(progress: { percent: number; rowsPerSecond: number }): void;
}

/**
 * Imports started from the web (ledger, organization tree, new-organizations registry): the upload
 * waits in DATA_DIR/uploads, readable only by the service, while the import runs in the background;
 * the file is removed when the import ends, however it ends. The import's own row (its table) is
 * the record; this keeps only what is live: percent, rows per second and a crash's message.
 */
export class BackgroundImports {
  private readonly live = new Map<number, LiveProgress>();
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'uploads');
  }

  /** Saves an upload after checking its name says `.xlsx` or `.csv`; returns where it lies. */
  async save(prefix: string, fileName: string, stream: Readable): Promise<string> {
    formatOf(fileName);
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const file = path.join(this.dir, `${prefix}-${randomBytes(16).toString('hex')}`);
    await pipeline(stream, createWriteStream(file, { mode: 0o600 }));
    return file;
  }

  /**
   * Runs an import of a saved file in the background; resolves with the import's id as soon as it
   * has one (or rejects if it fails before), and deletes the file when it ends.
   */
  start(file: string, run: (hooks: ImportHooks) => Promise<unknown>): Promise<number> {
    let importId = 0;
    return new Promise<number>((resolve, reject) => {
      run({
        onStarted: (id) => {
          importId = id;
          this.live.set(id, { percent: 0, rowsPerSecond: 0 });
          resolve(id);
        },
        onProgress: (p) => this.live.set(importId, { percent: p.percent, rowsPerSecond: p.rowsPerSecond }),
      })
        .catch((error: unknown) => {
          if (importId) this.live.set(importId, { ...(this.live.get(importId) ?? { percent: 0, rowsPerSecond: 0 }), error: error instanceof Error ? error.message : String(error) });
          reject(error);
        })
        .finally(() => void this.remove(file));
    });
  }

  progress(importId: number): LiveProgress | undefined {
    return this.live.get(importId);
  }

  remove(file: string): Promise<void> {
    return rm(file, { force: true });
  }
}
