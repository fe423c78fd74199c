// Technical terms a Chinese console keeps in Latin letters: the zh-CN check
// (i18n-zh.spec.ts) strips them before looking for English words left in
// the UI, and the locale files' native test (src/i18n/tests.rs) allows a
// zh-CN value equal to its English one only when it is made of them.
// One quoted term per line; keep the list short and honest.
export const ALLOWED_TERMS: string[] = [
  'PEM',
  'DER',
  'CSR',
  'CRL',
  'CA',
  'SSL',
  'TLS',
  'RSA',
  'EC',
  'SHA-256',
  'SHA-1',
  'DNS',
  'IP',
  'URL',
  'HTTP',
  'OCSP',
  'PKCS#12',
  'PFX',
  'JKS',
  'ID',
  'IAM',
  'CCM',
  'SCM',
  'API',
  'CORS',
  'AK',
  'SK',
  'UTC',
];
