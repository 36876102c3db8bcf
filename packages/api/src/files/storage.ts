import { createReadStream } from "node:fs";
import { access, mkdir, readFile, writeFile } from "node:fs/promises";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import path from "node:path";
import { fileTypeFromBuffer } from "file-type";
import { UTApi } from "uploadthing/server";

import { generateToken } from "../core/crypto";
import { ValidationFailed } from "../core/errors";

export { publicFileUrl } from "./public-url";

export interface StoredFile {
  storageKey: string;
  contentType: string;
  size: number;
}

export interface FileStorage {
  readonly backend: "local-disk" | "uploadthing";
  /** Private files (KYC documents) are never served publicly; read them through `read`. */
  put(input: {
    folder: string;
    bytes: Uint8Array;
    contentType: string;
    extension: string;
    visibility: "public" | "private";
  }): Promise<StoredFile>;
  read(storageKey: string): Promise<Uint8Array | null>;
  /** The file as a stream, for files too large to hold in memory at once (CSV imports). */
  openStream(storageKey: string): Promise<Readable | null>;
}

export function createFileStorage(options: { filesDir: string; uploadthingToken?: string }): FileStorage {
  if (options.uploadthingToken) {
    const api = new UTApi({ token: options.uploadthingToken });
    return {
      backend: "uploadthing",
      async put({ folder, bytes, contentType, extension, visibility }) {
        const file = new File([new Uint8Array(bytes)], `${folder}-${generateToken(10)}.${extension}`, { type: contentType });
        const result = await api.uploadFiles(file, { acl: visibility === "private" ? "private" : "public-read" });
        if (result.error) throw new Error(`uploadthing: ${result.error.message}`);
        return { storageKey: visibility === "private" ? `ut:${result.data.key}` : result.data.ufsUrl, contentType, size: bytes.byteLength };
      },
      async read(storageKey) {
        const key = storageKey.startsWith("ut:") ? storageKey.slice(3) : null;
        const url = key ? (await api.generateSignedURL(key)).ufsUrl : storageKey;
        const response = await fetch(url);
        return response.ok ? new Uint8Array(await response.arrayBuffer()) : null;
      },
      async openStream(storageKey) {
        const key = storageKey.startsWith("ut:") ? storageKey.slice(3) : null;
        const url = key ? (await api.generateSignedURL(key)).ufsUrl : storageKey;
        const response = await fetch(url);
        return response.ok && response.body ? Readable.fromWeb(response.body as WebReadableStream) : null;
      },
    };
  }
  const root = path.resolve(/* turbopackIgnore: true */ options.filesDir);
  return {
    backend: "local-disk",
    async put({ folder, bytes, contentType, extension, visibility }) {
      const storageKey = `${visibility === "private" ? "private/" : ""}${folder}/${generateToken(16)}.${extension}`;
      const target = path.join(root, storageKey);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, bytes);
      return { storageKey, contentType, size: bytes.byteLength };
    },
    async read(storageKey) {
      const target = path.resolve(/* turbopackIgnore: true */ root, storageKey);
      if (!target.startsWith(root + path.sep)) return null;
      return readFile(target).then(
        (buffer) => new Uint8Array(buffer),
        () => null,
      );
    },
    async openStream(storageKey) {
      const target = path.resolve(/* turbopackIgnore: true */ root, storageKey);
      if (!target.startsWith(root + path.sep)) return null;
      try {
        await access(target);
        return createReadStream(target);
      } catch {
        return null;
      }
    },
  };
}

const MIB = 1024 * 1024;

/**
 * Checks an upload by its content (magic bytes), never by its name or declared type:
 * a PHP script renamed .pdf is refused. Returns the detected type and extension.
 */
export async function inspectUpload(
  bytes: Uint8Array,
  rules: { allowed: readonly string[]; maxBytes: number; field: string },
): Promise<{ contentType: string; extension: string }> {
  if (bytes.byteLength === 0) throw new ValidationFailed("Empty file", { [rules.field]: ["The file is empty"] });
  if (bytes.byteLength > rules.maxBytes) {
    throw new ValidationFailed("File too large", { [rules.field]: [`The file is larger than ${Math.round(rules.maxBytes / MIB)} MB`] });
  }
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected || !rules.allowed.includes(detected.mime)) {
    throw new ValidationFailed("Unsupported file type", {
      [rules.field]: [`Only ${rules.allowed.map((t) => t.split("/")[1]?.toUpperCase()).join(", ")} files are accepted`],
    });
  }
  return { contentType: detected.mime, extension: detected.ext };
}
