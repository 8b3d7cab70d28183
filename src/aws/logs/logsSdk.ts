// The CloudWatch Logs SDK pieces the training log uses, loaded on first use (a webpack chunk).
export {
  CloudWatchLogsClient,
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
