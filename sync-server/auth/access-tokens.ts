import { randomBytes } from 'node:crypto';
import { SignJWT, errors, jwtVerify } from 'jose';

export const ACCESS_TOKEN_AUDIENCE = 'labflow-sync';
export const ACCESS_TOKEN_ISSUER = 'labflow-sync-server';
/** The only algorithm signed and accepted. Fixing it defeats `alg: none` and HS/RS confusion. */
export const ACCESS_TOKEN_ALGORITHM = 'HS256';

export interface AccessTokenIssuer {
  /** `familyId` names the sign-in (its refresh-token family), so signing out revokes the access tokens too. */
  issue(personId: string, familyId: string, now: Date): Promise<{ token: string; expiresAt: Date }>;
  /** The person id and sign-in, or why the token is refused (for the log; the client only learns "unauthenticated"). */
  verify(token: string, now: Date): Promise<{ ok: true; personId: string; familyId: string } | { ok: false; reason: string }>;
  /** The longest an access token issued at `now` lives. */
  expiryOf(now: Date): Date;
}

/**
 * Short-lived access tokens: JWTs signed with HS256, carrying `sub`, `aud`, `iss`, `iat`, `nbf`,
 * `exp`, `token_use: access` and `fam` (the sign-in's refresh-token family, for revocation). Verification pins the algorithm, audience and issuer and needs
 * every time claim, so a token without `exp` is refused too.
 */
export function createAccessTokens(secret: string, ttlSeconds: number): AccessTokenIssuer {
  const key = new TextEncoder().encode(secret);
  return {
    expiryOf: (now) => new Date(now.getTime() + (ttlSeconds + 5) * 1000),
    async issue(personId, familyId, now) {
      const iat = Math.floor(now.getTime() / 1000);
      const token = await new SignJWT({ token_use: 'access', fam: familyId })
        .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM, typ: 'JWT' })
        .setSubject(personId)
        .setAudience(ACCESS_TOKEN_AUDIENCE)
        .setIssuer(ACCESS_TOKEN_ISSUER)
        .setIssuedAt(iat)
        .setNotBefore(iat)
        .setExpirationTime(iat + ttlSeconds)
        .setJti(randomBytes(12).toString('base64url'))
        .sign(key);
      return { token, expiresAt: new Date((iat + ttlSeconds) * 1000) };
    },
    async verify(token, now) {
      try {
        const { payload } = await jwtVerify(token, key, {
          algorithms: [ACCESS_TOKEN_ALGORITHM],
          audience: ACCESS_TOKEN_AUDIENCE,
          issuer: ACCESS_TOKEN_ISSUER,
          requiredClaims: ['sub', 'exp', 'nbf', 'iat'],
          currentDate: now,
          clockTolerance: 5,
        });
        if (payload.token_use !== 'access' || typeof payload.sub !== 'string' || typeof payload.fam !== 'string') return { ok: false, reason: 'not an access token' };
        return { ok: true, personId: payload.sub, familyId: payload.fam };
      } catch (error) {
        const reason =
          error instanceof errors.JWTExpired ? 'expired'
          : error instanceof errors.JWTClaimValidationFailed ? `claim ${error.claim} ${error.reason}`
          : error instanceof errors.JOSEAlgNotAllowed ? 'algorithm not allowed'
          : error instanceof errors.JWSSignatureVerificationFailed ? 'bad signature'
          : 'malformed token';
        return { ok: false, reason };
      }
    },
  };
}
