import { env } from '#config/env.ts';
import type { MalwareScanner, ObjectStore } from '#ports.ts';
import { eicarScanner } from './eicar-scanner.ts';
import { guardDutyScanner } from './guardduty-scanner.ts';

/** GuardDuty in AWS stages, the EICAR signature scanner locally, unless MALWARE_SCANNER says otherwise. */
export function scannerFromEnv(store: Pick<ObjectStore, 'getTag'>): MalwareScanner {
  const { MALWARE_SCANNER, STAGE } = env();
  const kind = MALWARE_SCANNER ?? (STAGE === 'local' ? 'eicar' : 'guardduty');
  return kind === 'guardduty' ? guardDutyScanner(store) : eicarScanner;
}
