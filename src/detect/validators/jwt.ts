// JSON Web Tokens are recognised by their header, not by a list of how headers usually begin: every JWS and JWE
// header carries "alg" (RFC 7515 §4.1.1, RFC 7516 §4.1.1), in any order among the other parameters. Unsecured
// tokens (RFC 7519 §6: "alg":"none", empty signature) are a rule of their own, and a JWT that was base64-encoded
// once more (Kubernetes Secret data, config blobs) is decoded and judged the same way.

// The key decides; its value may be cut or mangled in pasted text, and then counts as a real algorithm.
const ALG = /"alg"\s*:\s*(?:"([^"]{0,40})")?/;
const COMPACT_JWS = /^eyJ[A-Za-z0-9_-]{10,2000}\.eyJ[A-Za-z0-9_-]{4,8000}\.[A-Za-z0-9_-]{0,1000}$/;

/** The "alg" of a compact token's header ('' when unreadable), or undefined when the header has no "alg". */
function headerAlg(token: string): string | undefined {
  const header = Buffer.from(token.slice(0, token.indexOf('.')), 'base64url').toString('latin1');
  const match = ALG.exec(header);
  return match ? (match[1] ?? '') : undefined;
}

/** A compact JWS or JWE whose header names an algorithm other than "none". */
export function isSignedJwt(value: string): boolean {
  const alg = headerAlg(value);
  return alg !== undefined && alg.toLowerCase() !== 'none';
}

/** An unsecured JWT: header "alg":"none". */
export function isUnsecuredJwt(value: string): boolean {
  return headerAlg(value)?.toLowerCase() === 'none';
}

/** Base64 of a compact JWT (signed or not) whose header names an algorithm. */
export function isBase64Jwt(value: string): boolean {
  const decoded = Buffer.from(value, 'base64').toString('latin1').trim();
  return COMPACT_JWS.test(decoded) && headerAlg(decoded) !== undefined;
}
