import * as assert from 'assert';
import { bucketOf, fetchedNotebookName, syncLocationOf } from '../../../src/model/notebookSyncLocation';

describe('notebook sync location', () => {
  it('reads the S3 folder the lifecycle scripts copy notebooks from, on-start first', () => {
    const onStart = 'aws s3 cp s3://ml-pipeline-bucket/lab-1/scripts/ /home/ec2-user/SageMaker/ --recursive';
    assert.deepStrictEqual(syncLocationOf('lab', 'foo', { onStart, onCreate: 'aws s3 sync s3://other/x/ .' }), {
      bucket: 'ml-pipeline-bucket',
      prefix: 'lab-1/scripts/',
      source: 's3://ml-pipeline-bucket/lab-1/scripts/',
    });
    assert.deepStrictEqual(syncLocationOf('lab', 'foo', { onStart: '', onCreate: 'aws s3 sync s3://other/x .' }), {
      bucket: 'other',
      prefix: 'x/',
      source: 's3://other/x',
    });
    assert.deepStrictEqual(
      syncLocationOf('lab', 'foo', { onStart: 'aws s3 cp s3://b/nb/Lab1.ipynb .', onCreate: '' }),
      { bucket: 'b', prefix: 'nb/', source: 's3://b/nb/Lab1.ipynb' },
    );
    assert.deepStrictEqual(syncLocationOf('lab', 'foo', { onStart: 'aws s3 cp s3://b/Lab1.ipynb .', onCreate: '' }), {
      bucket: 'b',
      prefix: '',
      source: 's3://b/Lab1.ipynb',
    });
    assert.deepStrictEqual(syncLocationOf('lab', 'foo', { onStart: 'aws s3 sync s3://b .', onCreate: '' }), {
      bucket: 'b',
      prefix: '',
      source: 's3://b',
    });
  });

  it('says why there is no location', () => {
    assert.match(
      syncLocationOf('abalone', undefined, { onStart: '', onCreate: '' }) as string,
      /^abalone has no lifecycle configuration/,
    );
    assert.strictEqual(
      syncLocationOf('lab', 'idle', { onStart: 'echo hi', onCreate: '' }),
      'The lifecycle configuration idle of lab copies nothing from S3 (no "aws s3 cp s3://…" or "aws s3 sync s3://…" line).',
    );
  });

  it('names buckets and fetched copies', () => {
    assert.strictEqual(bucketOf(' s3://ml-pipeline-bucket/lab-1/ '), 'ml-pipeline-bucket');
    assert.deepStrictEqual(
      [1, 2, 3].map((n) => fetchedNotebookName('Lab1.ipynb', n)),
      ['Lab1.ipynb', 'Lab1-2.ipynb', 'Lab1-3.ipynb'],
    );
  });
});
