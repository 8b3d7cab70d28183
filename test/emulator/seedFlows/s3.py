"""S3 as the seeds use it through boto3: seed 004's Glue job uploads model.tar.gz and postprocess.tar.gz
with `s3.Bucket(bucket).upload_file(...)` (the model bundle is large enough for boto3 to upload it in
parts); seed 000's notebook writes the RecordIO training data with `upload_fileobj`; seed 003's
Session.upload_data puts abalone_with_headers.csv under abalone-v1/input (the SDK uploads with the
S3 resource's upload_file, reproduced here) and its evaluate_results Lambda reads evaluation.json with
get_object; the notebook user downloads what was uploaded.
"""
import hashlib
import io
import json
import os
import tarfile
import tempfile

import seedenv
import boto3

s3 = boto3.resource('s3')
s3_client = boto3.client("s3")
model_bucket = "car-evaluation-ml-123456789012"  # seed 004: 'Provide the s3 bucket name'
default_bucket = "sagemaker-us-east-1-123456789012"
fraud_bucket = "fraud-detection-end-to-end-demo"

# The seeds' buckets exist before their code runs (created in the console, by CloudFormation, by Terraform).
s3_client.create_bucket(Bucket=model_bucket)
s3_client.create_bucket(Bucket=fraud_bucket)

with tempfile.TemporaryDirectory() as tmp:
    # Seed 004: bundle.json and root/ packed as model.tar.gz; 9 MB of model so the upload is multipart.
    os.makedirs(os.path.join(tmp, "model", "root"))
    with open(os.path.join(tmp, "model", "bundle.json"), "w") as f:
        json.dump({"name": "pipeline_c3d5e1b3a8f7", "format": "ml.combust.bundle.serializer.SerializationFormat.Json"}, f)
    with open(os.path.join(tmp, "model", "root", "model.bin"), "wb") as f:
        f.write(os.urandom(9 * 1024 * 1024))
    model_tar = os.path.join(tmp, "model.tar.gz")
    with tarfile.open(model_tar, "w:gz") as tar:
        tar.add(os.path.join(tmp, "model", "bundle.json"), arcname='bundle.json')
        tar.add(os.path.join(tmp, "model", "root"), arcname='root')
    file_name = "model" + '/' + 'model.tar.gz'
    s3.Bucket(model_bucket).upload_file(model_tar, file_name)

    post_tar = os.path.join(tmp, "postprocess.tar.gz")
    with tarfile.open(post_tar, "w:gz") as tar:
        tar.add(os.path.join(tmp, "model", "bundle.json"), arcname='bundle.json')
    s3.Bucket(model_bucket).upload_file(post_tar, "model" + '/' + 'postprocess.tar.gz')

    # Seed 003: Session.upload_data("abalone_with_headers.csv", bucket=default_bucket, key_prefix="abalone-v1/input")
    csv = os.path.join(tmp, "abalone_with_headers.csv")
    with open(csv, "w") as f:
        f.write("sex,length,diameter,height,whole_weight,shucked_weight,viscera_weight,shell_weight,rings\n")
        f.write("M,0.455,0.365,0.095,0.514,0.2245,0.101,0.15,15\nM,0.35,0.265,0.09,0.2255,0.0995,0.0485,0.07,7\n")
    s3.Object(default_bucket, "abalone-v1/input/abalone_with_headers.csv").upload_file(csv)

    # Downloading them back, as the notebook user does.
    downloaded = os.path.join(tmp, "downloaded.tar.gz")
    s3_client.download_file(model_bucket, file_name, downloaded)
    same_model = hashlib.md5(open(downloaded, "rb").read()).hexdigest() == hashlib.md5(open(model_tar, "rb").read()).hexdigest()
    model_size = os.path.getsize(model_tar)
    with tarfile.open(downloaded) as tar:
        members = sorted(tar.getnames())
    csv_back = s3_client.get_object(Bucket=default_bucket, Key="abalone-v1/input/abalone_with_headers.csv")["Body"].read().decode()

# Seed 000: the RecordIO training data written from memory.
buf = io.BytesIO(b"\x0a\xd4\x43\x05" + b"\x00" * 1020)
bucket = fraud_bucket
prefix = 'linear-learner'
key = 'recordio-pb-data'
boto3.resource('s3').Bucket(bucket).Object(os.path.join(prefix, 'train', key)).upload_fileobj(buf)
recordio = s3_client.head_object(Bucket=bucket, Key=os.path.join(prefix, 'train', key))

# Seed 003's evaluate_results Lambda: evaluation results read with get_object and json.loads.
s3_client.put_object(Bucket=default_bucket, Key="abalone/evaluation/evaluation.json", Body=json.dumps({"GroundTruth": [15, 7, 9], "Predictions": [13.2, 7.9, 9.4]}))
json_file = json.loads(s3_client.get_object(Bucket=default_bucket, Key="abalone/evaluation/evaluation.json")['Body'].read())
y = json_file["GroundTruth"]
y_hat = json_file["Predictions"]
summation = 0
for i in range(0, len(y)):
    squared_diff = (y[i] - y_hat[i])**2
    summation += squared_diff
mse = summation / len(y)

listed = s3_client.list_objects_v2(Bucket=model_bucket, Prefix="model/")["Contents"]
seedenv.report({
    "modelSize": model_size,
    "sameModel": same_model,
    "members": members,
    "listed": [[o["Key"], o["Size"]] for o in listed],
    "multipartETag": [o["ETag"] for o in listed if o["Key"] == "model/model.tar.gz"][0],
    "csvLines": csv_back.strip().split("\n"),
    "recordioSize": recordio["ContentLength"],
    "mse": round(mse, 6),
})
