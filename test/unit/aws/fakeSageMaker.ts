import type { AwsClients } from '../../../src/aws/clients';

export type Sent = { name: string; input: Record<string, unknown> };

/** A SageMaker client that answers each command with the next of `answers` (an Error is thrown), and what it was sent. */
export function clientsAnswering(answers: unknown[]): { clients: AwsClients; sent: Sent[] } {
  const sent: Sent[] = [];
  const send = async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
    sent.push({ name: command.constructor.name, input: command.input });
    const answer = answers.shift();
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { clients: { sagemaker: async () => ({ send }) } as unknown as AwsClients, sent };
}
