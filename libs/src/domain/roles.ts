export const ROLES = ['officer', 'inspector', 'manager', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What a permission rule needs to know about the person acting. A null region means national scope. */
export interface Actor {
  id: string;
  role: Role;
  regionId: string | null;
}
