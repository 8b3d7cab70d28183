// The SageMaker Runtime SDK pieces Test Endpoint uses, loaded on first use (a webpack chunk).
export { InvokeEndpointCommand, SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
