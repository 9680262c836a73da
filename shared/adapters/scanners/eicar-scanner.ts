import { eicarScan } from '#domain/malware.ts';
import type { MalwareScanner } from '#ports.ts';

/**
 * The local scanner: flags the EICAR test string anywhere in the file during finalize's single read, so the
 * quarantine path runs for real without an anti-virus engine. It is not protection against real malware.
 */
export const eicarScanner: MalwareScanner = { engine: 'eicar-signature', inline: eicarScan };
