/** Applicant identity fields: hidden from inspectors and auditors everywhere (lists, exports, audit). */
export const APPLICANT_PERSONAL_FIELDS = [
  'applicantName',
  'applicantIin',
  'applicantBin',
  'applicantPhone',
  'applicantEmail',
  'applicantAddress',
] as const;
