/**
 * Files (attachments, library documents, generated letters) in one Blob Storage container.
 * Azurite locally, Azure Storage in production: only the connection string differs.
 */
import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';
import { STORAGE_RETRY_OPTIONS, storageStatus, toStorageError } from './storage-errors';

export interface StoredBlob {
  data: Buffer;
  contentType: string;
}

export interface BlobStore {
  /** Creates or replaces the blob. */
  put(name: string, data: Buffer, contentType: string): Promise<{ etag: string }>;
  /** Null when there is no such blob. */
  get(name: string): Promise<StoredBlob | null>;
  /** Deleting a blob that does not exist is not an error. */
  delete(name: string): Promise<void>;
}

const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/** Creates the container on the first write; a failed attempt is retried by the next write. */
function lazyContainerCreation(container: ContainerClient): () => Promise<void> {
  let created: Promise<void> | undefined;
  return () => {
    created ??= container.createIfNotExists().then(
      () => undefined,
      (error: unknown) => {
        created = undefined;
        throw toStorageError(error, `create container ${container.containerName}`);
      },
    );
    return created;
  };
}

export function createBlobStore(connectionString: string, containerName: string): BlobStore {
  const service = BlobServiceClient.fromConnectionString(connectionString, { retryOptions: STORAGE_RETRY_OPTIONS });
  const container = service.getContainerClient(containerName);
  const ensureContainer = lazyContainerCreation(container);

  return {
    async put(name, data, contentType) {
      await ensureContainer();
      try {
        const response = await container.getBlockBlobClient(name).uploadData(data, {
          blobHTTPHeaders: { blobContentType: contentType },
        });
        return { etag: response.etag ?? '' };
      } catch (error) {
        throw toStorageError(error, `upload blob ${containerName}/${name}`);
      }
    },

    async get(name) {
      try {
        const response = await container.getBlobClient(name).download();
        const data = response.readableStreamBody ? await readAll(response.readableStreamBody) : Buffer.alloc(0);
        return { data, contentType: response.contentType ?? DEFAULT_CONTENT_TYPE };
      } catch (error) {
        // 404 covers both a missing blob and a container not created yet (nothing written so far).
        if (storageStatus(error) === 404) return null;
        throw toStorageError(error, `download blob ${containerName}/${name}`);
      }
    },

    async delete(name) {
      try {
        await container.getBlobClient(name).deleteIfExists({ deleteSnapshots: 'include' });
      } catch (error) {
        if (storageStatus(error) === 404) return; // no container yet, so no blob either
        throw toStorageError(error, `delete blob ${containerName}/${name}`);
      }
    },
  };
}
