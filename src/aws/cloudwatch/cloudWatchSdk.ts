// The CloudWatch SDK pieces the endpoint metrics and the idle check use, loaded on first use (a webpack chunk).
export { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
