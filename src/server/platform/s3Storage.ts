// The evidence store on S3-compatible storage (AWS S3, MinIO, Ceph RGW, …), for several machines
// sharing one bucket. Keys are the content's SHA-256, so a write is idempotent (an existing key is
// not written again) and two machines uploading the same photo store it once. Every write asks the
// server to verify a SHA-256 checksum of the bytes it received (x-amz-checksum-sha256, per part for
// multipart uploads); every read re-hashes the content and also compares the checksum the server
// returns, where it returns one. Credentials come from the SDK's usual chain (AWS_ACCESS_KEY_ID,
// AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_PROFILE, instance roles).
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import {
  EvidenceCorruptedError,
  EvidenceMissingError,
  EvidenceStoreUnavailableError,
  isSha256,
  sha256Hex,
  type EvidenceStore,
  type S3EvidenceLocation,
} from './storage.ts';

export interface S3StoreOptions {
  /** Files at least this large go up in parts (default 16 MiB). */
  multipartThreshold?: number;
  /** Part size for multipart uploads (default 8 MiB; S3 needs at least 5 MiB for all but the last). */
  partSize?: number;
  /** Per-request timeout in ms (default 60 s): a dead server must fail the upload, not hang it. */
  requestTimeoutMs?: number;
}

const MiB = 1024 * 1024;
const base64Sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('base64');

interface S3ErrorShape {
  name?: string;
  Code?: string;
  $metadata?: { httpStatusCode?: number };
}
const isNotFound = (error: unknown) => {
  const e = error as S3ErrorShape;
  return e?.name === 'NotFound' || e?.name === 'NoSuchKey' || e?.Code === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404;
};
const unavailable = (action: string, sha: string, error: unknown) =>
  new EvidenceStoreUnavailableError(`evidence store (S3) failed to ${action} ${sha}: ${(error as Error)?.message ?? error}`, {
    cause: error,
  });

export function createS3EvidenceStore(location: S3EvidenceLocation, options: S3StoreOptions = {}): EvidenceStore & { client: S3Client } {
  const threshold = options.multipartThreshold ?? 16 * MiB;
  const partSize = Math.max(options.partSize ?? 8 * MiB, 5 * MiB);
  const bucket: BucketRef = { client: createClient(location, options), Bucket: location.bucket, prefix: location.prefix };
  return {
    kind: 's3',
    client: bucket.client,
    async put(content) {
      const sha = sha256Hex(content);
      // Idempotent: the key is the content, so an object already there holds these bytes.
      if (await exists(bucket, sha)) return sha;
      try {
        if (content.length >= threshold) await putMultipart(bucket, sha, content, partSize);
        else await putSingle(bucket, sha, content);
      } catch (error) {
        throw unavailable('store', sha, error);
      }
      return sha;
    },
    get: (sha) => getVerified(bucket, sha),
    has: (sha) => (isSha256(sha) ? exists(bucket, sha) : Promise.resolve(false)),
    async delete(sha) {
      try {
        await bucket.client.send(new DeleteObjectCommand({ Bucket: bucket.Bucket, Key: keyOf(bucket, sha) }));
      } catch (error) {
        if (!isNotFound(error)) throw unavailable('delete', sha, error);
      }
    },
  };
}

/** The client and where the objects live. */
interface BucketRef {
  client: S3Client;
  Bucket: string;
  prefix: string;
}

function createClient(location: S3EvidenceLocation, options: S3StoreOptions): S3Client {
  return new S3Client({
    region: location.region,
    endpoint: location.endpoint,
    forcePathStyle: location.forcePathStyle,
    // Checksums are chosen explicitly below (SHA-256, the key's own hash), not the SDK's default CRC32.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
    requestHandler: { requestTimeout: options.requestTimeoutMs ?? 60_000, connectionTimeout: 5_000 },
  });
}

function keyOf(bucket: BucketRef, sha: string): string {
  if (!isSha256(sha)) throw new Error('invalid sha256');
  return `${bucket.prefix}${sha.slice(0, 2)}/${sha}`;
}

async function exists(bucket: BucketRef, sha: string): Promise<boolean> {
  try {
    await bucket.client.send(new HeadObjectCommand({ Bucket: bucket.Bucket, Key: keyOf(bucket, sha) }));
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw unavailable('look up', sha, error);
  }
}

async function putSingle(bucket: BucketRef, sha: string, content: Buffer): Promise<void> {
  await bucket.client.send(
    new PutObjectCommand({
      Bucket: bucket.Bucket,
      Key: keyOf(bucket, sha),
      Body: content,
      ContentLength: content.length,
      ChecksumSHA256: base64Sha256(content),
      Metadata: { sha256: sha },
      ContentType: 'application/octet-stream',
    }),
  );
}

async function putMultipart(bucket: BucketRef, sha: string, content: Buffer, partSize: number): Promise<void> {
  const { client, Bucket } = bucket;
  const Key = keyOf(bucket, sha);
  const created = await client.send(
    new CreateMultipartUploadCommand({ Bucket, Key, ChecksumAlgorithm: 'SHA256', Metadata: { sha256: sha } }),
  );
  const UploadId = created.UploadId!;
  try {
    const parts: { PartNumber: number; ETag: string | undefined; ChecksumSHA256: string }[] = [];
    for (let offset = 0, PartNumber = 1; offset < content.length; offset += partSize, PartNumber++) {
      const Body = content.subarray(offset, Math.min(offset + partSize, content.length));
      const ChecksumSHA256 = base64Sha256(Body);
      const part = await client.send(
        new UploadPartCommand({ Bucket, Key, UploadId, PartNumber, Body, ChecksumSHA256, ContentLength: Body.length }),
      );
      parts.push({ PartNumber, ETag: part.ETag, ChecksumSHA256 });
    }
    await client.send(new CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload: { Parts: parts } }));
  } catch (error) {
    // Best effort: a server that died will not answer, and the bucket's lifecycle rule for
    // incomplete multipart uploads removes the parts (docs/SCALING.md).
    await client.send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId })).catch(() => {});
    throw error;
  }
}

/** Reads an object and checks it against its key: the server's checksum, the stored metadata and a re-hash. */
async function getVerified(bucket: BucketRef, sha: string): Promise<Buffer> {
  let response;
  let content: Buffer;
  try {
    response = await bucket.client.send(new GetObjectCommand({ Bucket: bucket.Bucket, Key: keyOf(bucket, sha), ChecksumMode: 'ENABLED' }));
    content = Buffer.from(await response.Body!.transformToByteArray());
  } catch (error) {
    if (isNotFound(error)) throw new EvidenceMissingError(sha);
    throw unavailable('read', sha, error);
  }
  // A whole-object checksum (single PUT) must equal the key; a multipart object's checksum is
  // a checksum of part checksums ("…-N"), so there the re-hash below is the check.
  const serverChecksum = response.ChecksumSHA256;
  if (serverChecksum && !serverChecksum.includes('-') && serverChecksum !== Buffer.from(sha, 'hex').toString('base64')) {
    throw new EvidenceCorruptedError(sha, "the server's SHA-256 checksum does not match the key");
  }
  if (response.Metadata?.sha256 && response.Metadata.sha256 !== sha) throw new EvidenceCorruptedError(sha, 'stored under another SHA-256');
  if (sha256Hex(content) !== sha) throw new EvidenceCorruptedError(sha);
  return content;
}
