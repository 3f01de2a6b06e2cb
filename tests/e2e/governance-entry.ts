// What the governance store test loads into the page (bundled on the fly as window.gov).
export { IndexedDbAuditStore, inputChangeDraft } from '../../src/app/governance/audit-store.ts';
export { IndexedDbKeyStore, signingKey } from '../../src/app/governance/signing-key.ts';
export { IndexedDbArchiveStore } from '../../src/app/governance/archive-store.ts';
export { clearLocalData } from '../../src/app/governance/local-data.ts';
export { verifyAuditChain } from '../../src/config/audit.ts';
export { exportPublicKey, keyFingerprint } from '../../src/config/approval.ts';
