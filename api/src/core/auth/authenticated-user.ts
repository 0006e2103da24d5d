import type { Actor, AppAbility } from '@adaldesk/libs';

/** The signed-in user as every request sees them: who they are and what the rules let them do. */
export interface AuthenticatedUser extends Actor {
  email: string;
  fullName: string;
  ability: AppAbility;
}
