// The IAM SDK pieces the role step uses, in a module of their own so they load on first use (a webpack chunk):
// only the create wizards ask IAM anything.
export { IAMClient, paginateListRoles } from '@aws-sdk/client-iam';
