import * as assert from 'assert';
import {
  parsePredictions,
  predictionQuality,
  predictionsCsv,
  qualityText,
  requestLine,
  splitHeader,
  suggestLabelColumn,
} from '../../../src/model/batchPredictions';
import { contentTypeProblem, payloadProblem, responseExtension } from '../../../src/model/invokePayload';

describe('batch predictions', () => {
  it('finds the header and the rings label of an abalone CSV, and sends rows without it', () => {
    const table = splitHeader([
      ['sex', 'length', 'rings'],
      ['M', '0.455', '15'],
      ['F', '0.53', '9'],
    ]);
    assert.deepStrictEqual(table.header, ['sex', 'length', 'rings']);
    assert.strictEqual(suggestLabelColumn(table.header), 2);
    assert.strictEqual(requestLine(table.rows[0], 2), 'M,0.455');
    assert.strictEqual(
      splitHeader([
        ['1', '2'],
        ['3', '4'],
      ]).header,
      undefined,
      'seed 002 rows have no header',
    );
  });

  it('reads predictions from CSV (XGBoost joins rows with commas) and JSON answers', () => {
    assert.deepStrictEqual(parsePredictions('9.12,10.5', 'text/csv'), ['9.12', '10.5']);
    assert.deepStrictEqual(
      parsePredictions('{"predictions":[{"score":0.2,"predicted_label":0}]}', 'application/json'),
      ['0'],
    );
    assert.deepStrictEqual(parsePredictions('{"predictions":[{"score":9.5}]}', 'application/json'), ['9.5']);
    assert.deepStrictEqual(parsePredictions('[1.5, 2]', undefined), ['1.5', '2']);
  });

  it('computes RMSE, MAE and R² for numbers and accuracy for classes', () => {
    const q = predictionQuality(['10', '12', '8', '11'], ['11.5', '12', '6.5', undefined])!;
    assert.strictEqual(q.kind, 'regression');
    assert.strictEqual(q.count, 3, 'rows without a prediction are left out');
    assert.ok(Math.abs(q.rmse! - Math.sqrt(1.5)) < 1e-12);
    assert.ok(Math.abs(q.mae! - 1) < 1e-12);
    assert.match(qualityText(q), /^RMSE 1\.2247 · MAE 1\.0000 · R² 0\.4375 over 3 rows$/);
    const c = predictionQuality(['1', '0', '1', '1'], ['1', '0', '0', '1'])!;
    assert.deepStrictEqual([c.kind, c.accuracy], ['classification', 0.75]);
    assert.strictEqual(predictionQuality(['cat'], ['cat'])!.accuracy, 1);
  });

  it('writes the input columns plus prediction, quoting what needs it', () => {
    assert.strictEqual(
      predictionsCsv(
        {
          header: ['note', 'rings'],
          rows: [
            ['a,b', '9'],
            ['c', '10'],
          ],
        },
        ['9.5', undefined],
      ),
      'note,rings,prediction\n"a,b",9,9.5\nc,10,\n',
    );
  });

  it('checks content types and the 6 MB limit before sending', () => {
    assert.strictEqual(contentTypeProblem('text/csv'), undefined);
    assert.strictEqual(contentTypeProblem('application/json; charset=utf-8'), undefined);
    assert.match(contentTypeProblem('csv')!, /not a content type/);
    assert.match(payloadProblem(6 * 1024 * 1024 + 1)!, /at most 6 MB/);
    assert.match(payloadProblem(0)!, /empty/);
    assert.strictEqual(payloadProblem(6 * 1024 * 1024), undefined);
    assert.strictEqual(responseExtension('application/json'), 'json');
  });
});
