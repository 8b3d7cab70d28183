// Nothing secret reaches the log: access keys, secrets, session tokens and presigned URLs (their query
// strings carry signatures and tokens; Jupyter presigned URLs carry an auth token).

const PATTERNS: Array<[RegExp, string]> = [
  // Presigned or token-bearing URLs: keep scheme, host and path, drop the query.
  [/(https?:\/\/[^\s?#"']+)\?[^\s"']*(X-Amz-|authToken|token=|Signature=|AWSAccessKeyId=)[^\s"']*/gi, '$1?<redacted>'],
  [/\b(AKIA|ASIA|AIDA|AROA)[A-Z0-9]{16}\b/g, '<redacted-access-key>'],
  [/(aws_secret_access_key|secretAccessKey|SecretAccessKey|"secret")(\s*[=:]\s*"?)([^\s",}]+)/g, '$1$2<redacted>'],
  [/(aws_session_token|sessionToken|SessionToken|x-amz-security-token)(\s*[=:]\s*"?)([^\s",}]+)/gi, '$1$2<redacted>'],
  [/(Authorization\s*[=:]\s*"?)(AWS4-HMAC-SHA256[^"\n]*)/gi, '$1<redacted>'],
];

export function redact(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
