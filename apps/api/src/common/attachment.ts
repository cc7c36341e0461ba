import type { Response } from 'express';

/** Content-Type and a download name that survives any characters the name holds. */
export function attachment(res: Response, name: string, extension: string, type: string): void {
  const safe = name.replace(/[^\w .-]+/g, '').trim() || 'download';
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Disposition', `attachment; filename="${safe}.${extension}"; filename*=UTF-8''${encodeURIComponent(`${name}.${extension}`)}`);
}
