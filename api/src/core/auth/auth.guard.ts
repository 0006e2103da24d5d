import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { type Actor, type AppAbility, defineAbilityFor } from '@adaldesk/libs';
import type { Request } from 'express';
import { Clock } from '../clock/clock.js';
import { isUuid } from '../crud/list-query.js';
import { AppError, ErrorCode } from '../errors/app-error.js';
import type { AuthenticatedUser } from './authenticated-user.js';
import { type SignedInUser, SignedInUsers } from './signed-in-users.js';
import { IS_PUBLIC, REQUIRED_PERMISSION, type RequiredPermission } from './decorators.js';

/**
 * Signs in every request from its bearer token (with the user as the database has them now, so a
 * deactivated account is refused at once) and checks the route's required permission against the
 * shared rules.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly verifiedTokens = new VerifiedTokens();

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly users: SignedInUsers,
    private readonly clock: Clock,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
    request.user = await this.authenticate(request);

    const required = this.reflector.getAllAndOverride<RequiredPermission | undefined>(REQUIRED_PERMISSION, targets);
    if (required && !request.user.ability.can(required.action, required.subject)) {
      throw AppError.forbidden(`The ${request.user.role} role may not ${required.action} ${required.subject}`);
    }
    return true;
  }

  private async authenticate(request: Request): Promise<AuthenticatedUser> {
    const [scheme, token] = (request.header('authorization') ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) {
      throw new AppError(ErrorCode.Unauthenticated, 'Sign in first: send Authorization: Bearer <accessToken>');
    }
    const now = this.clock.now().getTime();
    let session = this.verifiedTokens.sessionOf(token, now);
    if (session === null) {
      let claims: TokenClaims;
      try {
        claims = await this.jwt.verifyAsync<TokenClaims>(token, { clockTimestamp: Math.floor(now / 1000) });
      } catch {
        throw new AppError(ErrorCode.Unauthenticated, 'The access token is invalid or has expired; sign in again');
      }
      // A token that never expires or names no session could never be revoked: it is not accepted.
      if (typeof claims.exp !== 'number' || typeof claims.sv !== 'number' || typeof claims.sub !== 'string') {
        throw new AppError(ErrorCode.Unauthenticated, 'The access token has no expiry or session; sign in again');
      }
      session = { subject: claims.sub, sessionVersion: claims.sv, expiresAt: claims.exp * 1000 };
      this.verifiedTokens.remember(token, session);
    }
    const userId = session.subject;
    // Signed by us but naming no user id (a token from another system sharing the key, or a bug):
    // the same answer as any other token that does not sign anyone in, not a failed UUID cast.
    if (!isUuid(userId)) {
      throw new AppError(ErrorCode.Unauthenticated, 'The access token does not name a user; sign in again');
    }
    const user = await this.users.find(userId);
    if (!user || !user.active) {
      throw new AppError(ErrorCode.Unauthenticated, 'This account is deactivated or no longer exists');
    }
    if (user.sessionVersion !== session.sessionVersion) {
      throw new AppError(
        ErrorCode.Unauthenticated,
        'This session has ended (signed out or password changed); sign in again',
      );
    }
    return toAuthenticatedUser(user);
  }
}

/** What a token says: whose it is, which of their sessions, and until when (`exp` in seconds). */
interface TokenClaims {
  sub: string;
  sv?: number;
  exp?: number;
}

/** A token whose signature checked out: its user, their session version then, and its expiry in milliseconds. */
interface VerifiedSession {
  subject: string;
  sessionVersion: number;
  expiresAt: number;
}

/**
 * Tokens whose signature this instance has checked, with their session, until they expire: a token's
 * signature checks out the same every time, so a client's next requests skip the HMAC and the parse.
 * Expiry is still enforced here to the second (on the machine's clock, as the signature check does); the
 * user and their current session version are still read on every request. Per guard, so apps with
 * different keys (tests) never share verdicts.
 */
class VerifiedTokens {
  private static readonly MAX_TOKENS = 10_000;
  private readonly tokens = new Map<string, VerifiedSession>();

  sessionOf(token: string, now: number): VerifiedSession | null {
    const known = this.tokens.get(token);
    if (!known) return null;
    if (now < known.expiresAt) return known;
    this.tokens.delete(token);
    return null;
  }

  remember(token: string, session: VerifiedSession): void {
    if (this.tokens.size >= VerifiedTokens.MAX_TOKENS) this.tokens.clear();
    this.tokens.set(token, session);
  }
}

/**
 * Abilities by who they are for. The rules depend on the actor's id, role and region only, so one built
 * ability serves every request of that person, and with it CASL's compiled conditions and the field
 * groups of `readableFields`. A change of role or region is a new key, so it takes effect at once.
 */
const abilities = new Map<string, AppAbility>();
const MAX_CACHED_ABILITIES = 10_000;

function abilityFor(actor: Actor): AppAbility {
  const key = `${actor.id}|${actor.role}|${actor.regionId ?? ''}`;
  let ability = abilities.get(key);
  if (!ability) {
    if (abilities.size >= MAX_CACHED_ABILITIES) abilities.clear();
    ability = defineAbilityFor(actor);
    abilities.set(key, ability);
  }
  return ability;
}

export function toAuthenticatedUser(user: SignedInUser): AuthenticatedUser {
  const actor = { id: user.id, role: user.role, regionId: user.regionId };
  return { ...actor, email: user.email, fullName: user.fullName, ability: abilityFor(actor) };
}
