// The checks IAM makes of a role's trust (assume-role) policy before CreateRole accepts it, answered
// with MalformedPolicyDocument and IAM's messages: JSON, a Statement, Effect, a Principal, an Action,
// and no Resource (a trust policy names who may assume the role, not what it acts on).
import { AwsError } from '../../engine/contract';

function malformed(message: string): never {
  throw new AwsError('MalformedPolicyDocument', message, 400);
}

export function checkTrustPolicy(text: string): void {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    malformed('This policy contains invalid Json');
  }
  if (!document || typeof document !== 'object' || Array.isArray(document))
    malformed('This policy contains invalid Json');
  const { Version, Statement } = document as { Version?: unknown; Statement?: unknown };
  if (Version !== undefined && Version !== '2012-10-17' && Version !== '2008-10-17')
    malformed('The policy failed legacy parsing');
  if (Statement === undefined) malformed('Syntax errors in policy.');
  for (const statement of Array.isArray(Statement) ? Statement : [Statement]) {
    if (!statement || typeof statement !== 'object') malformed('Syntax errors in policy.');
    const s = statement as Record<string, unknown>;
    if (s.Resource !== undefined || s.NotResource !== undefined)
      malformed(`Has prohibited field ${s.Resource !== undefined ? 'Resource' : 'NotResource'}`);
    if (s.Effect !== 'Allow' && s.Effect !== 'Deny')
      malformed(s.Effect === undefined ? 'Missing required field Effect' : 'Invalid effect: ' + String(s.Effect));
    if (s.Principal === undefined && s.NotPrincipal === undefined) malformed('Missing required field Principal');
    if (s.Action === undefined && s.NotAction === undefined) malformed('Missing required field Action');
  }
}
