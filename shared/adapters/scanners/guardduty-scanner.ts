import { GUARDDUTY_TAG, verdictFromGuardDuty } from '#domain/malware.ts';
import type { MalwareScanner, ObjectStore } from '#ports.ts';

/**
 * GuardDuty Malware Protection for S3 scans every new object under evidence/ by itself (the plan in
 * infra/constructs/malware-protection.ts). Finalize asks for the verdict tag in case the scan already
 * finished; otherwise the file waits in `scanning` until the scan-result function receives the EventBridge
 * event.
 */
export function guardDutyScanner(store: Pick<ObjectStore, 'getTag'>): MalwareScanner {
  return {
    engine: 'guardduty',
    async lookup(objectKey) {
      const status = await store.getTag(objectKey, GUARDDUTY_TAG);
      return status ? verdictFromGuardDuty(status) : undefined;
    },
  };
}
