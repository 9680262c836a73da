declare module 's3rver' {
  import type { EventEmitter } from 'node:events';

  interface S3rverOptions {
    /** A TCP port, or a path: Node's http.Server#listen then opens a Unix socket. */
    port?: number | string;
    address?: string;
    silent?: boolean;
    directory?: string;
    resetOnClose?: boolean;
    allowMismatchedSignatures?: boolean;
    configureBuckets?: { name: string; configs?: (string | Buffer)[] }[];
  }
  export default class S3rver extends EventEmitter {
    constructor(options?: S3rverOptions);
    run(): Promise<{ address: string; port: number } | string>;
    close(): Promise<void>;
  }
}
