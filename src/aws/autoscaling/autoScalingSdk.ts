// The Application Auto Scaling SDK pieces endpoint scaling uses, loaded on first use (a webpack chunk).
export {
  ApplicationAutoScalingClient,
  DescribeScalableTargetsCommand,
  DescribeScalingPoliciesCommand,
  PutScalingPolicyCommand,
  RegisterScalableTargetCommand,
  paginateDescribeScalingPolicies,
} from '@aws-sdk/client-application-auto-scaling';
