// Roles SageMaker may assume (their trust policy names sagemaker.amazonaws.com), for the create wizards.
// The SDK's ListRoles paginator reads a bounded number of pages (firstPages); big accounts can still type an ARN.
import type { AwsClients } from '../clients';
import { firstPages } from '../firstPages';

export interface RoleChoice {
  name: string;
  arn: string;
  path: string;
  description?: string;
}

export function trustsSageMaker(policyDocument: string | undefined): boolean {
  if (!policyDocument) return false;
  try {
    return /"sagemaker\.amazonaws\.com"/.test(JSON.stringify(JSON.parse(decodeURIComponent(policyDocument))));
  } catch {
    return false;
  }
}

export async function sageMakerRoles(clients: AwsClients): Promise<RoleChoice[]> {
  const { paginateListRoles } = await import('./iamSdk.js');
  const roles = await firstPages(
    paginateListRoles({ client: await clients.iam(), pageSize: 100 }, {}),
    (page) => page.Roles ?? [],
  );
  return roles
    .filter((r) => trustsSageMaker(r.AssumeRolePolicyDocument))
    .map((r) => ({ name: r.RoleName ?? '', arn: r.Arn ?? '', path: r.Path ?? '/', description: r.Description }));
}
