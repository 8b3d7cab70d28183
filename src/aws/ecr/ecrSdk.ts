// The ECR SDK pieces the training wizard's image step uses, in a module of their own so they load on first use
// (a webpack chunk): nothing else asks ECR.
export { ECRClient, paginateDescribeImages, paginateDescribeRepositories } from '@aws-sdk/client-ecr';
