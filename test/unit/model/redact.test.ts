import * as assert from 'assert';
import { redact } from '../../../src/model/redact';

describe('redact', () => {
  it('drops the query string of presigned S3 and notebook URLs', () => {
    const s3 =
      'GET https://bucket.s3.amazonaws.com/key?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA&X-Amz-Signature=abc';
    assert.strictEqual(redact(s3), 'GET https://bucket.s3.amazonaws.com/key?<redacted>');
    const jupyter = 'opened https://nb.notebook.us-east-1.sagemaker.aws?authToken=eyJhbGciOi.secret';
    assert.strictEqual(redact(jupyter), 'opened https://nb.notebook.us-east-1.sagemaker.aws?<redacted>');
  });

  it('removes access key ids, secrets and session tokens', () => {
    const text = 'key AKIAIOSFODNN7EXAMPLE aws_secret_access_key=wJalrXUtnFEMI/K7MDENG sessionToken: "FwoGZXIvYXdz"';
    const out = redact(text);
    assert.doesNotMatch(out, /AKIAIOSFODNN7EXAMPLE|wJalrXUtnFEMI|FwoGZXIvYXdz/);
  });

  it('keeps ordinary log lines intact', () => {
    const line = 'sagemaker.ListNotebookInstances ok 42ms requestId=7f0c-11';
    assert.strictEqual(redact(line), line);
  });
});
