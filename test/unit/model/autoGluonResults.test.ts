import * as assert from 'assert';
import { parseEvaluation, parseLeaderboardCsv } from '../../../src/model/autoGluonResults';

describe('AutoGluon results', () => {
  it("reads the seed's Leaderboard.csv, best validation score first", () => {
    const csv =
      ',model,score_test,score_val,pred_time_test,pred_time_val,fit_time,pred_time_test_marginal,pred_time_val_marginal,fit_time_marginal,stack_level,can_infer,fit_order\n1,XGBoost,0.229665,0.303213,0.0521,0.0118,4.87,0.0521,0.0118,4.87,1,True,2\n0,WeightedEnsemble_L2,0.229665,0.307229,0.4131,0.1062,38.52,0.4131,0.1062,38.52,2,True,1\n';
    const rows = parseLeaderboardCsv(csv);
    assert.deepStrictEqual(
      rows.map((r) => [r.model, r.scoreVal, r.best]),
      [
        ['WeightedEnsemble_L2', 0.307229, true],
        ['XGBoost', 0.303213, false],
      ],
    );
    assert.strictEqual(rows[0].fitTime, 38.52);
    assert.throws(() => parseLeaderboardCsv('name,score\nx,1\n'), /no "model" column \(columns: name, score\)/);
    assert.deepStrictEqual(parseEvaluation('{"accuracy": 0.2296, "balanced_accuracy": 0.1238, "note": "x"}'), [
      { name: 'accuracy', value: 0.2296 },
      { name: 'balanced_accuracy', value: 0.1238 },
    ]);
  });
});
