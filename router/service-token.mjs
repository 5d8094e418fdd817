// The router's service credential (docs/security.md): every request the router sends to a
// subgraph carries `X-Service-Token`, a JWT signed with the router's own Ed25519 key
// (SERVICE_TOKEN_KEY, PKCS#8 PEM), addressed to that one subgraph:
//
//   JOSE   {"alg":"EdDSA","typ":"JWT","kid":"router:<first 16 chars of base64url(sha256(public key))>"}
//   claims {"iss":"purra-services","sub":"router","aud":"<subgraph>","iat":…,"exp":iat+300,"jti":…}
//
// The subgraph verifies it against SERVICE_JWKS (platform/auth/service.go: the same contract).
// Tokens are cached per subgraph and re-signed when less than a minute is left.
import { createPrivateKey, createPublicKey, createHash, sign, randomUUID } from 'node:crypto';

export const SERVICE_HEADER = 'x-service-token';
export const SERVICE_ISSUER = 'purra-services';
const TTL_SECONDS = 300;

const b64 = (obj) => Buffer.from(JSON.stringify(obj)).toString('base64url');

/** kid of an Ed25519 public key for service, as platform/auth.ServiceKID computes it. */
export function serviceKid(service, publicKey) {
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x, 'base64url');
  return `${service}:${createHash('sha256').update(raw).digest('base64url').slice(0, 16)}`;
}

/**
 * Returns tokenFor(audience): the service's current token for that subgraph.
 * `pem` is the service's private key; there is deliberately no default key.
 */
export function serviceTokenSigner({ service = 'router', pem, now = () => Date.now() }) {
  if (!pem) throw new Error('SERVICE_TOKEN_KEY is required: the router signs a service credential for every subgraph call (make run provisions one; see docs/security.md)');
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('SERVICE_TOKEN_KEY: expected an Ed25519 private key (PKCS#8 PEM)');
  const kid = serviceKid(service, createPublicKey(key));
  const header = b64({ alg: 'EdDSA', typ: 'JWT', kid });
  const cache = new Map();
  return function tokenFor(audience) {
    const t = Math.floor(now() / 1000);
    const hit = cache.get(audience);
    if (hit && hit.exp - 60 > t) return hit.token;
    const input = `${header}.${b64({ iss: SERVICE_ISSUER, sub: service, aud: audience, iat: t, exp: t + TTL_SECONDS, jti: randomUUID() })}`;
    const token = `${input}.${sign(null, Buffer.from(input), key).toString('base64url')}`;
    cache.set(audience, { token, exp: t + TTL_SECONDS });
    return token;
  };
}
