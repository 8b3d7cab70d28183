// Roles SageMaker may assume (their trust policy names sagemaker.amazonaws.com), for the create wizards.
// The SDK's ListRoles paginator reads at most MAX_PAGES pages; big accounts can still type an ARN.
import { paginateListRoles } from '@aws-sdk/client-iam';
import type { AwsClients } from '../clients';

const MAX_PAGES = 5;

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
  const out: RoleChoice[] = [];
  let pages = 0;
  for await (const page of paginateListRoles({ client: clients.iam(), pageSize: 100 }, {})) {
    for (const r of page.Roles ?? []) {
      if (trustsSageMaker(r.AssumeRolePolicyDocument)) out.push({ name: r.RoleName ?? '', arn: r.Arn ?? '', path: r.Path ?? '/', description: r.Description });
    }
    if (++pages >= MAX_PAGES) break;
  }
  return out;
}
