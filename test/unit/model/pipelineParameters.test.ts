import * as assert from 'assert';
import { changedParameters, parameterProblem, parseDefinitionParameters } from '../../../src/model/pipelineParameters';

const definition = JSON.stringify({
  Version: '2020-12-01',
  Parameters: [
    { Name: 'ProcessingInstanceCount', Type: 'Integer', DefaultValue: 1 },
    { Name: 'MseThreshold', Type: 'Float', DefaultValue: 6.0 },
    {
      Name: 'ModelApprovalStatus',
      Type: 'String',
      DefaultValue: 'PendingManualApproval',
      EnumValues: ['PendingManualApproval', 'Approved'],
    },
    { Name: 'InputData', Type: 'String' },
  ],
});

describe('pipeline parameters', () => {
  it('reads names, types and defaults from the definition', () => {
    const ps = parseDefinitionParameters(definition);
    assert.deepStrictEqual(
      ps.map((p) => [p.name, p.type, p.defaultValue]),
      [
        ['ProcessingInstanceCount', 'Integer', '1'],
        ['MseThreshold', 'Float', '6'],
        ['ModelApprovalStatus', 'String', 'PendingManualApproval'],
        ['InputData', 'String', undefined],
      ],
    );
  });

  it('checks values as SageMaker does and sends only what changed', () => {
    const [count, mse, status, input] = parseDefinitionParameters(definition);
    assert.strictEqual(parameterProblem(count, '2'), undefined);
    assert.match(parameterProblem(count, '2.5') ?? '', /not a whole number/);
    assert.match(parameterProblem(mse, 'five') ?? '', /not a number/);
    assert.strictEqual(parameterProblem(mse, '5.5'), undefined);
    assert.match(parameterProblem(status, 'Rejected') ?? '', /must be one of PendingManualApproval, Approved/);
    assert.match(parameterProblem(input, '') ?? '', /has no default/);
    assert.deepStrictEqual(
      changedParameters([count, mse, status], {
        ProcessingInstanceCount: '1',
        MseThreshold: '5.5',
        ModelApprovalStatus: '',
      }),
      [{ Name: 'MseThreshold', Value: '5.5' }],
    );
  });
});
