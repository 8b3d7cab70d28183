import * as assert from 'assert';
import { capacityText, endpointCapacityText, mergeVariants, scalingText } from '../../../src/model/endpointVariants';

describe('mergeVariants', () => {
  it('joins live counts, the configured instance type and the autoscaling bounds per variant', () => {
    const [v] = mergeVariants({
      endpointName: 'cmapss-ep',
      live: {
        ProductionVariants: [
          {
            VariantName: 'AllTraffic',
            CurrentInstanceCount: 2,
            DesiredInstanceCount: 3,
            CurrentWeight: 1,
            DeployedImages: [{ SpecifiedImage: 'xgboost:1.2-1' }],
          },
        ],
      },
      config: {
        ProductionVariants: [
          { VariantName: 'AllTraffic', ModelName: 'm', InstanceType: 'ml.m5.xlarge', InitialInstanceCount: 1 },
        ],
      },
      targets: [{ ResourceId: 'endpoint/cmapss-ep/variant/AllTraffic', MinCapacity: 1, MaxCapacity: 5 }],
    });
    assert.strictEqual(capacityText(v), '2 → 3 × ml.m5.xlarge');
    assert.strictEqual(scalingText(v), 'autoscaling 1–5');
    assert.deepStrictEqual(v.images, ['xgboost:1.2-1']);
    assert.strictEqual(v.modelName, 'm');
  });

  it('lists shadow variants after production ones and describes serverless capacity', () => {
    const variants = mergeVariants({
      endpointName: 'e',
      live: {
        ProductionVariants: [
          { VariantName: 'AllTraffic', CurrentServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 5 } },
        ],
        ShadowProductionVariants: [{ VariantName: 'ShadowV4', CurrentInstanceCount: 1 }],
      },
      config: { ShadowProductionVariants: [{ VariantName: 'ShadowV4', InstanceType: 'ml.m5.large' }] },
    });
    assert.deepStrictEqual(
      variants.map((v) => [v.name, v.shadow]),
      [
        ['AllTraffic', false],
        ['ShadowV4', true],
      ],
    );
    assert.strictEqual(capacityText(variants[0]), 'serverless · 2048 MB · 5 concurrent');
    assert.strictEqual(
      endpointCapacityText(variants),
      'serverless · 2048 MB · 5 concurrent',
      'the shadow does not count',
    );
    assert.strictEqual(scalingText(variants[0]), undefined);
  });

  it('still shows the configured variants of a failed endpoint, which has no live ones', () => {
    const variants = mergeVariants({
      endpointName: 'failed',
      live: {},
      config: {
        ProductionVariants: [
          { VariantName: 'AllTraffic', InstanceType: 'ml.m5.large', InitialInstanceCount: 1 },
          { VariantName: 'B', InstanceType: 'ml.c5.xlarge', InitialInstanceCount: 2 },
        ],
      },
    });
    assert.deepStrictEqual(variants.map(capacityText), ['1 × ml.m5.large', '2 × ml.c5.xlarge']);
    assert.strictEqual(endpointCapacityText(variants), '2 variants');
  });
});
