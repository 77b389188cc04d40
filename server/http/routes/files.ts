/**
 * Uploaded files (board images and PDFs): `POST /api/sessions/:id/files` stores a file for a session's
 * community, `GET /api/files/:sha256` serves it to members of a community that has it. The type comes
 * from the content (server/files/detectFileType.ts); SVG is sanitised before storing and, like every
 * file, served under a sandboxing CSP; PDFs and SVGs are attachments, so neither runs in our origin.
 */
import path from 'node:path';
import { Readable } from 'node:stream';
import { Hono } from 'hono';
import { uploadPath as _uploadPath, type FileDto, type UploadType } from '../../../shared/api/files.ts';
import { canEditRoom } from '../../../shared/roles.ts';
import { detectFileType } from '../../files/detectFileType.ts';
import { FileStorage } from '../../files/FileStorage.ts';
import { readUploadBody } from '../../files/readUploadBody.ts';
import { SvgRejectedError, sanitizeSvg } from '../../files/sanitizeSvg.ts';
import { requireUser, type AppEnv } from '../AppEnv.ts';
import { loadSessionForMember, requireRole } from '../communityAccess.ts';
import type { AppDeps } from '../createApp.ts';
import { HttpError } from '../HttpError.ts';
import { ROUTES, pathParam, registerRoute } from '../routeTable.ts';

void _uploadPath; // the client's side of the same contract

/** The policy every stored file is served under: nothing loads, nothing runs, even if opened directly. */
export const FILE_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

const SHA256 = /^[0-9a-f]{64}$/;

/** A Content-Disposition value with an ASCII fallback name and the exact name in RFC 5987 form. */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const exact = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${exact}`;
}

/** Routes under /api/sessions/:id/files and /api/files. */
export function fileRoutes(deps: AppDeps): Hono<AppEnv> {
  const { store, config, log } = deps;
  const files = new FileStorage(path.join(config.dataDir, 'files'));
  const maxBytes = config.limits.maxUploadBytes;
  const app = new Hono<AppEnv>();

  registerRoute(app, ROUTES.uploadFile, async (c) => {
    const user = requireUser(c);
    const { session, membership } = await loadSessionForMember(store, pathParam(c, 'id'), user.id);
    requireRole(membership, canEditRoom, 'Viewers cannot add files to a session');
    const { bytes, name } = await readUploadBody(c, maxBytes);
    const mime = detectFileType(bytes);
    if (!mime) throw new HttpError('unsupported_media_type', 'Only PNG, JPEG, GIF, WebP and SVG images and PDF files can be uploaded');
    let content = bytes;
    if (mime === 'image/svg+xml') {
      try {
        content = new TextEncoder().encode(sanitizeSvg(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
      } catch (err) {
        if (err instanceof SvgRejectedError || err instanceof TypeError) throw new HttpError('unsupported_media_type', 'This SVG file could not be read safely');
        throw err;
      }
      if (content.byteLength > maxBytes) throw new HttpError('payload_too_large', 'This SVG file is too large');
    }
    const { sha256 } = await files.put(content);
    const now = new Date().toISOString();
    await store.files.addFile(
      { sha256, mime, bytes: content.byteLength, createdAt: now },
      { sha256, communityId: session.communityId, sessionId: session.id, name, uploadedBy: user.id, uploadedAt: now },
    );
    log.info('files.uploaded', { sha256, mime, bytes: content.byteLength, sessionId: session.id });
    const dto: FileDto = { sha256, mime, bytes: content.byteLength, name, url: `/api/files/${sha256}` };
    return c.json(dto, 201);
  });

  registerRoute(app, ROUTES.getFile, async (c) => {
    const user = c.get('user');
    const guest = c.get('guest');
    const sha = pathParam(c, 'sha256');
    const missing = new HttpError('not_found', 'File not found');
    if (!SHA256.test(sha)) throw missing;
    // Members read their communities' files; a guest only the files of its own session.
    const file = (user ? await store.files.getFileForMember(sha, user.id) : null) ?? (guest ? await store.guests.getSessionFile(guest.sessionId, sha) : null);
    if (!file) throw missing;
    const etag = `"${sha}"`;
    const headers: Record<string, string> = {
      'Content-Security-Policy': FILE_CSP,
      'Cross-Origin-Resource-Policy': 'same-origin',
      // Content-addressed: the bytes under this name never change. Private: access is per person.
      'Cache-Control': 'private, max-age=31536000, immutable',
      ETag: etag,
    };
    if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
    const opened = await files.open(sha);
    if (!opened) {
      log.error('files.missing_content', { sha256: sha });
      throw missing;
    }
    const mime = file.mime as UploadType;
    // Images show inline (in <img>, where scripts never run); SVG and PDF open only as downloads.
    const inline = mime !== 'image/svg+xml' && mime !== 'application/pdf';
    headers['Content-Type'] = mime;
    headers['Content-Length'] = String(opened.size);
    headers['Content-Disposition'] = contentDisposition(inline ? 'inline' : 'attachment', file.name);
    return c.body(Readable.toWeb(opened.stream) as ReadableStream, 200, headers);
  });

  return app;
}
